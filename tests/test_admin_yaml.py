"""The form editor's config.yml is written by libyaml's emitter (macros/admin_hook.py):
it must be the text PyYAML's own emitter writes, for every setting the hook passes."""

from __future__ import annotations

import importlib.util

import yaml

from conftest import ROOT
from finsam.cms import config as cms_config


def _hook():
    spec = importlib.util.spec_from_file_location("admin_hook_under_test", ROOT / "macros" / "admin_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_libyaml_writes_what_pyyaml_writes():
    hook = _hook()
    for settings in (
        {"repo": None, "branch": "main", "base_url": None, "site_url": None},
        {"repo": "forbund/webbplats", "branch": "utkast", "base_url": "https://oauth.example.se", "site_url": "https://exempel.se/"},
    ):
        data = cms_config(**settings)
        assert hook.dump(data) == yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=100)
    assert hasattr(yaml, "CSafeDumper")  # the pinned PyYAML wheel has libyaml; without it the saving is gone

"""macros/gc_hook.py: `properdocs build` puts off Python's cyclic garbage collector
until the configuration is loaded, then freezes what exists; nothing else changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, assert_built_the_same

sys.path.insert(0, str(ROOT / "macros"))

import gc_hook  # noqa: E402


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["/venv/bin/properdocs", "build", "--strict", "-f", "mkdocs.yml"], True),
        (["/venv/bin/properdocs", "-q", "build"], True),
        (["/venv/lib/python3.11/site-packages/properdocs/__main__.py", "build", "--strict"], True),
        (["/venv/bin/mkdocs", "build"], True),
        (["/venv/bin/properdocs", "serve"], False),
        (["/venv/bin/properdocs", "gh-deploy"], False),
        (["/venv/lib/python3.11/site-packages/pytest/__main__.py", "-k", "build"], False),
        (["/venv/bin/pytest", "build"], False),
        (["-c"], False),
        ([], False),
    ],
)
def test_only_a_build_is_recognised(argv, expected):
    assert gc_hook.building(argv) is expected


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv("FINSAM_GC_FREEZE", "0")
    assert not gc_hook.building(["/venv/bin/properdocs", "build"])


PROBE = """
import gc, json, sys
sys.argv = [{program!r}, {command!r}]
sys.path.insert(0, {macros!r})
import gc_hook
seen = {{"after_import": gc.isenabled()}}
gc_hook.on_startup(command={command!r}, dirty=False)
seen["after_startup"] = gc.isenabled()
gc_hook.on_config(object())
seen["after_config"] = gc.isenabled()
seen["frozen"] = gc.get_freeze_count() > 0
print(json.dumps(seen))
"""


def _probe(command: str) -> dict:
    code = PROBE.format(program="/venv/bin/properdocs", command=command, macros=str(ROOT / "macros"))
    env = dict(os.environ)
    env.pop("FINSAM_GC_FREEZE", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_a_build_collects_again_after_its_config_with_the_configured_objects_frozen():
    assert _probe("build") == {"after_import": False, "after_startup": False, "after_config": True, "frozen": True}


def test_serve_keeps_the_collector_as_usual():
    # serve stays up and builds again and again: nothing frozen, collector on from on_startup.
    assert _probe("serve") == {"after_import": True, "after_startup": True, "after_config": True, "frozen": False}


@pytest.mark.first
def test_the_built_site_is_the_same_without_it(fixture_build, tmp_path):
    assert_built_the_same(fixture_build.site, tmp_path, {"FINSAM_GC_FREEZE": "0"})

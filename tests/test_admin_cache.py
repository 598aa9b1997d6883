"""The form editor's config.yml kept between builds (macros/admin_hook.py): the kept
text is the text the models make, and anything it is made from makes it afresh."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from conftest import ROOT

SETTINGS = {"repo": "forbund/webbplats", "branch": "main", "base_url": None, "site_domain": None,
            "auth_endpoint": None, "site_url": "https://exempel.se/"}


def _hook():
    """A fresh copy of the hook (its in-process cache empty)."""
    spec = importlib.util.spec_from_file_location("admin_hook_under_test", ROOT / "macros" / "admin_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def data(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "budget", copy / "budget")
    return copy


def _made(data, cache_dir=None, **settings):
    return _hook()._config_yml((), cache_dir=cache_dir, **{**SETTINGS, "data_root": data, **settings})


def test_the_kept_text_is_the_text_the_models_make(data, tmp_path, monkeypatch):
    fresh = _made(data)
    assert _made(data, tmp_path / "kept") == fresh
    assert len(list((tmp_path / "kept").glob("config-*.yml"))) == 1
    # Read back without the models: a walk of them now would fail.
    import finsam.cms

    monkeypatch.setattr(finsam.cms, "config", lambda **_: pytest.fail("made again"))
    assert _made(data, tmp_path / "kept") == fresh


def test_a_kept_text_under_another_key_is_made_afresh(data, tmp_path):
    fresh = _made(data)
    key = _hook()._key({**SETTINGS, "data_root": data})
    (tmp_path / "kept").mkdir()
    kept = tmp_path / "kept" / f"config-{key[:32]}.yml"
    kept.write_text("0" * 64 + "\nbackend: fel\n", encoding="utf-8")  # the file's name, another key inside
    assert _made(data, tmp_path / "kept") == fresh
    assert kept.read_text(encoding="utf-8") == f"{key}\n{fresh}"


def test_other_data_and_settings_are_kept_beside_it_up_to_a_number(data, tmp_path):
    hook = _hook()
    branches = [f"gren-{n}" for n in range(hook.KEPT + 2)]
    for branch in branches:
        _made(data, tmp_path / "kept", branch=branch)
    assert len(list((tmp_path / "kept").glob("config-*.yml"))) == hook.KEPT
    fresh = _made(data, branch=branches[-1])
    assert _made(data, tmp_path / "kept", branch=branches[-1]) == fresh


def test_the_key_follows_the_settings_the_budget_files_and_the_code(data, tmp_path):
    hook = _hook()
    base = hook._key({**SETTINGS, "data_root": data})
    assert hook._key({**SETTINGS, "data_root": data}) == base
    assert hook._key({**SETTINGS, "data_root": data, "branch": "utkast"}) != base
    budget = sorted((data / "budget").glob("*.yaml"))[-1]
    budget.write_bytes(budget.read_bytes() + b"\n")
    assert hook._key({**SETTINGS, "data_root": data}) != base
    budget.write_bytes(budget.read_bytes()[:-1])
    assert hook._key({**SETTINGS, "data_root": data}) == base
    code = tmp_path / "finsam"
    shutil.copytree(ROOT / "macros" / "finsam", code, ignore=shutil.ignore_patterns("__pycache__"))
    hook.FINSAM = code
    same_code = hook._key({**SETTINGS, "data_root": data})
    (code / "cms.py").write_text((code / "cms.py").read_text(encoding="utf-8") + "\n# ändrad\n", encoding="utf-8")
    assert hook._key({**SETTINGS, "data_root": data}) != same_code


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv("FINSAM_ADMIN_CACHE", "0")
    assert _hook()._cache_dir({"config_file_path": str(ROOT / "mkdocs.yml")}) is None
    monkeypatch.delenv("FINSAM_ADMIN_CACHE")
    assert _hook()._cache_dir({"config_file_path": str(ROOT / "mkdocs.yml")}) == ROOT / ".cache" / "admin"


def test_the_editor_files_are_linked_or_copied_with_the_same_bytes(tmp_path, monkeypatch):
    hook = _hook()
    source = tmp_path / "decap-cms.js"
    source.write_bytes(b"/* decap */\n")
    hook._place(source, tmp_path / "linked.js")
    assert (tmp_path / "linked.js").read_bytes() == source.read_bytes()

    def no_links(*_):
        raise OSError("Invalid cross-device link")

    monkeypatch.setattr(hook.os, "link", no_links)
    hook._place(source, tmp_path / "copied.js")
    assert (tmp_path / "copied.js").read_bytes() == source.read_bytes()
    assert (tmp_path / "copied.js").stat().st_ino != source.stat().st_ino


def test_the_same_data_named_relatively_or_absolutely_is_the_same_key(monkeypatch):
    hook = _hook()
    monkeypatch.chdir(ROOT)
    from pathlib import Path

    assert hook._key({**SETTINGS, "data_root": Path("data")}) == hook._key({**SETTINGS, "data_root": ROOT / "data"})

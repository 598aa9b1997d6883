"""The form editor's configuration (Decap CMS at /admin/), generated from the models.

Checks meaning, not a snapshot: every field has its Swedish label and help,
fixed values are drop-downs with Swedish labels, dates and numbers have their
widgets, ids of people, sources and members are pickers over collections that
exist, changes go through the editorial workflow, and the built site carries
the editor's own files (no CDN) when node_modules has them.
"""

from __future__ import annotations

import os

import pytest
import yaml

from conftest import ROOT
from finsam.cms import EDITED, config

CFG = config("forbundet/webbplats")


def _fields(fields):
    for f in fields:
        yield f
        yield from _fields(f.get("fields", []))
        for t in f.get("types", []):
            yield from _fields(t["fields"])
        if "field" in f:
            yield f["field"]


def _all_fields():
    for c in CFG["collections"]:
        for f in c.get("fields", []):
            yield from _fields([f])
        for file in c.get("files", []):
            yield from _fields(file["fields"])


def test_swedish_interface_and_editorial_workflow():
    assert CFG["locale"] == "sv"
    assert CFG["publish_mode"] == "editorial_workflow"
    assert CFG["backend"] == {"name": "github", "repo": "forbundet/webbplats", "branch": "main"}
    assert set(CFG["local_backend"]["allowed_hosts"]) <= {"127.0.0.1", "localhost"}


def test_the_required_collections_are_there():
    names = {c["name"] for c in CFG["collections"]}
    assert {"nyheter", "moten", "styrelser", "personer", "dokument", "kallor", "insatser"} <= names
    assert names == {"nyheter", *EDITED}


def test_every_field_has_a_swedish_label_and_help():
    for f in _all_fields():
        if f["name"] == "varde":
            continue  # the item of a list of plain values: the list has the label
        assert f["label"] != f["name"] or f["name"] in ("id",), f
        assert f.get("hint"), f


def test_widgets_follow_the_types():
    by_path = {}
    for c in CFG["collections"]:
        for f in c.get("fields", []):
            by_path[(c["name"], f["name"])] = f
    mote = next(f for f in by_path[("moten", "moten")]["fields"])
    fields = {f["name"]: f for f in by_path[("moten", "moten")]["fields"]}
    assert mote["name"] == "id"
    assert fields["slag"]["widget"] == "select"
    assert {"label": "Styrelsemöte", "value": "styrelsemote"} in fields["slag"]["options"]
    assert fields["datum"]["widget"] == "datetime" and fields["datum"]["format"] == "YYYY-MM-DD"
    assert fields["datum"]["time_format"] is False
    assert fields["kalla"]["widget"] == "relation" and fields["kalla"]["collection"] == "kallor"
    platser = {f["name"]: f for f in by_path[("styrelser", "platser")]["fields"]}
    assert platser["person"]["widget"] == "relation" and platser["person"]["collection"] == "personer"
    assert platser["person"]["required"] is False  # null: the seat's holder is not known
    assert platser["medlem"]["collection"] == "forbund"
    numbers = [f for f in _all_fields() if f.get("widget") == "number"]
    assert numbers and all(f["value_type"] in ("int", "float") for f in numbers)


def test_relations_point_at_collections_and_lists_that_exist():
    files = {(c["name"], f["name"]): f for c in CFG["collections"] for f in c.get("files", [])}
    for f in _all_fields():
        if f.get("widget") != "relation":
            continue
        target = files[(f["collection"], f["file"])]
        list_name = f["value_field"].split(".*.")[0]
        assert list_name in {x["name"] for x in target["fields"]}, f


def test_the_build_writes_the_editor_at_admin(tmp_path, monkeypatch):
    import admin_hook

    monkeypatch.delenv("FINSAM_ADMIN_REQUIRED", raising=False)
    admin_hook.on_post_build({"site_dir": str(tmp_path), "extra": {}, "repo_url": "https://github.com/forbundet/webbplats", "site_url": None})
    admin = tmp_path / "admin"
    written = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert written["locale"] == "sv" and written["backend"]["repo"] == "forbundet/webbplats"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert 'lang="sv"' in page
    if (ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").is_file():
        assert '<script src="decap-cms.js"></script>' in page  # the site's own copy, no CDN
        assert (admin / "decap-cms.js").is_file()
        assert not list(admin.glob("*.map")) and not (admin / "cms.js").exists()
    else:
        if os.environ.get("FINSAM_QUALITY_STRICT") == "1":
            pytest.fail("node_modules/decap-cms saknas (kör npm ci)")
        assert "npm ci" in page


def test_a_missing_editor_stops_the_build_when_required(tmp_path, monkeypatch):
    import admin_hook
    from mkdocs.exceptions import PluginError

    monkeypatch.setattr(admin_hook, "DIST", tmp_path / "saknas")
    monkeypatch.setenv("FINSAM_ADMIN_REQUIRED", "1")
    with pytest.raises(PluginError, match="npm ci"):
        admin_hook.on_post_build({"site_dir": str(tmp_path), "extra": {}, "repo_url": None, "site_url": None})

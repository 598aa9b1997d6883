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

from conftest import FIXTURE, REAL_DATA, ROOT
from finsam.cms import EDITED, config

CFG = config("forbundet/webbplats", data_root=REAL_DATA)  # with the budget years' forms


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
    assert {k: CFG["backend"][k] for k in ("name", "repo", "branch")} == {"name": "github", "repo": "forbundet/webbplats", "branch": "main"}
    assert all("{{path}}" in m and "(formulärredigeraren)" in m for m in CFG["backend"]["commit_messages"].values())
    assert set(CFG["local_backend"]["allowed_hosts"]) <= {"127.0.0.1", "localhost"}


def test_the_required_collections_are_there():
    names = {c["name"] for c in CFG["collections"]}
    assert {"nyheter", "moten", "styrelser", "personer", "dokument", "kallor", "insatser"} <= names
    assert names == {"nyheter", *EDITED, "budgetar"}


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


def test_a_list_of_two_shapes_is_a_typed_list_whose_key_the_model_reads(tmp_path):
    """The budget's lines: Decap writes the chosen shape under typeKey, and the model
    tells the shapes apart by that same key and value, so a line saved by the form
    is read as the shape that was chosen."""
    import shutil
    import typing

    from finsam.cms import BUDGET_FORM_YEARS, budget_columns
    from finsam.model.budget import POST_TYPE, Budget

    shutil.copytree(FIXTURE / "budget", tmp_path / "budget")
    cfg = config("forbundet/webbplats", data_root=tmp_path)
    budgets = next(c for c in cfg["collections"] if c["name"] == "budgetar")
    columns = budget_columns(tmp_path)
    assert [f["name"] for f in budgets["files"]] == [str(y) for y in sorted(columns)[-BUDGET_FORM_YEARS:]]
    assert all(f["file"] == f"data/budget/{f['name']}.yaml" for f in budgets["files"])
    for form in budgets["files"]:
        fields = {f["name"]: f for f in form["fields"]}
        for section in ("intakter", "kostnader"):
            typed = fields[section]
            assert typed["typeKey"] == POST_TYPE
            shapes = {t["name"]: t for t in typed["types"]}
            union = typing.get_args(typing.get_args(Budget.model_fields[section].annotation)[0])[0]
            tags = {typing.get_args(m.model_fields[POST_TYPE].annotation)[0] for m in typing.get_args(union)}
            assert set(shapes) == tags
            rad = {f["name"]: f for f in shapes["rad"]["fields"]}
            assert POST_TYPE not in rad  # Decap writes it from the chosen shape
            # one number field per column of this very file, labelled with its heading
            cols = columns[int(form["name"])]
            assert [(f["name"], f["label"]) for f in rad["belopp"]["fields"]] == list(cols.items())
            assert all(f["widget"] == "number" and f["value_type"] == "int" for f in rad["belopp"]["fields"])
            inner = {f["name"]: f for f in {f["name"]: f for f in shapes["grupp"]["fields"]}["rader"]["fields"]}
            assert inner[POST_TYPE] == {**inner[POST_TYPE], "widget": "hidden", "default": "rad"}


def test_every_phrase_of_the_interface_is_swedish():
    """Decap's Swedish translation lacks some phrases (it falls back to English:
    "Add möte"); admin/svenska.js adds them. Every phrase of the English translation
    then has a Swedish one, and none uses a glyph common fonts lack (the full-width
    plus showed as an empty box)."""
    import json
    import shutil
    import subprocess

    locales = ROOT / "node_modules" / "decap-cms-locales" / "src"
    if not (shutil.which("node") and (locales / "sv" / "index.js").is_file()):
        if os.environ.get("FINSAM_QUALITY_STRICT") == "1":
            pytest.fail("node eller node_modules/decap-cms-locales saknas (kör npm ci)")
        pytest.skip("node or node_modules/decap-cms-locales missing (npm ci)")
    script = f"""
    const fs = require('fs'), vm = require('vm');
    const load = p => {{ const src = fs.readFileSync(p, 'utf8').replace(/export default \\w+;/, '').replace(/^const (\\w+) =/m, 'module.exports =');
      const m = {{exports: {{}}}}; vm.runInNewContext(src, {{module: m}}); return m.exports; }};
    const en = load({json.dumps(str(locales / 'en' / 'index.js'))});
    const sv = load({json.dumps(str(locales / 'sv' / 'index.js'))});
    const CMS = {{ getLocale: () => sv, registerLocale: (n, p) => {{ CMS.out = p; }}, registerEventListener: () => {{}}, init: () => {{}} }};
    vm.runInNewContext(fs.readFileSync({json.dumps(str(ROOT / 'macros' / 'admin' / 'svenska.js'))}, 'utf8'), {{window: {{CMS}}}});
    const flat = (o, p = '') => Object.entries(o).flatMap(([k, v]) => typeof v === 'object' ? flat(v, p + k + '.') : [[p + k, v]]);
    const have = new Map(flat(CMS.out));
    console.log(JSON.stringify({{missing: flat(en).map(([k]) => k).filter(k => !have.has(k)), values: [...have.values()]}}));
    """
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    out = json.loads(result.stdout)
    assert out["missing"] == []
    assert not [v for v in out["values"] if "\uff0b" in v]


def test_the_cookie_page_names_what_the_editor_stores():
    """The form editor keeps the signed-in user's GitHub token in localStorage under
    one key; the cookie page names it, so a Decap upgrade that renames it fails here."""
    page = (ROOT / "docs" / "om-webbplatsen" / "kakor.md").read_text(encoding="utf-8")
    bundle = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
    assert "`decap-cms-user`" in page and "/admin/" in page and "IndexedDB" in page
    if bundle.is_file():
        assert '"decap-cms-user"' in bundle.read_text(encoding="utf-8", errors="replace")


def test_the_validator_names_the_shapes_as_the_forms_do():
    from finsam.helptexts import value_label
    from finsam.model.budget import POST_SHAPES

    assert {k: value_label(k) for k in POST_SHAPES} == POST_SHAPES


def test_dates_and_times_are_stored_as_the_schema_writes_them():
    """A date is stored ÅÅÅÅ-MM-DD in a date picker, a time of day TT:MM in a time
    picker (Decap's datetime widget: format is what is written, date_format/time_format
    choose the picker); no field gets a "UTC" label or today's date by default."""
    import datetime as dt
    import re

    from finsam.model.base import CLOCK_PATTERN
    from finsam.model.moten import Mote

    pickers = [f for f in _all_fields() if f.get("widget") == "datetime"]
    dates = [f for f in pickers if f["format"] == "YYYY-MM-DD"]
    times = [f for f in pickers if f["format"] == "HH:mm"]
    assert dates and times and len(dates) + len(times) == len(pickers)
    for f in dates:
        assert f["date_format"] == "YYYY-MM-DD" and f["time_format"] is False, f
    for f in times:
        assert f["time_format"] == "HH:mm" and f["date_format"] is False, f
    assert not [f for f in pickers if "picker_utc" in f or "default" in f]
    # Every model field that is a time of day has the time picker, and what it writes
    # (dayjs "HH:mm": two-digit 24-hour clock) is what the schema accepts.
    moten = next(c for c in CFG["collections"] if c["name"] == "moten")
    fields = {f["name"]: f for f in next(f for f in moten["fields"] if f["name"] == "moten")["fields"]}
    clocks = [n for n, info in Mote.model_fields.items() if CLOCK_PATTERN in repr(info.annotation)]
    assert clocks == ["start", "slut"] and all(fields[n]["format"] == "HH:mm" for n in clocks)
    for t in (dt.time(9, 0), dt.time(15, 30), dt.time(23, 59)):
        assert re.match(CLOCK_PATTERN, t.strftime("%H:%M"))


def test_fixed_values_are_listed_by_their_swedish_labels():
    """A drop-down shows each fixed value's Swedish label (from the help-text catalogue)
    and stores the id; a picker of people, sources or members shows the name or title."""
    from finsam.helptexts import value_label

    selects = [f for f in _all_fields() if f.get("widget") == "select"]
    assert selects
    for f in selects:
        for o in f["options"]:
            assert set(o) == {"label", "value"}
            assert o["label"] == value_label(o["value"]), (f["name"], o)  # the catalogue's label, never the bare id
    relations = [f for f in _all_fields() if f.get("widget") == "relation"]
    assert relations
    shown = {"kallor": "titel", "personer": "namn", "forbund": "namn"}
    for f in relations:
        (display,) = f["display_fields"]
        assert display.endswith(".*." + shown[f["collection"]]), f
        assert not display.endswith(".*.id")


def test_an_emptied_field_is_saved_as_null_not_as_an_empty_text():
    """Decap saves "" for an optional field that had a value and was emptied (the
    date's "Rensa"); admin/svenska.js turns every "" into null before saving (what the
    data writes for an unknown value), at any depth, and leaves a news post's text."""
    import json
    import shutil
    import subprocess

    immutable = ROOT / "node_modules" / "immutable"
    if not (shutil.which("node") and (immutable / "package.json").is_file()):
        if os.environ.get("FINSAM_QUALITY_STRICT") == "1":
            pytest.fail("node eller node_modules/immutable saknas (kör npm ci)")
        pytest.skip("node or node_modules/immutable missing (npm ci)")
    script = f"""
    const fs = require('fs'), vm = require('vm'), {{ fromJS }} = require({json.dumps(str(immutable))});
    const handlers = [];
    const CMS = {{ getLocale: () => ({{}}), registerLocale: () => {{}}, init: () => {{}},
      registerEventListener: (l) => handlers.push(l) }};
    vm.runInNewContext(fs.readFileSync({json.dumps(str(ROOT / 'macros' / 'admin' / 'svenska.js'))}, 'utf8'), {{window: {{CMS}}}});
    const save = handlers.filter(h => h.name === 'preSave');
    const run = d => save[0].handler({{ entry: fromJS({{ data: d }}) }}).toJS();
    console.log(JSON.stringify({{ n: save.length,
      moten: run({{ moten: [{{ id: 'a', datum: '', start: '', slut: '09:00', dokument: [{{ url: '' }}] }}], ar: 2025 }}),
      nyhet: run({{ slug: 'x', description: '', body: '' }}) }}));
    """
    out = json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)
    assert out["n"] == 1
    assert out["moten"] == {"moten": [{"id": "a", "datum": None, "start": None, "slut": "09:00", "dokument": [{"url": None}]}], "ar": 2025}
    assert out["nyhet"] == {"slug": "x", "description": None, "body": ""}


def test_the_newest_budget_years_have_forms_and_older_ones_do_not(tmp_path):
    """A form per budget year for the newest BUDGET_FORM_YEARS years only: the editor's
    config stays the same size however many years of data there are, and the newest
    year (the one being prepared) always has its form, with its own columns."""
    import shutil

    from finsam.cms import BUDGET_FORM_YEARS, budget_columns

    source = sorted((FIXTURE / "budget").glob("*.yaml"))[-1]
    years = range(2001, 2001 + BUDGET_FORM_YEARS + 4)
    (tmp_path / "budget").mkdir()
    for year in years:
        shutil.copy(source, tmp_path / "budget" / f"{year}.yaml")
    forms = next(c for c in config("forbundet/webbplats", data_root=tmp_path)["collections"] if c["name"] == "budgetar")
    assert [f["name"] for f in forms["files"]] == [str(y) for y in years[-BUDGET_FORM_YEARS:]]
    assert len(budget_columns(tmp_path)) == len(years)  # without a limit every year is read
    assert list(budget_columns(tmp_path, BUDGET_FORM_YEARS)) == list(years[-BUDGET_FORM_YEARS:])
    assert "GitHubs webbredigerare" in forms["description"]  # where an older year is corrected


def test_the_forms_read_only_the_newest_budget_files(tmp_path, monkeypatch):
    """The editor's config reads the budget files newest first and stops once the
    forms have their years: an older year costs the build nothing. A newest file that
    does not parse yet has no form, and the next older year takes its place."""
    import shutil

    from finsam import yamlload
    from finsam.cms import BUDGET_FORM_YEARS

    source = sorted((FIXTURE / "budget").glob("*.yaml"))[-1]
    years = list(range(2001, 2001 + BUDGET_FORM_YEARS + 6))
    (tmp_path / "budget").mkdir()
    for year in years:
        shutil.copy(source, tmp_path / "budget" / f"{year}.yaml")
    (tmp_path / "budget" / f"{years[-1]}.yaml").write_text("kolumner: [\n", encoding="utf-8")  # not YAML yet
    read = []
    real = yamlload.read_yaml
    monkeypatch.setattr(yamlload, "read_yaml", lambda path: read.append(int(path.stem)) or real(path))

    forms = next(c for c in config("forbundet/webbplats", data_root=tmp_path)["collections"] if c["name"] == "budgetar")

    wanted = years[-BUDGET_FORM_YEARS - 1:-1]  # the broken newest year is skipped
    assert [f["name"] for f in forms["files"]] == [str(y) for y in wanted]
    assert sorted(read) == years[-BUDGET_FORM_YEARS - 1:]  # those, and the newest that failed; no older one

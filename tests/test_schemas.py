"""Editor help: the committed JSON Schemas match the models, are valid JSON Schema
with Swedish help on every field, and VS Code's settings map every data file to its schema.

Both tests iterate over COLLECTIONS, so a new kind of data file is covered the
moment it is registered: run `make schemas` and commit the result.
"""

from __future__ import annotations

import json

import pytest

from conftest import REAL_DATA, ROOT
from finsam.dataset import COLLECTIONS
from finsam.schemas import (
    SCHEMA_LINE_PREFIX,
    VSCODE_SETTINGS,
    data_files,
    remove_schema_lines,
    schema_name,
    stale_schemas,
    stale_settings,
    vscode_settings_text,
    write_schemas,
)


def test_committed_schemas_match_the_models():
    stale = stale_schemas(ROOT)
    assert stale == [], f"inaktuella scheman {stale}: kör `make schemas` och checka in resultatet"


def test_vscode_settings_map_every_data_file_to_its_schema():
    assert stale_settings(ROOT) == [], "inaktuell .vscode/settings.json: kör `make schemas`"
    text = (ROOT / VSCODE_SETTINGS).read_text(encoding="utf-8")
    mapping = json.loads("\n".join(line for line in text.splitlines() if not line.startswith("//")))["yaml.schemas"]
    for path, coll in data_files(REAL_DATA):
        globs = mapping[f"./schemas/{schema_name(coll)}"]
        assert any(path.relative_to(ROOT).match(g) for g in globs), path
        assert (ROOT / "schemas" / schema_name(coll)).is_file()


def test_no_check_depends_on_a_schema_comment():
    # A form editor drops comments; nothing may need them. The old first line is removed.
    for path, _ in data_files(REAL_DATA):
        assert not path.read_text(encoding="utf-8").startswith(SCHEMA_LINE_PREFIX), path


@pytest.mark.parametrize("coll", COLLECTIONS, ids=lambda c: c.field)
def test_schema_forbids_unknown_keys_like_the_model(coll):
    schema = json.loads((ROOT / "schemas" / schema_name(coll)).read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert schema["title"] == f"data/{coll.pattern}"


def test_a_changed_model_makes_the_schema_stale(tmp_path, monkeypatch):
    write_schemas(tmp_path)
    assert stale_schemas(tmp_path) == []
    target = tmp_path / "schemas" / schema_name(COLLECTIONS[0])
    target.write_text(target.read_text(encoding="utf-8").replace('"title"', '"titel"', 1), encoding="utf-8")
    (tmp_path / "schemas" / "borttagen.schema.json").write_text("{}", encoding="utf-8")
    assert stale_schemas(tmp_path) == [f"schemas/{target.name}", "schemas/borttagen.schema.json"]
    write_schemas(tmp_path)
    assert stale_schemas(tmp_path) == []
    assert not (tmp_path / "schemas" / "borttagen.schema.json").exists()


def test_old_schema_lines_are_removed_and_the_rest_kept(fixture_copy):
    forbund = fixture_copy / "forbund.yaml"
    before = forbund.read_text(encoding="utf-8")
    forbund.write_text(SCHEMA_LINE_PREFIX + "../schemas/forbund.schema.json\n" + before, encoding="utf-8")
    assert remove_schema_lines(fixture_copy) == [forbund]
    assert forbund.read_text(encoding="utf-8") == before
    assert remove_schema_lines(fixture_copy) == []  # idempotent


def _schemas():
    return {c.field: json.loads((ROOT / "schemas" / schema_name(c)).read_text(encoding="utf-8")) for c in COLLECTIONS}


def _walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from _walk(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, path + (i,))


@pytest.mark.parametrize("coll", COLLECTIONS, ids=lambda c: c.field)
def test_schema_is_valid_json_schema(coll):
    from jsonschema import Draft202012Validator

    schema = _schemas()[coll.field]
    Draft202012Validator.check_schema(schema)  # the metaschema
    for _, node in _walk(schema):
        assert not {"ge", "le", "gt", "lt"} & set(node) or "type" not in node, node


@pytest.mark.parametrize("coll", COLLECTIONS, ids=lambda c: c.field)
def test_schema_patterns_are_ecma_262_regexes(coll):
    # JSON Schema's dialect is ECMA-262 (as editors run it, with the u flag);
    # Python's re accepts escapes such as \" that it rejects.
    import regress

    for path, node in _walk(_schemas()[coll.field]):
        if isinstance(node.get("pattern"), str) and "properties" != (path[-1:] or (None,))[0]:
            regress.Regex(node["pattern"], "u")


@pytest.mark.parametrize("coll", COLLECTIONS, ids=lambda c: c.field)
def test_every_property_has_a_swedish_title_and_description(coll):
    for path, node in _walk(_schemas()[coll.field]):
        if path and path[-1] == "properties":
            for name, prop in node.items():
                assert prop.get("title") and prop.get("description"), f"{coll.field}: {path} {name}"
        if "enum" in node and path and path[-2:-1] == ("properties",):
            assert "Tillåtna värden:" in node["description"], (coll.field, path)


@pytest.mark.parametrize("coll", COLLECTIONS, ids=lambda c: c.field)
def test_real_data_is_valid_against_its_schema(coll):
    # The schema editors see agrees with the loader on the real data.
    from jsonschema import Draft202012Validator
    from finsam.yamlload import read_yaml

    validator = Draft202012Validator(_schemas()[coll.field])
    for path in sorted(REAL_DATA.glob(coll.pattern)):
        doc, problems = read_yaml(path)
        assert not problems
        errors = [e.message for e in validator.iter_errors(_jsonable(doc.data))]
        assert errors == [], (path, errors[:3])


def _jsonable(value):
    import datetime as dt
    from decimal import Decimal

    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value

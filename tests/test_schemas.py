"""Editor help: the committed JSON Schemas match the models, and every data file names its schema.

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
    add_schema_lines,
    data_files,
    files_without_schema_line,
    schema_name,
    stale_schemas,
    write_schemas,
)


def test_committed_schemas_match_the_models():
    stale = stale_schemas(ROOT)
    assert stale == [], f"inaktuella scheman {stale}: kör `make schemas` och checka in resultatet"


def test_every_data_file_starts_with_its_schema_line():
    missing = files_without_schema_line(REAL_DATA, ROOT)
    assert missing == [], f"schemaraden saknas eller är fel i {missing}: kör `make schemas`"


def test_every_schema_line_points_at_an_existing_schema():
    for path, coll in data_files(REAL_DATA):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        target = (path.parent / first.removeprefix(SCHEMA_LINE_PREFIX)).resolve()
        assert target == (ROOT / "schemas" / schema_name(coll)).resolve()
        assert target.is_file()


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


def test_schema_lines_are_added_once_and_keep_the_rest(fixture_copy, tmp_path):
    forbund = fixture_copy / "forbund.yaml"
    before = forbund.read_text(encoding="utf-8")
    assert files_without_schema_line(fixture_copy, tmp_path)
    add_schema_lines(fixture_copy, tmp_path)
    assert files_without_schema_line(fixture_copy, tmp_path) == []
    after = forbund.read_text(encoding="utf-8")
    assert after == SCHEMA_LINE_PREFIX + "../schemas/forbund.schema.json\n" + before
    assert add_schema_lines(fixture_copy, tmp_path) == []  # idempotent


def test_data_files_open_with_a_swedish_comment_saying_how_to_check():
    for path, _ in data_files(REAL_DATA):
        lines = path.read_text(encoding="utf-8").split("\n")
        header = []
        for line in lines[1:]:
            if not line.startswith("#"):
                break
            header.append(line)
        assert header, f"{path}: en kort kommentar om vad filen matar saknas"
        assert any("make validate" in line for line in header), f"{path}: 'Kontrollera efter ändring: make validate' saknas"

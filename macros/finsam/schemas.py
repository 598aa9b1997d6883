"""JSON Schemas for the data files, generated from the models (editor help).

One schema per entry in ``COLLECTIONS``, written to ``schemas/<field>.schema.json``
beside data/. Each data file names its schema on its first line::

    # yaml-language-server: $schema=../schemas/forbund.schema.json

so VS Code (with the YAML extension) completes keys and flags mistakes while
typing. The models stay the single source: ``python -m finsam scheman``
regenerates the schemas and adds or corrects that first line in every data
file; a test fails when a committed schema differs from the models.
"""

from __future__ import annotations

import json
import re
import os
from pathlib import Path

from .dataset import COLLECTIONS, Collection

SCHEMA_DIR = "schemas"
SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="


def schema_name(coll: Collection) -> str:
    return f"{coll.field}.schema.json"


def schema_for(coll: Collection) -> dict:
    schema = coll.model.model_json_schema(mode="validation")
    doc = (coll.model.__doc__ or "").strip().splitlines()
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": (
            "Genereras från modellerna i macros/finsam/model/. Ändra inte för hand: "
            "kör `make schemas` (python -m finsam scheman)."
        ),
        "title": f"data/{coll.pattern}",
    }
    if doc:
        out["description"] = doc[0]
    schema.pop("title", None)
    schema.pop("description", None)
    out.update(schema)
    return out


def schema_text(coll: Collection) -> str:
    return json.dumps(schema_for(coll), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def expected_schemas() -> dict[str, str]:
    """File name -> content, for every collection."""
    return {schema_name(c): schema_text(c) for c in COLLECTIONS}


def stale_schemas(project: Path) -> list[str]:
    """Schema files that are missing, differ from the models, or belong to no collection."""
    folder = Path(project) / SCHEMA_DIR
    expected = expected_schemas()
    out = []
    for name, text in expected.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(f"{SCHEMA_DIR}/{name}")
    if folder.is_dir():
        out += [f"{SCHEMA_DIR}/{p.name}" for p in sorted(folder.glob("*.schema.json")) if p.name not in expected]
    return out


def write_schemas(project: Path) -> list[Path]:
    """Write every schema and remove schemas of collections that no longer exist."""
    folder = Path(project) / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    expected = expected_schemas()
    changed = []
    for name, text in expected.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for path in folder.glob("*.schema.json"):
        if path.name not in expected:
            path.unlink()
            changed.append(path)
    return changed


def schema_line(data_file: Path, data_root: Path, project: Path, coll: Collection) -> str:
    """The first line a data file should have (a path relative to the file)."""
    target = Path(project) / SCHEMA_DIR / schema_name(coll)
    rel = os.path.relpath(target, Path(data_file).parent)
    return SCHEMA_LINE_PREFIX + Path(rel).as_posix()


def data_files(data_root: Path) -> list[tuple[Path, Collection]]:
    """Every data file with the collection it belongs to."""
    out = []
    for coll in COLLECTIONS:
        out += [(p, coll) for p in sorted(Path(data_root).glob(coll.pattern)) if p.is_file()]
    return out


def files_without_schema_line(data_root: Path, project: Path) -> list[str]:
    out = []
    for path, coll in data_files(data_root):
        first = path.read_text(encoding="utf-8").lstrip("\ufeff").split("\n", 1)[0]
        if first != schema_line(path, data_root, project, coll):
            out.append(str(path))
    return out


def add_schema_lines(data_root: Path, project: Path) -> list[Path]:
    """Give every data file its schema line first (replacing an old one)."""
    changed = []
    for path, coll in data_files(data_root):
        text = path.read_text(encoding="utf-8").lstrip("\ufeff")
        lines = text.split("\n")
        wanted = schema_line(path, data_root, project, coll)
        if lines and lines[0].startswith(SCHEMA_LINE_PREFIX):
            if lines[0] == wanted:
                continue
            lines[0] = wanted
        else:
            lines.insert(0, wanted)
        path.write_text("\n".join(lines), encoding="utf-8")
        changed.append(path)
    return changed


def file_summary(path: Path) -> str:
    """The first sentence of a data file's opening Swedish comment (what it feeds)."""
    words: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").lstrip("\ufeff").split("\n"):
        if line.startswith(SCHEMA_LINE_PREFIX):
            continue
        if not line.startswith("#") or "make validate" in line:
            break
        words.append(line.lstrip("#").strip())
    text = " ".join(w for w in words if w)
    end = re.search(r"(?<!t\.ex)(?<!bl\.a)\.(\s|$)", text)
    return text[: end.start() + 1] if end else text

"""JSON Schemas for the data files, generated from the models (editor help).

One schema per entry in ``COLLECTIONS``, written to ``schemas/<field>.schema.json``
beside data/. ``.vscode/settings.json`` maps each collection's files to its schema
(``yaml.schemas`` globs), so VS Code (with the YAML extension) completes keys and
flags mistakes while typing. Nothing depends on a comment in the data files: a
form editor that drops comments loses nothing. An old ``# yaml-language-server``
first line is harmless and removed by ``make schemas``.

The models stay the single source, with the Swedish title and help of every
field from the catalogue (``helptexts``). Schemas are JSON Schema 2020-12:
bounds are ``minimum``/``maximum``, patterns are ECMA-262 regular expressions
(tests check both with a validator's metaschema and an ECMA engine). A test
fails when a committed schema differs from the models.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema

from .dataset import COLLECTIONS, Collection
from .helptexts import field_help, literal_values, model_help, value_label

SCHEMA_DIR = "schemas"
SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="
VSCODE_SETTINGS = ".vscode/settings.json"

# pydantic writes a bound it cannot attach to a type (a Field after a
# BeforeValidator) under its own name; JSON Schema's names for them:
_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _values_text(values: list) -> str:
    parts = []
    for v in values:
        label = value_label(v)
        shown = "true" if v is True else "false" if v is False else str(v)
        parts.append(f"{shown} ({label})" if label else shown)
    return "Tillåtna värden: " + ", ".join(parts) + "."


class SwedishSchema(GenerateJsonSchema):
    """pydantic's schema with every model's and field's Swedish title and help."""

    def model_schema(self, schema):
        out = super().model_schema(schema)
        cls = schema["cls"]
        target = out
        if "$ref" in out and out["$ref"].startswith("#/$defs/"):  # pragma: no cover - pydantic inlines here
            target = self.definitions.get(out["$ref"].split("/")[-1], out)
        own = model_help(cls)
        if own:
            target["title"], target["description"] = own.title, own.description
        for name, prop in target.get("properties", {}).items():
            help_ = field_help(cls, name)
            if help_ is None:
                continue
            description = help_.description
            values = literal_values(cls.model_fields[name].annotation)
            if values:
                description += " " + _values_text(values)
            prop["title"], prop["description"] = help_.title, description
        return out


def _json_schema_names(node, in_properties: bool = False):
    """Rename pydantic's ge/le/gt/lt to JSON Schema's keywords, everywhere."""
    if isinstance(node, dict):
        if not in_properties:
            for old, new in _BOUNDS.items():
                if old in node:
                    node[new] = node.pop(old)
        for key, value in node.items():
            _json_schema_names(value, in_properties=(key in ("properties", "$defs") and not in_properties))
    elif isinstance(node, list):
        for item in node:
            _json_schema_names(item)


def schema_name(coll: Collection) -> str:
    return f"{coll.field}.schema.json"


def schema_for(coll: Collection) -> dict:
    schema = coll.model.model_json_schema(mode="validation", schema_generator=SwedishSchema)
    _json_schema_names(schema)
    own = model_help(coll.model)
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": (
            "Genereras från modellerna i macros/finsam/model/. Ändra inte för hand: "
            "kör `make schemas` (python -m finsam scheman)."
        ),
        "title": f"data/{coll.pattern}",
    }
    if own:
        out["description"] = f"{own.title}: {own.description}"
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


def data_files(data_root: Path) -> list[tuple[Path, Collection]]:
    """Every data file with the collection it belongs to."""
    out = []
    for coll in COLLECTIONS:
        out += [(p, coll) for p in sorted(Path(data_root).glob(coll.pattern)) if p.is_file()]
    return out


def vscode_settings_text() -> str:
    """``.vscode/settings.json``: which schema checks which data files (the YAML extension)."""
    mapping = {f"./{SCHEMA_DIR}/{schema_name(c)}": [f"data/{c.pattern}"] for c in COLLECTIONS}
    header = (
        "// Genereras av `make schemas` (python -m finsam scheman): vilket schema som\n"
        "// kontrollerar vilka datafiler i VS Code (tillägget redhat.vscode-yaml).\n"
    )
    return header + json.dumps({"yaml.schemas": mapping}, ensure_ascii=False, indent=2) + "\n"


def stale_settings(project: Path) -> list[str]:
    path = Path(project) / VSCODE_SETTINGS
    if not path.is_file() or path.read_text(encoding="utf-8") != vscode_settings_text():
        return [VSCODE_SETTINGS]
    return []


def write_settings(project: Path) -> list[Path]:
    path = Path(project) / VSCODE_SETTINGS
    if stale_settings(project):
        path.parent.mkdir(exist_ok=True)
        path.write_text(vscode_settings_text(), encoding="utf-8")
        return [path]
    return []


def remove_schema_lines(data_root: Path) -> list[Path]:
    """Drop an old ``# yaml-language-server`` first line (the settings file does its job)."""
    changed = []
    for path, _coll in data_files(data_root):
        text = path.read_text(encoding="utf-8")
        if text.lstrip("\ufeff").startswith(SCHEMA_LINE_PREFIX):
            path.write_text(text.lstrip("\ufeff").split("\n", 1)[1] if "\n" in text else "", encoding="utf-8")
            changed.append(path)
    return changed

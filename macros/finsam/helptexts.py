"""Swedish titles and help for every field of every model: one catalogue.

The catalogue is ``model/hjalptexter.yaml``. Both the JSON Schemas
(``schemas.py``) and the form editor's configuration (``cms.py``) read it, so a
field is explained once. ``undocumented()`` lists fields without text and
entries that belong to no field; a test fails on either (an undocumented field
is a bug, like datasette's undocumented settings).
"""

from __future__ import annotations

import functools
import typing
from pathlib import Path

import yaml
from pydantic import BaseModel
from .frozen import frozen

CATALOGUE = Path(__file__).parent / "model" / "hjalptexter.yaml"
COMMON = "_alla"
VALUES = "varden"
SELF = "_"


@frozen
class Help:
    title: str
    description: str


def model_key(cls: type[BaseModel]) -> str:
    """``moten.Mote``: the model's module (last part) and class name."""
    return f"{cls.__module__.rsplit('.', 1)[-1]}.{cls.__name__}"


# libyaml reads the 40 KB catalogue in 0.01 s, PyYAML's Python loader in 0.1 s (on
# every build); tests/test_hjalptexter.py checks that both read the same.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def catalogue() -> dict:
    with CATALOGUE.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader (libyaml's or PyYAML's)


def _pair(entry) -> Help | None:
    if isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) and x.strip() for x in entry):
        return Help(entry[0], entry[1])
    return None


def model_help(cls: type[BaseModel]) -> Help | None:
    return _pair(catalogue().get(model_key(cls), {}).get(SELF))


def field_help(cls: type[BaseModel], name: str) -> Help | None:
    """The field's own entry under its model, else the common entry for that name."""
    own = catalogue().get(model_key(cls), {})
    if name in own:
        return _pair(own[name])
    return _pair(catalogue().get(COMMON, {}).get(name))


def value_label(value) -> str | None:
    """The Swedish label of an allowed value (``styrelsemote`` -> ``Styrelsemöte``)."""
    if isinstance(value, bool) or value is None:
        return None
    return catalogue().get(VALUES, {}).get(str(value))


def models_in(annotation, out: dict[type[BaseModel], None] | None = None) -> dict[type[BaseModel], None]:
    """Every model reachable from a type annotation, in order of first appearance."""
    out = {} if out is None else out
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in out:
            out[annotation] = None
            for f in annotation.model_fields.values():
                models_in(f.annotation, out)
        return out
    for arg in typing.get_args(annotation):
        models_in(arg, out)
    return out


def all_models() -> list[type[BaseModel]]:
    from .dataset import COLLECTIONS

    out: dict[type[BaseModel], None] = {}
    for coll in COLLECTIONS:
        models_in(coll.model, out)
    return list(out)


def literal_values(annotation) -> list:
    """The allowed values of a ``Literal`` anywhere in an annotation (``X | None`` too)."""
    out: list = []
    if typing.get_origin(annotation) is typing.Literal:
        return list(typing.get_args(annotation))
    for arg in typing.get_args(annotation):
        out += [v for v in literal_values(arg) if v not in out]
    return out


def undocumented() -> list[str]:
    """``model.field`` without Swedish text, values without a label, and stale entries."""
    problems = []
    models = all_models()
    keys = {model_key(m) for m in models}
    for cls in models:
        if model_help(cls) is None:
            problems.append(f"{model_key(cls)}: rubrik och beskrivning för modellen saknas (nyckeln _)")
        for name, f in cls.model_fields.items():
            if field_help(cls, name) is None:
                problems.append(f"{model_key(cls)}.{name}: rubrik och hjälptext saknas")
            for value in literal_values(f.annotation):
                if value_label(value) is None and not isinstance(value, bool):
                    problems.append(f"{model_key(cls)}.{name}: etikett saknas för värdet {value!r} (under varden)")
    used_names = {name for cls in models for name in cls.model_fields}
    for key, entries in catalogue().items():
        if key == COMMON:
            problems += [f"{COMMON}.{n}: inget fält heter så" for n in entries if n not in used_names]
        elif key == VALUES:
            continue
        elif key not in keys:
            problems.append(f"{key}: ingen sådan modell")
        else:
            cls = next(m for m in models if model_key(m) == key)
            problems += [
                f"{key}.{n}: inget sådant fält" for n in entries if n != SELF and n not in cls.model_fields
            ]
            problems += [f"{key}.{n}: ska vara [rubrik, hjälptext]" for n, e in entries.items() if _pair(e) is None]
    return problems

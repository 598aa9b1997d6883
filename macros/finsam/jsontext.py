"""Indented JSON text, the same bytes as ``json.dumps(obj, ensure_ascii=False, indent=2)``.

Python's ``json`` uses its C encoder only without ``indent``; with it, every value goes
through the pure-Python encoder's generators. The downloads (finsam/render/downloads.py)
are mostly rows, objects whose values are all numbers, texts or null: such a leaf
container is written here by the C encoder in one call, with the line break and the
indentation as its item separator (a text's own line breaks are escaped in JSON, so
the separator can appear nowhere else). Anything else (an object holding objects,
a key that is not a text) is indented level by level as ``json`` does, or handed to
``json`` itself. The text is what readers already get: the downloads' bytes do not
change (tests/test_jsontext.py compares with ``json.dumps`` on generated values and on
every real download).
"""

from __future__ import annotations

import functools
import json

_SCALARS = frozenset({str, int, float, bool, type(None)})
_SCALAR = json.JSONEncoder(ensure_ascii=False).encode


def dumps(obj, indent: int = 2) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=indent)``, byte for byte."""
    return _encode(obj, 0, " " * indent)


@functools.lru_cache(maxsize=32)
def _leaf_encoder(inner: str):
    """The C encoder writing one item per line at the indentation ``inner``."""
    return json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": ")).encode


def _leaf(obj: dict) -> bool:
    """An object whose keys are texts and whose values are all numbers, texts or null."""
    return all(type(k) is str and type(v) in _SCALARS for k, v in obj.items())


def _encode(obj, depth: int, step: str) -> str:
    kind = type(obj)
    if kind in _SCALARS:
        return _SCALAR(obj)
    outer = "\n" + step * depth
    if kind is dict:
        values = obj.values()
    elif kind is list or kind is tuple:
        values = obj
    else:  # something json itself must decide about (a subclass, or not encodable: TypeError)
        return json.dumps(obj, ensure_ascii=False, indent=step).replace("\n", outer)
    if not obj:
        return "{}" if kind is dict else "[]"
    inner = outer + step
    if kind is dict and not all(type(k) is str for k in obj):  # json's own key conversion
        return json.dumps(obj, ensure_ascii=False, indent=step).replace("\n", outer)
    if all(type(v) in _SCALARS for v in values):
        text = _leaf_encoder(inner)(obj)  # "{" item ",\n  " item "}"
        return text[0] + inner + text[1:-1] + outer + text[-1]
    if kind is list and all(type(v) is dict and v and _leaf(v) for v in obj):
        # Rows: a list of leaf objects in one call, the items one level deeper. Where one
        # row ends and the next begins ("}" separator "{", the only raw line break beside
        # a brace) the separator is the rows' own.
        deeper = inner + step
        text = _leaf_encoder(deeper)(obj)  # "[{" item sep item "}" sep "{" ... "}]"
        between = "}," + deeper + "{"
        return (
            "[" + inner + "{" + deeper
            + text[2:-2].replace(between, inner + "}," + inner + "{" + deeper)
            + inner + "}" + outer + "]"
        )
    if kind is dict:
        items = [_SCALAR(k) + ": " + _encode(v, depth + 1, step) for k, v in obj.items()]
        opening, closing = "{", "}"
    else:
        items = [_encode(v, depth + 1, step) for v in obj]
        opening, closing = "[", "]"
    return opening + inner + ("," + inner).join(items) + outer + closing

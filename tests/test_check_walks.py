"""The checks' walks over a file's values (personuppgifter._strings, kallor._walk,
sidor._references) give the same entries, in the same order, as the plain generators
recursing into every value that they replace (written out here as the definition)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import BaseModel

from conftest import FIXTURE, REAL_DATA
from finsam.checks.kallor import SOURCE_KEYS
from finsam.checks.kallor import _walk as source_references
from finsam.checks.personuppgifter import _strings
from finsam.checks.sidor import _reference_fields, _references
from finsam.dataset import load_dataset


def strings_by_generator(node, path):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings_by_generator(value, path + (key,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from strings_by_generator(item, path + (i,))
    elif isinstance(node, str):
        yield path, node, True
    elif isinstance(node, int) and not isinstance(node, bool):
        yield path, str(node), False


def sources_by_generator(node, path):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in SOURCE_KEYS:
                for i, ref in enumerate(value if isinstance(value, list) else [value]):
                    yield (path + (key, i) if isinstance(value, list) else path + (key,)), ref
            else:
                yield from sources_by_generator(value, path + (key,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from sources_by_generator(item, path + (i,))


def references_by_generator(node, path):
    if isinstance(node, BaseModel):
        references = _reference_fields(type(node))
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, str) and name in references:
                yield path + (name,), value
            else:
                yield from references_by_generator(value, path + (name,))
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from references_by_generator(item, path + (i,))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from references_by_generator(item, path + (key,))


class Text(str):
    pass


RAW_CASES = [
    "text",
    7,
    True,
    None,
    [],
    {},
    {"kalla": "a", "belopp": 12, "ok": False, "datum": dt.date(2025, 1, 1), "summa": Decimal("1.5")},
    {"kallor": ["a", None, 3], "rader": [{"kalla": None}, {"kallor": "b"}, [{"kalla": ["c"]}]]},
    [1, "x", [2, [Text("y"), {"z": [True, 4]}]], {"kalla": {"kalla": "inner"}}],
    {1: "a number as key", "kallor": [], ("t",): "tuple key"},
]


@pytest.mark.parametrize("data", RAW_CASES, ids=range(len(RAW_CASES)))
def test_the_raw_walks_give_what_the_generators_gave(data):
    for path in ((), ("bas", 2)):
        assert _strings(data, path) == list(strings_by_generator(data, path))
        assert source_references(data, path) == list(sources_by_generator(data, path))


def test_every_file_of_the_real_data_and_the_fixture():
    for root in (REAL_DATA, FIXTURE):
        ds = load_dataset(root)
        references = 0
        for doc in ds.documents():
            assert _strings(doc.raw, ()) == list(strings_by_generator(doc.raw, ())), doc.path
            assert source_references(doc.raw, ()) == list(sources_by_generator(doc.raw, ())), doc.path
            found = _references(doc.model, ())
            assert found == list(references_by_generator(doc.model, ())), doc.path
            references += len(found)
        assert references  # the walk met page references at all

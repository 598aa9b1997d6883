"""finsam.jsontext writes the same text as json.dumps(..., ensure_ascii=False, indent=2)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REAL_DATA
from finsam.jsontext import dumps

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5)
    | st.dictionaries(KEYS, inner, max_size=3) | st.tuples(inner, inner),
    max_leaves=40,
)


def reference(obj, indent=2) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


@settings(max_examples=400, deadline=None)
@given(VALUES, st.sampled_from([2, 0, 4]))
def test_the_same_text_as_json_for_any_json_value(obj, indent):
    """Texts with line breaks, quotes and å/ä/ö, NaN, empty and nested containers,
    keys that are not texts: always json's own text, whatever the indentation."""
    assert dumps(obj, indent) == reference(obj, indent)


def test_texts_that_look_like_the_separator_stay_inside_their_string():
    row = {"a": ",\n  \"b\": 1", "b\n": "x\ty", "c": "Västerås ∑ \u2028"}
    assert dumps([row, {"x": [row]}]) == reference([row, {"x": [row]}])
    assert json.loads(dumps(row)) == row
    rows = [row, {"}": "},\n{", "{": "}"}, {"z": None}, row]  # a list of rows, written in one call
    assert dumps({"rader": rows}) == reference({"rader": rows})
    assert dumps([rows, {}, [{}], [{"a": 1}, {}]]) == reference([rows, {}, [{}], [{"a": 1}, {}]])


def test_what_json_refuses_is_refused_as_json_refuses_it():
    for bad in ({"a": Decimal("1.5")}, [dt.date(2026, 1, 1)], {"a": {"b": object()}}):
        with pytest.raises(TypeError) as ours:
            dumps(bad)
        with pytest.raises(TypeError) as theirs:
            reference(bad)
        assert str(ours.value) == str(theirs.value)


def test_every_real_download_is_the_text_json_writes():
    """The downloads' bytes are what json.dumps(indent=2) gave them before."""
    from finsam.dataset import load_dataset
    from finsam.render import downloads

    ds = load_dataset(REAL_DATA)
    today = dt.date(2026, 11, 22)
    made = downloads.downloads(ds)
    assert made
    for d in made:
        text = downloads.to_json(d, ds, today)
        assert text == reference(json.loads(text)) + "\n"
        meta = downloads.to_csv_metadata(d, ds, today)
        assert meta == reference(json.loads(meta)) + "\n"

"""finsam.unfilled.marked_paths finds the same positions, in the same order, as a walk over every value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from conftest import FIXTURE, REAL_DATA
from finsam.unfilled import MARK, _walk, marked_paths
from finsam.yamlload import read_yaml


def _by_walk(data, path=()):
    """The definition: every position whose value is text that is the mark."""
    return [p for p, value in _walk(data, path) if isinstance(value, str) and value.strip() == MARK]


class Text(str):
    pass


CASES = [
    MARK,
    f"  {MARK}\n",
    "ATT FYLLA IN",
    None,
    7,
    [],
    {},
    {MARK: "a key is not a value"},
    {"belopp": MARK, "datum": dt.date(2025, 1, 1), "summa": Decimal("1"), "ok": True},
    [MARK, [MARK, {"x": [1, MARK]}], {"y": {"z": f" {MARK} "}}, Text(MARK)],
    {"rader": [{"namn": "a", "belopp": MARK}, {"namn": MARK, "grupp": [{"belopp": MARK}]}], "sist": MARK},
]


@pytest.mark.parametrize("data", CASES, ids=range(len(CASES)))
def test_the_positions_of_a_walk_over_every_value(data):
    assert marked_paths(data) == _by_walk(data)
    assert marked_paths(data, ("bas", 2)) == _by_walk(data, ("bas", 2))


def test_every_data_file_of_the_real_data_and_the_fixture():
    files = sorted(REAL_DATA.rglob("*.yaml")) + sorted(FIXTURE.rglob("*.yaml"))
    assert files
    for path in files:
        doc, _ = read_yaml(path)
        if doc is not None:
            assert marked_paths(doc.data) == _by_walk(doc.data), path

"""Golden tests: the Markdown each macro produces for the fixture förbund.

When a change to the output is intended, regenerate and review the diff:

    UPDATE_GOLDEN=1 make test

The files under tests/golden/ are then part of the commit.
"""

import datetime as dt
import os
from pathlib import Path

import pytest

from conftest import FIXTURE, edit
from finsam.dataset import load_dataset
from finsam.render import MACROS, Context

GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date(2026, 11, 22)

# (golden file name, macro, arguments)
CASES = [
    ("syfte", "syfte", ()),
    ("medlemmar", "medlemmar", ()),
    ("historik", "historik", ()),
    ("forbundsordning-2020", "forbundsordning", ("2020-01-01",)),
    ("forbundsordning-2010", "forbundsordning", ("2010",)),
    ("forbundsordning-versioner", "forbundsordning_versioner", ()),
]


@pytest.fixture(scope="module")
def ctx():
    return Context(load_dataset(FIXTURE), TODAY)


@pytest.mark.parametrize("name, macro, args", CASES, ids=[c[0] for c in CASES])
def test_golden(ctx, name, macro, args):
    out = MACROS[macro](ctx, *args)
    path = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(out + "\n", encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}; run with UPDATE_GOLDEN=1"
    assert out + "\n" == path.read_text(encoding="utf-8")


def test_in_force_version_depends_on_date():
    ds = load_dataset(FIXTURE)
    before = MACROS["forbundsordning_versioner"](Context(ds, dt.date(2015, 6, 1)), )
    assert "- [Exempeldalens Samordningsförbund](2010.md): från 1 januari 2010 till och med 31 december 2019; gäller den 1 juni 2015." in before


def test_text_from_data_is_inert(fixture_copy):
    edit(
        fixture_copy / "forbund.yaml",
        "  Exempeldalens förbund samordnar rehabilitering mellan fem parter.",
        "  <script>alert(1)</script> **fet** [länk](javascript:alert(1)) {{ x }} {% raw %} & ~~",
    )
    ctx = Context(load_dataset(fixture_copy), TODAY)
    out = MACROS["syfte"](ctx)
    assert "<script>" not in out
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in out
    assert "\\*\\*fet\\*\\*" in out and "\\[länk\\]\\(javascript:alert\\(1\\)\\)" in out
    assert "\\{\\{ x \\}\\}" in out and "\\{% raw %\\}" in out and "&amp; \\~\\~" in out

"""data/tillganglighet.yaml: the accessibility gaps the axe gate accepts, shown to the public."""

import datetime as dt

from conftest import REAL_DATA, edit, problems_in

from finsam.dataset import load_dataset
from finsam.render import Context
from finsam.render.tillganglighet import tillganglighet_undantag

GAP = """undantag:
  - regel: color-contrast
    sidor: ["arshjul/"]
    element: null
    wcag: 1.4.3 Kontrast (minimum)
    beskrivning: Texten i hjulet har för låg kontrast.
    skal: <b>Temat</b> sätter färgen.
    sedan: 2026-11-01
"""


def test_real_data_lists_its_gaps_or_says_there_are_none():
    ds = load_dataset(REAL_DATA)
    assert ds.tillganglighet is not None
    out = tillganglighet_undantag(Context(ds, dt.date(2026, 11, 22)))
    gaps = ds.tillganglighet.model.undantag
    assert ("inga kända fel är undantagna" in out) == (not gaps)
    if gaps:
        assert f"godtar {len(gaps)} känd" in out


def test_a_gap_is_listed_with_its_reason(fixture_copy):
    (fixture_copy / "tillganglighet.yaml").write_text(GAP, encoding="utf-8")
    ds = load_dataset(fixture_copy)
    out = tillganglighet_undantag(Context(ds, dt.date(2026, 11, 22)))
    assert "godtar 1 känd brist" in out
    assert "1\\.4\\.3 Kontrast" in out and "&lt;b&gt;Temat&lt;/b&gt;" in out
    assert "1 november 2026" in out


def test_a_gap_without_reason_is_refused(fixture_copy):
    path = fixture_copy / "tillganglighet.yaml"
    path.write_text(GAP, encoding="utf-8")
    edit(path, "    skal: <b>Temat</b> sätter färgen.\n", "")
    assert any("tillganglighet.yaml:2: undantag[1].skal: nyckeln 'skal' saknas" in p for p in problems_in(fixture_copy))

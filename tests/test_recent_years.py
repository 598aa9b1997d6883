"""Pages about one member or insats show the newest years in full and link every older
year (finsam.compute.recent): they do not grow with each year of data, and no year is lost."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re

import pytest
from conftest import REAL_DATA, ROOT

from finsam.compute import insatser as calc
from finsam.compute.medlemsinsatser import medlem_belopp
from finsam.compute.recent import LATEST_IN_FULL, newest_and_older
from finsam.dataset import load_dataset
from finsam.render import Context
from finsam.render import insatser as render_insatser
from finsam.render import styrelse as render_styrelse

YEARS = LATEST_IN_FULL + 3

spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_newest_and_older_splits_by_distinct_year_keeping_order():
    items = [("a", 2021), ("b", 2024), ("c", 2021), ("d", 2023), ("e", 2022), ("f", 2020)]
    newest, older = newest_and_older(items, lambda i: i[1], n=3)
    assert newest == [("b", 2024), ("d", 2023), ("e", 2022)]
    assert older == [("a", 2021), ("c", 2021), ("f", 2020)]
    assert newest_and_older([], lambda i: i, n=3) == ([], [])
    assert newest_and_older([5, 4], lambda i: i, n=3) == ([5, 4], [])


@pytest.fixture(scope="module")
def many_years(tmp_path_factory):
    """The real data with YEARS years of every yearly series (the benchmark's synthetic years)."""
    data, _ = bench.scaled_data(REAL_DATA, YEARS, tmp_path_factory.mktemp("years") / "data")
    return load_dataset(data)


def test_a_member_page_shows_the_newest_years_and_links_every_older_one(many_years):
    ds = many_years
    years = sorted((d.model.ar for d in ds.medlemsinsatser), reverse=True)
    assert len(years) == YEARS
    for org_id in ("sala", "region-vastmanland", "forsakringskassan"):
        view = medlem_belopp(ds, org_id)
        assert [a.year for a in view.amounts] == years[:LATEST_IN_FULL]
        assert [o.year for o in view.older] == years[LATEST_IN_FULL:]  # every year, newest first
        for o in view.older:  # each link goes to the member's row on that year's page
            assert o.page == f"ekonomi/medlemsinsatser/{o.year}.md" and o.anchor == org_id

    md = render_styrelse.medlem(Context(ds, dt.date(2026, 11, 22)), "sala")
    full = re.findall(r"\*\*Medlemsinsats (?:\[)?(\d{4})", md)
    assert [int(y) for y in full] == years[:LATEST_IN_FULL]
    older = re.search(r"\*\*Medlemsinsats tidigare år:\*\* (.*)", md).group(1)
    assert re.findall(r"\[(\d{4})\]\(\.\./ekonomi/medlemsinsatser/\d{4}\.md#sala\)", older) == [
        str(y) for y in years[LATEST_IN_FULL:]
    ]


def test_a_member_page_of_few_years_shows_them_all():
    ds = load_dataset(REAL_DATA)
    years = [d.model.ar for d in ds.medlemsinsatser]
    view = medlem_belopp(ds, "sala")
    if len(years) <= LATEST_IN_FULL:
        assert sorted(a.year for a in view.amounts) == sorted(years) and view.older == []
    assert {a.year for a in view.amounts} | {o.year for o in view.older} == set(years)


def test_an_insats_page_shows_the_newest_budgets_and_links_every_older_one(many_years):
    ds = many_years
    docs = sorted(d.model.ar for d in ds.budgetar)
    assert len(docs) == YEARS
    insats = ds.insatser.model.insats("processtod")
    history = calc.insats_budget(ds, insats.budgetrader)
    assert {c.document_year for c in history.cells} == set(docs[-LATEST_IN_FULL:])
    # The full table is budget_history's, less the older documents' columns.
    assert history.cells == [c for c in calc.budget_history(ds, insats.budgetrader) if c.document_year in docs[-LATEST_IN_FULL:]]
    assert [o.year for o in history.older] == docs[:-LATEST_IN_FULL]
    assert all(o.anchor == insats.budgetrader[0] and o.page == f"ekonomi/budget/{o.year}.md" for o in history.older)

    md = render_insatser.insats(Context(ds, dt.date(2026, 11, 22)), "processtod")
    table_docs = set(re.findall(r"\| \[Budget (\d{4})\]\(", md))
    assert table_docs == {str(y) for y in docs[-LATEST_IN_FULL:]}
    older = re.search(r"Tidigare budgetar, med beloppen på budgetens sida: (.*)", md).group(1)
    assert re.findall(r"\[Budget (\d{4})\]\(\.\./ekonomi/budget/\d{4}\.md#processtod", older) == [
        str(y) for y in docs[:-LATEST_IN_FULL]
    ]


def test_an_older_budget_without_the_insats_says_so(many_years):
    ds = many_years
    oldest = min(ds.budgetar, key=lambda d: d.model.ar)
    history = calc.insats_budget(ds, ["ingen-sadan-rad"])
    assert history.older[0].year == oldest.model.ar and history.older[0].anchor is None

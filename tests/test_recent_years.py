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


def test_the_ekonomi_page_shows_the_newest_outcomes_and_links_every_older_one(many_years):
    from finsam.render import utfall as render_utfall

    ds = many_years
    ctx = Context(ds, dt.date(2026, 11, 22))
    years = sorted((d.model.ar for d in ds.utfall), reverse=True)
    assert len(years) == YEARS
    md = render_utfall.utfall(ctx)
    assert [int(y) for y in re.findall(r"^### Utfall (\d{4})$", md, re.M)] == years[:LATEST_IN_FULL]
    linked = re.findall(r"\[(\d{4})\]\(utfall-tidigare-ar\.md#utfall-(\d{4})\)", md)
    assert [int(a) for a, b in linked] == years[LATEST_IN_FULL:] and all(a == b for a, b in linked)
    # the older years' page has each of them in full, under the heading the links point at
    older = render_utfall.utfall_tidigare(ctx)
    assert [int(y) for y in re.findall(r"^## Utfall (\d{4})$", older, re.M)] == years[LATEST_IN_FULL:]
    (page,) = [p for p in render_utfall.older_outcomes_page(ds)]
    assert page.path == render_utfall.OLDER_PAGE and page.parent == "ekonomi/index.md"
    assert page.content.startswith("---\nsearch:\n  exclude: true\n---\n")  # older years are not searched
    assert "utfall_tidigare" in page.content
    assert len(page.sources) == len(years) - LATEST_IN_FULL


def test_with_few_outcomes_there_is_no_page_for_older_ones():
    from finsam.render import utfall as render_utfall

    ds = load_dataset(REAL_DATA)
    if len(ds.utfall) > LATEST_IN_FULL:
        pytest.skip("the real data has more years than are shown in full")
    assert render_utfall.older_outcomes_page(ds) == []
    assert "utfall-tidigare-ar" not in render_utfall.utfall(Context(ds, dt.date(2026, 11, 22)))


def test_the_ekonomi_downloads_list_the_newest_years_and_link_the_older_ones(many_years):
    from finsam.render import downloads as dl

    ds = many_years
    md = dl.ekonomi_nedladdningar(Context(ds, dt.date(2026, 11, 22)))
    budget_years = sorted((d.model.ar for d in ds.budgetar), reverse=True)
    in_full = [int(y) for y in re.findall(r"^- Budget (\d{4}),", md, re.M)]
    assert in_full == sorted(budget_years[:LATEST_IN_FULL])
    line = re.search(r"^- Budget, tidigare år: (.*)\.$", md, re.M).group(1)
    links = re.findall(r"\[(\d{4})\]\(budget/(\d{4})\.md#ladda-ner\)", line)
    assert [int(a) for a, _ in links] == budget_years[LATEST_IN_FULL:] and all(a == b for a, b in links)
    for year in budget_years[LATEST_IN_FULL:]:  # the linked page lists that year's downloads
        assert dl.for_topic(ds, f"budget:{year}")
    contributions = sorted((d.model.ar for d in ds.medlemsinsatser), reverse=True)
    line = re.search(r"^- Medlemsinsatser, tidigare år: (.*)\.$", md, re.M).group(1)
    assert [int(y) for y in re.findall(r"\[(\d{4})\]", line)] == contributions[LATEST_IN_FULL:]
    # the allocation model's page lists all its years: one link, with the span of years
    model_years = sorted((d.model.ar for d in ds.fordelningsmodeller), reverse=True)
    if len(model_years) > LATEST_IN_FULL:
        older = model_years[LATEST_IN_FULL:]
        assert f"- Statens fördelningsmodell, tidigare år: [{older[-1]}\u2013{older[0]}](statens-fordelningsmodell.md#ladda-ner)." in md
    # nothing else is left out: every download not of an older year is listed in full
    listed = md.count("[CSV](")
    assert listed == len(dl.downloads(ds)) - (len(budget_years) - LATEST_IN_FULL) * 2 - (
        len(contributions) - LATEST_IN_FULL) - max(0, len(model_years) - LATEST_IN_FULL)

"""Built pages of the public reader: start page, insatser, dokument, länsförbundet."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, quote

import pytest
from bs4 import BeautifulSoup
from browser import chromium_path

from conftest import FIXTURE, REAL_DATA, edit, problems_in
from conftest import page as shared_page
from finsam.compute.lansforbundet import compare
from finsam.dataset import load_dataset
from finsam.nyheter import read_posts
from finsam.sidor import own_pages_dir


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    return real_site  # the shared build (tests/conftest.py)


def page(site, path) -> BeautifulSoup:
    return shared_page(site, path)  # parsed once per session (tests/conftest.py)


def article(site: Path, path: str):
    return page(site, path).find("article")


# -- start page -------------------------------------------------------------------


def test_start_page_has_key_figures_that_link_to_their_pages(site):
    art = article(site, "index.html")
    cards = art.select(".nyckeltal .nyckeltal__kort")
    assert cards
    for card in cards:
        assert card.select_one(".nyckeltal__varde").get_text(strip=True)
    reach = [c for c in cards if "Personer per år" in c.get_text()]
    from finsam.compute.insatser import reach_per_year

    varde = reach_per_year(load_dataset(REAL_DATA).insatser.model).varde
    assert reach and reach[0].select_one(".nyckeltal__varde").get_text(strip=True) == f"ca {varde}"
    assert reach[0].find("a")["href"].startswith("insatser/#samordningsteamen")


def test_start_page_says_which_budget_year_it_shows(site):
    # The latest budget year in the data (adding a year is routine); the figures
    # themselves are checked against budget 2023's source in tests/test_insatser.py.
    from finsam.compute.insatser import financed_count, key_figures

    ds = load_dataset(REAL_DATA)
    kf = key_figures(ds)
    art = article(site, "index.html")
    assert f"Siffrorna är från budgeten för {kf.year}, den senaste på webbplatsen." in art.get_text(" ", strip=True)
    values = {c.select_one(".nyckeltal__etikett").get_text(strip=True): c.select_one(".nyckeltal__varde").get_text(strip=True)
              for c in art.select(".nyckeltal__kort")}
    of_the_year = [label for label in values if label.endswith(f" {kf.year}")]
    assert len(of_the_year) >= 3 and all(values[label] for label in of_the_year), values
    assert values[f"Insatser med budget {kf.year}"] == str(financed_count(ds, kf.year))


def test_start_page_shows_the_vision_or_purpose_and_latest_news(site):
    art = article(site, "index.html")
    assert "samordnade insatser" in art.select_one(".start-ingress").get_text()
    news = art.find("h2", id="senaste-nytt").find_next("ul")
    items = news.find_all("li")
    posts = read_posts(own_pages_dir(REAL_DATA))  # staff add news posts: the newest three, whichever
    assert len(items) == min(3, len(posts))
    newest = posts[0].date
    assert items[0].find("a")["href"].startswith(f"aktuellt/{newest:%Y/%m/%d}/")


# -- insatser ---------------------------------------------------------------------

# Every insats in the data (staff add insatser), not a list of today's.
INSATSER = [i.id for i in load_dataset(REAL_DATA).insatser.model.insatser]


@pytest.mark.parametrize("insats", INSATSER)
def test_every_insats_has_a_page_with_budget_and_results(site, insats):
    from finsam.compute.insatser import budget_history
    art = article(site, f"insatser/{insats}/index.html")
    assert art.find("h2", id="budget-over-aren")
    assert art.find("h2", id="resultat")
    box = art.select_one(".insats-fakta")
    facts = box.get_text(" ", strip=True)
    # Whom it is for, where it runs and how people come to it, before its budget.
    for label in ("Drivs av:", "För vem:", "Var:", "Så kommer man till insatsen:"):
        assert label in facts
    assert box in art.find("h2", id="budget-over-aren").find_all_previous("div")
    table = art.find("h2", id="budget-over-aren").find_next("table")
    headings = [tr.td.get_text(strip=True) for tr in table.find_all("tr")[1:]]
    ds = load_dataset(REAL_DATA)
    cells = budget_history(ds, ds.insatser.model.insats(insats).budgetrader)
    assert headings == [c.heading for c in cells]
    links = {a["href"] for a in table.find_all("a")}
    pages = {f"../../{c.page.removesuffix('.md')}/" for c in cells}
    assert links and all(h.split("#")[0] in pages for h in links)


def test_insatser_overview_lists_both_kinds(site):
    art = article(site, "insatser/index.html")
    assert art.find("h2", id="individinriktad") and art.find("h2", id="strukturinriktad")
    links = {a["href"] for a in art.select("table a")}
    assert {f"{i}/" for i in INSATSER} <= links
    assert "2–4 personal" in art.find("h3", id="samordningsteamen").find_next("p").get_text()


# -- dokument ---------------------------------------------------------------------


def test_documents_page_uses_no_third_party_script(site):
    soup = page(site, "dokument/index.html")
    for script in soup.find_all("script", src=True):
        assert not script["src"].startswith(("http:", "https:", "//")), script["src"]
    assert soup.find("script", src=lambda s: s and s.endswith("javascripts/dokumentfilter.js"))


def test_documents_page_lists_everything_without_javascript(site):
    art = article(site, "dokument/index.html")
    form = art.find("form", id="dokumentfilter")
    assert form.has_attr("hidden")  # the script shows it; without scripts, no dead controls
    for select in form.find_all("select"):
        assert form.find("label", attrs={"for": select["id"]})
    rows = art.select("#dokument-alla tbody tr")
    data = load_dataset(REAL_DATA)
    assert len(rows) == len(data.dokument.model.dokument)
    assert not any(r.has_attr("hidden") for r in rows)
    # anchored lists per type and per year
    assert art.find("h3", id="forbundsordning") and art.find("h3", id="ar-2023") and art.find("h3", id="ar-okant")


def test_documents_link_to_the_pages_that_render_them(site):
    art = article(site, "dokument/index.html")
    row = next(r for r in art.select("#dokument-alla tbody tr") if "Samordningsförbundet Västmanland" in r.td.get_text())
    assert row.find("a", href="../forbundsordning/2024-01-01/")
    nvsam = next(r for r in art.select("#dokument-alla tbody tr") if r.td.get_text().startswith("Förbundsordning för Norra"))
    assert nvsam.find("a", href="https://nvsam.se/om-oss/dokumentbank/forbundsordning/")


def rows_the_filter_keeps(site: Path, query: str) -> tuple[int, int]:
    """(rows matching, all rows) in the static table, as the script is meant to
    filter it: a value the select offers no option for is ignored."""
    art = article(site, "dokument/index.html")
    bank = art.select_one("#dokument-alla")
    columns = {"typ": int(bank["data-typ-kolumn"]), "ar": int(bank["data-ar-kolumn"])}
    chosen = {}
    for key, value in parse_qsl(query):
        if any(o.get("value") == value for o in art.select(f"#filter-{key} option")):
            chosen[key] = value
    rows = bank.select("tbody tr")
    keep = 0
    for row in rows:
        cells = [c.get_text().strip() for c in row.find_all(["td", "th"], recursive=False)]
        keep += all(cells[columns[k]] == v for k, v in chosen.items())
    return keep, len(rows)


def test_filter_expectations_are_not_trivial(site):
    kept, total = rows_the_filter_keeps(site, "typ=" + quote("Förbundsordning"))
    assert 0 < kept < total
    assert rows_the_filter_keeps(site, "") == (total, total)


@pytest.fixture(scope="module")
def documents_page_dom(site):
    """The documents page's DOM after its script ran, for a query: one Chromium for all."""
    from browser import Chromium, SiteServer

    with SiteServer(site) as server, Chromium() as browser:

        def dom(query: str) -> str:
            browser.load(f"{server.origin}/dokument/" + (f"?{query}" if query else ""))
            return browser.evaluate("document.documentElement.outerHTML")

        yield dom


@pytest.mark.skipif(chromium_path() is None, reason="needs chromium to run the page's script")
@pytest.mark.parametrize("query", ["typ=" + quote("Förbundsordning"), "ar=2023", "typ=Budget&ar=2022", ""])
def test_filter_script_hides_rows(site, documents_page_dom, query):
    shown, total = rows_the_filter_keeps(site, query)
    soup = BeautifulSoup(documents_page_dom(query), "html.parser")
    form = soup.find("form", id="dokumentfilter")
    assert not form.has_attr("hidden")
    rows = soup.select("#dokument-alla tbody tr")
    assert len(rows) == total
    assert sum(not r.has_attr("hidden") for r in rows) == shown
    assert form.select_one(".dokumentfilter__antal").get_text() == f"Visar {shown} av {len(rows)} dokument."


def test_document_checks(fixture_copy):
    edit(fixture_copy / "dokument.yaml", "  - id: protokoll-2021", "  - id: fo-2020")
    edit(fixture_copy / "dokument.yaml", "    datum: 2021-03-01", "    datum: 2025-03-01")
    problems = problems_in(fixture_copy)
    assert any("dokument[2].id: id 'fo-2020' används redan" in p for p in problems), problems
    assert any("dokument[2].datum: datumet 2025-03-01 ligger långt från året 2021" in p for p in problems), problems


def test_document_links_must_be_https(fixture_copy):
    edit(fixture_copy / "dokument.yaml", "https://exempeldalen.example/forbundsordning", "http://exempeldalen.example/x")
    assert any("lank: ska vara en webbadress som börjar med https://" in p for p in problems_in(fixture_copy))


# -- länsförbundet ---------------------------------------------------------------


def test_what_changed_is_computed_from_the_two_forbundsordningar():
    ds = load_dataset(REAL_DATA)
    changes = {c.key: c for c in compare(ds.forbundsordning("nvsam").model, ds.forbundsordning("2024-01-01").model)}
    assert (changes["medlemmar"].before, changes["medlemmar"].after) == (9, 13)
    assert set(changes["medlemmar"].joined) == {"arboga", "kungsor", "koping", "vasteras"}
    assert changes["styrelse"].before == (9, 9) and changes["styrelse"].after == (13, 13)
    assert changes["befolkningsunderlag"].before == "alla"
    assert changes["befolkningsunderlag"].after == (16, 67)


def test_comparison_leaves_out_what_a_version_does_not_state():
    ds = load_dataset(FIXTURE)
    keys = [c.key for c in compare(ds.forbundsordning("2010").model, ds.forbundsordning("2020-01-01").model)]
    assert keys == ["medlemmar"]  # 2010 states no board and no population basis


def test_county_story_page(site):
    art = article(site, "om/lansforbundet/index.html")
    table = art.find("h2", id="vad-som-andrades").find_next("table")
    cells = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.find_all("tr")[1:]]
    assert ["Medlemmar", "9", "13"] in cells
    assert ["Styrelse", "9 ledamöter och 9 ersättare", "13 ledamöter och 13 ersättare"] in cells
    assert any(row[1:] == ["alla åldrar", "16–67 år"] for row in cells)
    assert cells[0][1].startswith("3 ")
    steps = art.select("ol.tidslinje > li")
    dated = [li.find("time").get("datetime") for li in steps if li.find("time").get("datetime")]
    assert dated == sorted(dated)
    assert {"2022-12-13", "2023-03-31", "2023-05-10", "2024-01-01"} <= set(dated)
    assert "Senast 31 mars 2023" in art.get_text()
    assert "Hösten 2022" in art.get_text()


def test_county_story_checks(fixture_copy):
    edit(fixture_copy / "lansforbundet.yaml", "  efter: 2020-01-01", "  efter: 2030-01-01")
    edit(fixture_copy / "lansforbundet.yaml", "  - datum: 2019-06-01", "  - datum: 2021-06-01")
    edit(fixture_copy / "lansforbundet.yaml", "avvecklas: []", "avvecklas: [sf-okand]")
    edit(fixture_copy / "lansforbundet.yaml", "beslut_kalla: exempel-historik", "beslut_kalla: okand-kalla")
    problems = problems_in(fixture_copy)
    assert any("jamfor.efter: förbundsordningen '2030-01-01' finns inte" in p for p in problems), problems
    assert any("tidslinje[3].datum: 2020-01-01 står efter 2021-06-01" in p for p in problems), problems
    assert any("avvecklas[1]: organisationen 'sf-okand' finns inte" in p for p in problems), problems
    assert any("beslut_kalla: källan 'okand-kalla' finns inte" in p for p in problems), problems


def test_timeline_event_needs_a_time(fixture_copy):
    edit(fixture_copy / "lansforbundet.yaml", "    nar: Våren 2019\n", "")
    assert any("ange datum, eller nar" in p for p in problems_in(fixture_copy))


# -- the made-up förbund builds too -------------------------------------------


def test_fixture_forbund_builds_and_escapes_text(fixture_site):
    html = (fixture_site / "dokument" / "index.html").read_text(encoding="utf-8")
    assert "Protokoll &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    art = article(fixture_site, "insatser/team-aby/index.html")
    assert "Åby kommun, Försäkringskassan" in art.get_text()
    assert "Vad TÅ står för: okänt" in art.get_text(" ", strip=True).replace("** ", "")


# Pages other parts of the site build (agreed URL plan) that may be missing in a branch.
URL_PLAN = {"verksamhetsplan/2023.md", "moten/medlemssamrad-2023.md"}


def test_every_documents_page_exists_or_is_in_the_url_plan():
    """A misspelt ``sida`` would silently lose its link: catch it here."""
    import datetime as dt

    from finsam.render import Context
    from finsam.render.links import page_exists

    ds = load_dataset(REAL_DATA)
    ctx = Context(ds, dt.date(2026, 11, 22))
    for d in ds.dokument.model.dokument:
        if d.sida is not None:
            assert page_exists(ctx, d.sida) or d.sida in URL_PLAN, d.sida


# Each public-reader check by name, with an edit of the fixture that breaks it.
NAMED = {
    "insatser_unika": ("insatser.yaml", "  - id: kurs\n", "  - id: team-aby\n"),
    "insatser_hanvisningar": ("insatser.yaml", "    grupp: teamen\n", "    grupp: teamet\n"),
    "insatser_budgetrader_finns": ("insatser.yaml", "budgetrader: [seminarier]", "budgetrader: [seminarium]"),
    "dokument_unika": ("dokument.yaml", "  - id: protokoll-2021", "  - id: fo-2020"),
    "dokument_datum_och_ar": ("dokument.yaml", "    datum: 2021-03-01", "    datum: 2025-03-01"),
    "lansforbundet_hanvisningar": ("lansforbundet.yaml", "avvecklas: []", "avvecklas: [sf-okand]"),
    "lansforbundet_tidsordning": ("lansforbundet.yaml", "  - datum: 2019-06-01", "  - datum: 2021-06-01"),
}
CHECKS_COVERED = set(NAMED)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_public_check(fixture_copy, name):
    from conftest import assert_check_reports

    assert_check_reports(fixture_copy, name, *NAMED[name])

"""Full strict builds of the real site and of the fixture förbund's site.

Assertions are on elements of the built HTML, not on whole pages.
"""

import datetime as dt
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_DATE, REAL_DATA
from conftest import page as shared_page
from finsam.dataset import load_dataset

pytestmark = pytest.mark.build


def page(site, path) -> BeautifulSoup:
    return shared_page(site, path)  # parsed once per session (tests/conftest.py)


def test_built_by_properdocs(real_site):
    """The site is built by ProperDocs (the maintained MkDocs 1.6 fork), not MkDocs."""
    generator = page(real_site, "index.html").find("meta", attrs={"name": "generator"})["content"]
    assert "ProperDocs" in generator, generator


def test_swedish(real_site):
    soup = page(real_site, "index.html")
    assert soup.html["lang"] == "sv"
    assert soup.title.get_text().endswith("Samordningsförbundet Västmanland")


def test_member_list(real_site):
    soup = page(real_site, "om/index.html")
    table = soup.find("th", string="Medlem").find_parent("table")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    # One row per member of the förbundsordning in force (from the data) ...
    ds = load_dataset(REAL_DATA)
    _, members = ds.forbundsordning_on(dt.date.fromisoformat(BUILD_DATE)).model.rule("medlemmar")
    assert len(rows) == len(members)
    # ... with what the sources say of when each joined.
    assert ["Försäkringskassan", "Statlig myndighet", "2005"] in rows
    assert ["Region Västmanland", "Region", "2005"] in rows
    assert ["Västerås kommun", "Kommun", "2024"] in rows
    assert ["Sala kommun", "Kommun", "2010"] in rows
    kommuner = sum(1 for r in rows if r[1] == "Kommun")
    summary = " ".join(soup.get_text().split())
    assert f"{len(rows)} medlemmar: " in summary and f"{kommuner} kommuner" in summary


def test_history(real_site):
    text = page(real_site, "om/index.html").get_text(" ", strip=True)
    assert "2005 : Norra Västmanlands Samordningsförbund (NVSam) bildas" in text
    assert "1 januari 2024 : Samordningsförbundet Västmanland startar" in text


def test_forbundsordning_anchors_and_toc(real_site):
    soup = page(real_site, "forbundsordning/index.html")
    expected = [
        "namn-och-sate", "medlemmar", "andamal", "styrelse", "personal", "initiativratt-och-samrad",
        "andelar-och-kostnader", "styrning-och-insyn", "budget", "revision", "uttrade-och-upplosning",
        "ersattning", "arkivtillsyn", "bildande",
    ]
    for anchor in expected:
        heading = soup.find(id=anchor)
        assert heading is not None and heading.name == "h2", anchor
        assert soup.find("a", href=f"#{anchor}"), f"no table-of-contents link to #{anchor}"
    # The proposal numbers only its cost section ("11 §"); the others are cited by heading.
    assert soup.find(id="andelar-och-kostnader").get_text().startswith("11 § Andelar i tillgångar")
    assert soup.find(id="budget").get_text().startswith("Budget")


def test_paragraph_rule_text(real_site):
    soup = page(real_site, "forbundsordning/index.html")
    section = soup.find(id="andelar-och-kostnader")
    rule = section.find_next("details", class_="regel").get_text(" ", strip=True)
    assert "Kostnadsfördelning: staten 50\u00a0%, regionen 25\u00a0%, kommunerna 25\u00a0%" in rule
    assert "efter invånarantalet (i åldern 16–67 år) den 1 november året före" in rule
    board = soup.find(id="styrelse").find_next("details", class_="regel").get_text(" ", strip=True)
    assert "13 ledamöter och 13 ersättare (1 ledamot och 1 ersättare per medlem × 13 medlemmar)" in board
    assert "Beslutförhet: minst 7 av 13 ledamöter närvarande" in board
    budget = soup.find(id="budget").find_next("details", class_="regel").get_text(" ", strip=True)
    assert "beslutas senast: 30 november, efter samråd med medlemmarna" in budget


def test_cross_reference_links_to_paragraph(real_site):
    soup = page(real_site, "forbundsordning/index.html")
    section = soup.find(id="uttrade-och-upplosning").find_next("ul")
    assert section.find("a", href="#andelar-och-kostnader").get_text() == "11 § Andelar i tillgångar och skulder samt fördelning av kostnader"


def test_version_pages_generated_and_in_nav(real_site):
    for key in ("2024-01-01", "nvsam"):
        assert (real_site / "forbundsordning" / key / "index.html").exists()
    # navigation.prune: a section's pages are in the nav of the pages of that section
    nav = page(real_site, "forbundsordning/index.html").find("nav", class_="md-nav--primary")
    hrefs = [urljoin("https://x/forbundsordning/", a["href"]) for a in nav.find_all("a", href=True)]
    assert "https://x/forbundsordning/nvsam/" in hrefs
    old = page(real_site, "forbundsordning/nvsam/index.html")
    assert old.find(id="kostnadsfordelning").get_text().startswith("12 § Fördelning av kostnader")
    assert old.find(id="styrelse").get_text().startswith("Styrelse")  # the source gives it no number


def test_fixture_builds_its_own_site(fixture_site):
    soup = page(fixture_site, "om/index.html")
    assert soup.title.get_text().endswith("Samordningsförbundet Exempeldalen")
    assert "Västmanland" not in soup.get_text()
    assert (fixture_site / "forbundsordning" / "2010" / "index.html").exists()

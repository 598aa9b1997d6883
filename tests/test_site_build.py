"""Full strict builds of the real site and of the fixture förbund's site.

Assertions are on elements of the built HTML, not on whole pages.
"""

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURE, edit, mkdocs_build

pytestmark = pytest.mark.build


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("real") / "site"
    run = mkdocs_build(site)
    assert run.returncode == 0, run.stderr
    return site


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("fixture") / "site"
    run = mkdocs_build(site, data=FIXTURE)
    assert run.returncode == 0, run.stderr
    return site


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
    assert len(rows) == 13
    assert ["Försäkringskassan", "Statlig myndighet", "2005"] in rows
    assert ["Region Västmanland", "Region", "2005"] in rows
    assert ["Västerås kommun", "Kommun", "2024"] in rows
    assert ["Sala kommun", "Kommun", "2010"] in rows
    assert sum(1 for r in rows if r[1] == "Kommun") == 10
    assert "13 medlemmar: 2 statliga myndigheter, 1 region, 10 kommuner" in soup.get_text()


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


def test_no_third_party_requests(real_site):
    for html_file in real_site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag):
                if tag == "link" and set(el.get("rel") or ()) & {"canonical", "alternate"}:
                    continue  # names the site's own address; the browser fetches nothing
                url = el.get(attr) or ""
                assert not re.match(r"^(https?:)?//", url), f"{html_file}: {tag} {url}"
    assert "fonts.googleapis" not in (real_site / "index.html").read_text(encoding="utf-8")


def test_fixture_builds_its_own_site(fixture_site):
    soup = page(fixture_site, "om/index.html")
    assert soup.title.get_text().endswith("Samordningsförbundet Exempeldalen")
    assert "Västmanland" not in soup.get_text()
    assert (fixture_site / "forbundsordning" / "2010" / "index.html").exists()


def test_data_text_is_shown_not_run(fixture_copy, tmp_path):
    edit(
        fixture_copy / "forbund.yaml",
        "  Exempeldalens förbund samordnar rehabilitering mellan fem parter.",
        "  <script>alert('x')</script> <b>fet</b> **inte fet** {{ config }}",
    )
    site = tmp_path / "site"
    run = mkdocs_build(site, data=fixture_copy)
    assert run.returncode == 0, run.stderr
    soup = page(site, "om/index.html")
    assert not any("alert" in (s.string or "") for s in soup.find_all("script"))
    assert soup.find("b", string="fet") is None and soup.find("strong", string="inte fet") is None
    text = soup.get_text()
    assert "<script>alert('x')</script> <b>fet</b> **inte fet** {{ config }}" in text

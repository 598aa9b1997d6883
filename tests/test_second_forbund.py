"""A second förbund, for real: the fixture förbund's site carries no trace of the first.

Everything that belongs to one förbund (name, description, address, feed, its own
pages and news) comes from its data tree; docs/, mkdocs.yml and the code are shared.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

FIRST = re.compile(r"v[äa]stmanland", re.IGNORECASE)


@pytest.mark.build
def test_no_page_names_the_first_forbund(fixture_site):
    """Every built text file: pages, the feed, the search index, the sitemap."""
    texts = [p for p in fixture_site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".txt", ".ics", ".csv")]
    pages = [p for p in texts if p.suffix == ".html"]
    assert len(pages) > 20 and (fixture_site / "search" / "search_index.json") in texts
    assert (fixture_site / "feed_rss_created.xml") in texts
    named = [str(p.relative_to(fixture_site)) for p in texts if FIRST.search(p.read_text(encoding="utf-8"))]
    assert named == [], named


@pytest.mark.build
def test_name_description_and_address_come_from_its_data(fixture_site):
    soup = BeautifulSoup((fixture_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text().endswith("Samordningsförbundet Exempeldalen")
    # The start page's description is the förbund's own (reader: its vision, from its data).
    assert "Exempeldalen" in soup.find("meta", attrs={"name": "description"})["content"]
    assert soup.find("link", rel="canonical")["href"].startswith("https://exempeldalen.example/")
    feed = (fixture_site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert "Samordningsförbundet Exempeldalen" in feed and "https://exempeldalen.example/" in feed


@pytest.mark.build
def test_its_own_pages_and_news_come_from_its_data_tree(fixture_site):
    """sidor/om/historik.md and sidor/aktuellt/posts/*.md of the fixture; none of the real förbund's."""
    own = fixture_site / "om" / "historik" / "index.html"
    soup = BeautifulSoup(own.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("h1").get_text(strip=True).rstrip("¶") == "Så växte förbundet"
    assert "Historik" in [a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a")]
    start = BeautifulSoup((fixture_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert start.find("a", href="om/historik/") is not None, "the page's genvag puts it among the shortcuts"
    assert (fixture_site / "aktuellt" / "2020" / "01" / "01" / "bystad-blir-medlem" / "index.html").is_file()
    assert "Bystad blir medlem" in (fixture_site / "feed_rss_created.xml").read_text(encoding="utf-8")
    for path in (ROOT / "data" / "sidor").rglob("*.md"):
        if "/posts/" not in path.as_posix():
            page = path.relative_to(ROOT / "data" / "sidor").with_suffix("")
            assert not (fixture_site / page / "index.html").exists(), f"{page} belongs to the real förbund"


def test_shared_files_name_no_forbund():
    """docs/, mkdocs.yml, overrides/ and the code are shared by every förbund."""
    shared = [ROOT / "mkdocs.yml", *(ROOT / "docs").rglob("*"), *(ROOT / "overrides").rglob("*")]
    shared += [p for p in (ROOT / "macros").rglob("*") if p.suffix in (".py", ".html", ".md", ".j2")]
    named = [str(p.relative_to(ROOT)) for p in shared if p.is_file() and p.suffix != ".pyc" and FIRST.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert named == [], named

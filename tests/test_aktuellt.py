"""News (Aktuellt): the posts, the start page's list, and the RSS feed."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
import pytest

from conftest import FIXTURE_SITE_URL, REAL_DATA
from finsam.nyheter import read_posts
from finsam.render.start import latest_news
from finsam.sidor import own_pages_dir

# The news posts are the förbund's own pages: data/sidor/aktuellt/posts/*.md.
DOCS = own_pages_dir(REAL_DATA)


def test_posts_are_read_newest_first():
    posts = read_posts(DOCS)
    assert [p.date for p in posts] == sorted((p.date for p in posts), reverse=True)
    dates = {p.date for p in posts}
    # The events the sources date: plan adopted, decisions due, interim board, start.
    assert {dt.date(2022, 11, 24), dt.date(2023, 3, 31), dt.date(2023, 5, 10), dt.date(2024, 1, 1)} <= dates


def test_a_post_without_a_date_is_an_error(tmp_path):
    posts = tmp_path / "aktuellt" / "posts"
    posts.mkdir(parents=True)
    (posts / "x.md").write_text("---\nslug: x\n---\n\n# Rubrik\n", encoding="utf-8")
    from finsam.problems import DataError

    with pytest.raises(DataError) as err:
        read_posts(tmp_path)
    assert [p.format() for p in err.value.problems] == [
        f"{posts / 'x.md'}:2: date: nyckeln 'date' saknas (skriv null om uppgiften inte är känd)"
    ]


def test_latest_news_links_to_the_post_sources():
    # Whichever posts are newest (staff add posts): each line links to its own source file.
    posts = read_posts(DOCS)
    md = latest_news(posts, 2)
    items = [ln for ln in md.splitlines() if ln.startswith("- ")]
    assert len(items) == min(2, len(posts))
    assert "<" not in md  # Markdown only: no HTML built in Python
    for line, post in zip(items, posts):
        assert f"({post.path})" in line, line


def test_posts_have_no_authors():
    # The sources name no authors of these texts (they are written for the site).
    for path in (DOCS / "aktuellt" / "posts").glob("*.md"):
        head = path.read_text(encoding="utf-8").split("---")[1]
        assert "authors" not in head, path


def test_feed_is_valid_xml_and_lists_every_post(real_site):
    site = real_site
    root = ET.parse(site / "feed_rss_created.xml").getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == "sv"
    items = channel.findall("item")
    titles = [i.findtext("title") for i in items]
    expected = [p.title for p in read_posts(DOCS)]
    assert titles == expected  # newest first, every post
    for item in items:
        link = item.findtext("link")
        assert link.startswith("https://samordningvastmanland.se/aktuellt/"), link
        assert item.findtext("pubDate")
    image = channel.find("image")
    if image is not None:  # the favicon, when RSS can carry its format
        url = image.findtext("url")
        assert url.startswith("https://samordningvastmanland.se/"), url  # not "None"
        assert (site / url.removeprefix("https://samordningvastmanland.se/")).is_file()
    updated = ET.parse(site / "feed_rss_updated.xml").getroot().find("channel")
    assert sorted(i.findtext("title") for i in updated.findall("item")) == sorted(expected)


def test_feed_address_follows_site_url(fixture_site):
    # The fixture förbund's address comes from its data (tests/conftest.py FIXTURE_SITE_URL).
    channel = ET.parse(fixture_site / "feed_rss_created.xml").getroot().find("channel")
    items = channel.findall("item")
    assert items
    assert all(i.findtext("link").startswith(f"{FIXTURE_SITE_URL}aktuellt/") for i in items)


def test_blog_is_in_swedish_and_announces_the_feed(real_site):
    site = real_site
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / "aktuellt" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "sv"
    feeds = soup.select('link[rel~="alternate"][type="application/rss+xml"]')
    assert feeds and all(f["href"].endswith(".xml") for f in feeds)
    # Material's bundle fetches sitemap.xml for every <link rel="alternate"> (exactly that
    # value) on every page; the feed's link carries "alternate feed" so nothing is fetched.
    assert not [link for link in soup.find_all("link") if link.get("rel") == ["alternate"]]
    assert soup.find("a", string="RSS-flöde")
    post = site / "aktuellt" / "2024" / "01" / "01" / "samordningsforbundet-vastmanland-startar" / "index.html"
    text = post.read_text(encoding="utf-8")
    assert "1 januari 2024" in text


def test_search_index_leaves_out_the_staff_guide_and_keeps_words(real_site):
    site = real_site
    import json

    raw = (site / "search" / "search_index.json").read_bytes()
    index = json.loads(raw)
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert not any(loc.startswith("om-webbplatsen/redigera/") for loc in locations)
    assert "styrelse/" in locations and "aktuellt/" in locations
    assert "förbund".encode() in raw  # UTF-8, not \\u escapes
    assert not any("ladda-ner" in d["location"] for d in index["docs"])

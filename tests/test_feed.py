"""The RSS feed writer (finsam.feed): valid XML, text from the posts inert, newest first."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from finsam.feed import FeedChannel, FeedItem, rss

CHANNEL = FeedChannel(
    title="Aktuellt från Förbund & <Co>",
    link="https://example.test/",
    self_link="https://example.test/feed_rss_created.xml",
    description="Nyheter från Förbund & <Co>.",
    language="sv",
    image="https://example.test/assets/images/favicon.png",
)


def test_text_from_front_matter_is_escaped_and_stays_text():
    hostile = 'Möte </title><script>alert("x")</script> & "citat" \x07klocka'
    items = [FeedItem(hostile, "https://example.test/aktuellt/a/?x=1&y=2", dt.date(2024, 1, 1), "Kort <b>text</b> & mer")]
    xml = rss(CHANNEL, items)
    assert b"<script>" not in xml and b"<b>" not in xml
    channel = ET.fromstring(xml).find("channel")
    item = channel.find("item")
    assert item.findtext("title") == 'Möte </title><script>alert("x")</script> & "citat" klocka'  # control character dropped
    assert item.findtext("description") == "Kort <b>text</b> & mer"
    assert item.findtext("link") == "https://example.test/aktuellt/a/?x=1&y=2"
    assert channel.findtext("title") == "Aktuellt från Förbund & <Co>"


def test_items_newest_first_with_rfc822_dates_and_permalinks():
    items = [
        FeedItem("Äldre", "https://example.test/a/", dt.date(2022, 11, 24)),
        FeedItem("Nyast", "https://example.test/b/", dt.date(2024, 1, 1), "Start"),
    ]
    root = ET.fromstring(rss(CHANNEL, items))
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    got = channel.findall("item")
    assert [i.findtext("title") for i in got] == ["Nyast", "Äldre"]
    assert got[0].findtext("pubDate") == "Mon, 01 Jan 2024 00:00:00 +0000"
    assert got[1].find("description") is None  # no description is written as none, not "None"
    guid = got[0].find("guid")
    assert guid.text == "https://example.test/b/" and guid.get("isPermaLink") == "true"
    assert channel.findtext("lastBuildDate") == "Mon, 01 Jan 2024 00:00:00 +0000"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == CHANNEL.self_link and self_link.get("rel") == "self"


def test_same_posts_same_bytes():
    items = [FeedItem("A", "https://example.test/a/", dt.date(2024, 1, 1))]
    assert rss(CHANNEL, items) == rss(CHANNEL, list(items))

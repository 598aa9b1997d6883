"""The news feed (RSS 2.0) of Aktuellt: a small writer of our own, no MkDocs here.

Replaces mkdocs-rss-plugin, which imported GitPython, requests and CacheControl
on every build although the feed needs none of them. The feed is written with
xml.etree, so every text from the posts' front matter is escaped; characters
XML 1.0 cannot carry (control characters) are dropped. Dates are the posts'
own (``date.created``), so the same posts give the same feed, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from .frozen import frozen

ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@frozen
class FeedItem:
    title: str
    link: str  # absolute
    date: dt.date
    description: str | None = None


@frozen
class FeedChannel:
    title: str
    link: str  # the site's absolute address
    self_link: str  # the feed's own absolute address
    description: str
    language: str
    image: str | None = None  # absolute address of a picture


def _text(value: str) -> str:
    return _NOT_XML.sub("", str(value))


def _rfc822(day: dt.date) -> str:
    return format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc))


def rss(channel: FeedChannel, items: list[FeedItem]) -> bytes:
    """The feed as UTF-8 XML, newest item first."""
    ET.register_namespace("atom", ATOM)
    root = ET.Element("rss", {"version": "2.0"})
    ch = ET.SubElement(root, "channel")
    newest = sorted(items, key=lambda i: (i.date, i.link), reverse=True)

    def add(parent, tag, text, **attrs):
        el = ET.SubElement(parent, tag, attrs)
        if text is not None:
            el.text = _text(text)
        return el

    add(ch, "title", channel.title)
    add(ch, "link", channel.link)
    add(ch, "description", channel.description)
    add(ch, f"{{{ATOM}}}link", None, href=channel.self_link, rel="self", type="application/rss+xml")
    add(ch, "language", channel.language)
    if newest:
        add(ch, "lastBuildDate", _rfc822(newest[0].date))
    if channel.image:
        image = add(ch, "image", None)
        add(image, "url", channel.image)
        add(image, "title", channel.title)
        add(image, "link", channel.link)
    for item in newest:
        el = add(ch, "item", None)
        add(el, "title", item.title)
        add(el, "link", item.link)
        if item.description:
            add(el, "description", item.description)
        add(el, "pubDate", _rfc822(item.date))
        add(el, "guid", item.link, isPermaLink="true")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

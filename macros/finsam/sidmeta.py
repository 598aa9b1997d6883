"""Each page's own description (meta description and Open Graph) from its content.

A page's front matter ``description`` wins. Otherwise the description is the
page's first paragraph of running text (not a note box, not the "last updated"
line), without tags, cut at a word boundary. Pure: HTML in, text out.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

MAX_CHARS = 160
_SPACE = re.compile(r"\s+")


class _FirstParagraph(HTMLParser):
    # Elements whose paragraphs are not the page's own running text.
    SKIP = {"details", "aside", "nav", "table", "figure", "form", "script", "style"}

    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping: list[str] = []  # open elements inside a skipped one
        self.in_p = False
        self.parts: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.found:
            return
        classes = dict(attrs).get("class") or ""
        if tag in self.VOID:
            return
        if self.skipping or tag in self.SKIP or "admonition" in classes.split():
            self.skipping.append(tag)
        elif tag == "p":
            self.in_p, self.parts = True, []

    def handle_endtag(self, tag):
        if self.found:
            return
        if self.skipping:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag == "p" and self.in_p:
            self.in_p = False
            text = _SPACE.sub(" ", "".join(self.parts)).strip()
            if len(text) >= 20:  # skip a lone label or date
                self.found.append(text)

    def handle_data(self, data):
        if self.in_p and not self.found:
            self.parts.append(data)


@functools.lru_cache(maxsize=256)  # a pure function of the text: `serve` rebuilds ask again for unchanged pages
def first_paragraph(page_html: str) -> str | None:
    # Fed in pieces, and no further once the paragraph is found: HTMLParser reads
    # incrementally (the same events as one feed), and the rest of a long page
    # cannot change a paragraph already found. The pieces start small and double: most
    # pages' first paragraph ends within the first kilobyte (HTMLParser is Python, and
    # parsed the whole first 4 KB of every page when the pieces were all that size).
    parser = _FirstParagraph()
    start, piece = 0, _FIRST_PIECE
    while start < len(page_html):
        parser.feed(page_html[start : start + piece])
        if parser.found:
            return parser.found[0]
        start, piece = start + piece, min(2 * piece, _MAX_PIECE)
    parser.close()
    return parser.found[0] if parser.found else None


_FIRST_PIECE = 512
_MAX_PIECE = 8192


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def description(page_html: str, front_matter: str | None = None) -> str | None:
    """The page's description as plain text (escape it before it goes into HTML)."""
    if front_matter:
        return _SPACE.sub(" ", str(front_matter)).strip()
    text = first_paragraph(page_html)
    return shorten(html.unescape(text)) if text else None


# Pages that repeat what other pages say: the news archive lists the posts again.
DUPLICATE_PREFIXES = ("aktuellt/arkiv/", "aktuellt/page/")


def search_excluded(url: str) -> bool:
    """Whether a page (by its URL) is a duplicate kept out of the search results."""
    return url.startswith(DUPLICATE_PREFIXES)

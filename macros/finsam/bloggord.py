"""Small fixes to the theme's output: the news labels in Swedish, valid HTML.

``swedish_labels``: the news section's labels in idiomatic Swedish.

Material's Swedish translation gives the blog "Tillbaka till index", "Metadata"
and "Fortsätt läsa" (and "Arkivera", a verb, for the archive; mkdocs.yml names
the archive "Arkiv"). Its translations can only be changed by copying the whole
language partial, so the built news pages get these few labels replaced instead:
whole element texts only, nothing else on the page.
"""

from __future__ import annotations

import re

LABELS = {
    "Tillbaka till index": "Alla nyheter",
    "Metadata": "Om nyheten",
    "Fortsätt läsa": "Läs hela nyheten",
}

_LABEL = re.compile(r">(\s*)(" + "|".join(map(re.escape, LABELS)) + r")(\s*)<")


def swedish_labels(page_html: str) -> str:
    """``page_html`` with the theme's blog labels replaced (only as an element's whole text)."""
    return _LABEL.sub(lambda m: f">{m.group(1)}{LABELS[m.group(2)]}{m.group(3)}<", page_html)


def is_news_page(url: str, blog_dir: str = "aktuellt/") -> bool:
    return url.startswith(blog_dir)


_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')


def without_empty_tabindex(page_html: str) -> str:
    """Drop the theme's ``tabindex=""`` (invalid HTML).

    With navigation.tabs, Material writes ``tabindex=""`` on the label of the open
    top-level section, meaning "not focusable"; leaving the attribute out means the same.
    """
    return _EMPTY_TABINDEX.sub(r"\1", page_html)

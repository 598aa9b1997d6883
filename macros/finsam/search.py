"""What the site's search leaves out, so the search index does not grow with every year.

Every reader downloads the whole search index (search/search_index.json) the
first time they search. A page per year (budget, verksamhetsplan,
medlemsinsatser, ...) would make it grow by some 30 KB a year. So only the
newest year of each such series is searched; the older years stay on the site,
listed and linked on the series' index page, which is searched. A series is the
generated pages in one folder named by year (``ekonomi/budget/2031.md``).
No MkDocs here; macros/search_hook.py applies it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_YEAR_PAGE = re.compile(r"^(?P<folder>.*/)?(?P<year>[0-9]{4})\.md$")


def archived_year_pages(generated: Iterable[str]) -> set[str]:
    """The generated pages (paths relative to docs/) left out of search: every
    year page of a series except the newest."""
    series: dict[str, list[tuple[int, str]]] = {}
    for path in generated:
        m = _YEAR_PAGE.match(path)
        if m:
            series.setdefault(m.group("folder") or "", []).append((int(m.group("year")), path))
    return {path for pages in series.values() for _, path in sorted(pages)[:-1]}


# -- sections and tables left out of every page's search entries ---------------

# Sections that only list files to download (CSV, JSON): headings with these ids.
EXCLUDED_SECTIONS = ("ladda-ner",)
_FIGURE = re.compile(r"^[−\-+]?[0-9][0-9   ,.]*(?:\s*(?:%|tkr|kr|procent))?$|^[–—-]$|^$")
EXCLUDE = "data-search-exclude"


def is_figure_table(cells: list[str], share: float = 0.5) -> bool:
    """A table of figures: most of its data cells (not headers) are numbers, dashes or empty."""
    if not cells:
        return False
    figures = sum(1 for c in cells if _FIGURE.match(c.strip()))
    return figures / len(cells) > share


def mark_for_search(root) -> None:
    """Mark (in a Python-Markdown element tree) what the search leaves out, with
    Material's ``data-search-exclude``: the download sections and tables of figures.
    A reader searches for words; the figures stay on the page, and tables of
    words (names, meetings) stay searchable."""
    for el in root.iter():
        if el.tag in ("h2", "h3", "h4") and (el.get("id") or "").startswith(EXCLUDED_SECTIONS):
            el.set(EXCLUDE, "")
        elif el.tag == "table":
            cells = ["".join(td.itertext()) for td in el.iter("td")]
            if is_figure_table(cells):
                el.set(EXCLUDE, "")

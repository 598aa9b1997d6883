"""Pages generated from data: one per förbundsordning version, budget year, ...

Page sources live beside the macros that render them (``render/*.py``) and
register with ``@page_source``.

Adding next year's data file adds its page: nothing in docs/ or mkdocs.yml
needs editing. Each page is a title and a macro call; ``parent`` is the
hand-written index page whose navigation section lists it.
"""

from __future__ import annotations

import json
from typing import Callable

from .dataset import DataSet
from .frozen import frozen


@frozen
class GeneratedPage:
    path: str  # relative to docs/
    title: str
    parent: str  # the index page of the section it belongs to
    content: str  # Markdown; macro calls allowed
    # The data files the page is made from (paths; "Senast uppdaterad" is their newest date).
    sources: tuple = ()
    # The year of a page in a yearly series (budget, medlemsinsatser, verksamhetsplan):
    # the navigation lists the newest years and groups the older ones (site.expand_nav).
    year: int | None = None


PAGE_SOURCES: list[Callable[[DataSet], list[GeneratedPage]]] = []


def page_source(fn):
    PAGE_SOURCES.append(fn)
    return fn


def call(name: str, *args) -> str:
    """A macro call for a generated page, with its arguments safely quoted."""
    return "{{ " + name + "(" + ", ".join(json.dumps(a, ensure_ascii=False) for a in args) + ") }}"


# Downloadable files (CSV, JSON) generated from data: ``fn(ds, today) -> [(path, text)]``.
FILE_SOURCES: list[Callable] = []


def file_source(fn):
    FILE_SOURCES.append(fn)
    return fn


def generated_files(ds: DataSet, today) -> list[tuple[str, str]]:
    from . import render  # noqa: F401  (importing it registers every file source)

    files: list[tuple[str, str]] = []
    for source in FILE_SOURCES:
        files += source(ds, today)
    return files


def heading(title: str) -> str:
    """The page's H1 from a title that may contain data text.

    The page source is rendered by Jinja, and Markdown escaping does not stop
    Jinja ("\\{% raw %\\}" still holds "{%"). So data text never stands in the
    source itself: it goes in as a quoted macro argument, and the macro escapes it.
    """
    return call("sidrubrik", title)


def generated_pages(ds: DataSet) -> list[GeneratedPage]:
    from . import render  # noqa: F401  (importing it registers every page source)

    pages: list[GeneratedPage] = []
    for source in PAGE_SOURCES:
        pages += source(ds)
    return pages

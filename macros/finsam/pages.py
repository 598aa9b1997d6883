"""Pages generated from data: one per förbundsordning version, budget year, ...

Adding next year's data file adds its page: nothing in docs/ or mkdocs.yml
needs editing. Each page is a title and a macro call; ``parent`` is the
hand-written index page whose navigation section lists it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

from .dataset import DataSet


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # relative to docs/
    title: str
    parent: str  # the index page of the section it belongs to
    content: str  # Markdown; macro calls allowed


PAGE_SOURCES: list[Callable[[DataSet], list[GeneratedPage]]] = []


def page_source(fn):
    PAGE_SOURCES.append(fn)
    return fn


def call(name: str, *args) -> str:
    """A macro call for a generated page, with its arguments safely quoted."""
    return "{{ " + name + "(" + ", ".join(json.dumps(a, ensure_ascii=False) for a in args) + ") }}"


def generated_pages(ds: DataSet) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    for source in PAGE_SOURCES:
        pages += source(ds)
    return pages


@page_source
def forbundsordning_pages(ds: DataSet) -> list[GeneratedPage]:
    from .render.forbundsordning import version_page, version_title

    return [
        GeneratedPage(
            path=version_page(doc),
            title=version_title(doc),
            parent="forbundsordning/index.md",
            content=f"# Förbundsordning: {version_title(doc)}\n\n" + call("forbundsordning", doc.key) + "\n",
        )
        for doc in reversed(ds.forbundsordningar)
    ]

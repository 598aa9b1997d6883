"""References from data to pages of this site.

A page reference (a field typed model/base.py: PagePath or SiteFile, so it cannot
leave the site with ``../`` or start with ``/``) must name a page or file the
build has: in docs/, in the förbund's own pages, or generated from data. A reference to a page that does not exist
would otherwise be left out of the page without a word.
"""

from __future__ import annotations

import functools
import typing
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from .. import urls
from ..model.base import PAGE_PATTERN, SITE_FILE_PATTERN
from . import check

def _patterns(annotation: Any) -> set[str]:
    """The string patterns anywhere in a field's type (``PagePath | None`` -> PAGE_PATTERN)."""
    found: set[str] = set()
    for meta in getattr(annotation, "__metadata__", ()):
        if getattr(meta, "pattern", None):
            found.add(meta.pattern)
    for arg in typing.get_args(annotation):
        found |= _patterns(arg)
    return found


REFERENCE_PATTERNS = {PAGE_PATTERN, SITE_FILE_PATTERN}


@functools.cache
def _reference_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of ``model`` typed PagePath or SiteFile (read once per model class, not per value)."""
    return frozenset(
        name for name, info in model.model_fields.items() if _patterns(info.annotation) & REFERENCE_PATTERNS
    )


_CONTAINERS = (BaseModel, list, tuple, dict)  # what may hold a reference


def _references(node: Any, path: tuple) -> list[tuple[tuple, str]]:
    """Every value of a PagePath or SiteFile field in a validated model, with its path,
    in document order. Walks without a generator per value and visits only models,
    lists, tuples and mappings (every file is walked on every validation and build)."""
    found: list[tuple[tuple, str]] = []

    def visit(node, at: tuple) -> None:
        if isinstance(node, BaseModel):
            references = _reference_fields(type(node))
            items = ((name, getattr(node, name)) for name in type(node).model_fields)
        elif isinstance(node, dict):
            references = ()
            items = node.items()
        else:
            references = ()
            items = enumerate(node)
        for key, value in items:
            if isinstance(value, str) and key in references:
                found.append((at + (key,), value))
            elif isinstance(value, _CONTAINERS):
                visit(value, at + (key,))

    if isinstance(node, _CONTAINERS):
        visit(node, path)
    return found


# docs/ beside macros/: macros/finsam/checks/sidor.py -> the project root is parents[3].
DOCS_DIR = Path(__file__).resolve().parents[3] / "docs"


def planned_pages(ds) -> set[str]:
    """The pages generated from ``ds``, from the URL plan alone (no rendering: validation
    stays light). tests/test_bad_input_classes.py checks that the build generates no
    page outside this set, so a new kind of generated page cannot be forgotten here."""
    out = {urls.budget_page(d.key) for d in ds.budgetar}
    out |= {urls.medlemsinsatser_page(d.key) for d in ds.medlemsinsatser}
    out |= {urls.forbundsordning_page(d.key) for d in ds.forbundsordningar}
    out |= {urls.verksamhetsplan_page(d.key) for d in ds.verksamhetsplaner}
    if ds.insatser is not None:
        out |= {urls.insats_page(i.id) for i in ds.insatser.model.insatser}
    out |= {urls.medlem_page(o.id) for o in ds.forbund.model.organisationer}
    return out


def site_pages(ds) -> frozenset[str]:
    """Every page of the build: docs/, the förbund's own pages (data/sidor/) and the generated ones."""
    written: set[str] = set()
    for folder in (DOCS_DIR, Path(ds.root) / urls.OWN_PAGES_DIR):
        if folder.is_dir():
            written |= {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    return frozenset(written | planned_pages(ds))


@check("sidor_finns", "En hänvisning till en sida på webbplatsen (sida:) pekar på en sida som finns.")
def pages_exist(ds):
    pages = None
    for doc in ds.documents():
        for path, page in _references(doc.model, ()):
            if pages is None:
                pages = site_pages(ds)
            if page.split("#", 1)[0] not in pages:
                yield doc.problem(
                    path,
                    f"{'sidan' if page.endswith('.md') else 'filen'} '{page}' finns inte på webbplatsen; skriv "
                    "sökvägen under docs/ till en sida eller fil som finns (t.ex. forbundsordning/nvsam.md), "
                    "eller ta bort raden",
                )

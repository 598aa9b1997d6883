"""Shared by the money render modules: templates with the figure kinds, and links inside HTML.

Links inside a template's HTML are not rewritten by MkDocs, so they are the
built site's addresses (directory URLs: ``ekonomi/budget/2023.md`` is served
at ``ekonomi/budget/2023/``), relative to the page they stand on.
"""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from ..model.figurslag import FIGURSLAG
from .templating import render_template


def _url(page: str) -> str:
    page, _, anchor = page.partition("#")
    stem = page[: -len(".md")] if page.endswith(".md") else page
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    url = stem if stem.endswith("/") or not stem else stem + "/"
    return url + (f"#{anchor}" if anchor else "")


def href(from_page: str, to_page: str) -> str:
    """The relative address of ``to_page`` (a docs/ path, #anchor allowed) as seen from ``from_page``."""
    target, _, anchor = _url(to_page).partition("#")
    base = _url(from_page).partition("#")[0] or "."
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def money_template(name: str, /, **values) -> Markup:
    """A money template, with the figure kinds' labels (``slag``) at hand."""
    return render_template(name, slag=FIGURSLAG, **values)

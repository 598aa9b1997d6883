"""Links between pages that may or may not exist in this build.

Several pages link to pages that other parts of the site generate from data
(e.g. ekonomi/budget/2023.md exists only when data/budget/2023.yaml does). The
build is strict, so a link to a missing page fails it: these helpers link only
when the target exists.

Which pages exist: ``ctx.pages`` when the context carries the site's pages (the
MkDocs adapter always fills it); otherwise the generated pages, the förbund's own
pages (data/sidor/) and the files under docs/ (a Context made by hand, e.g. in a test).
"""

from __future__ import annotations

import posixpath

from pathlib import Path

from ..memo import by_identity
from ..urls import relative
from . import Context

# docs/ beside mkdocs.yml: macros/finsam/render/links.py -> the project root is parents[3].
DOCS_DIR = Path(__file__).resolve().parents[3] / "docs"


@by_identity
def _generated_paths(ds) -> frozenset[str]:
    from ..pages import generated_pages
    from ..sidor import own_pages

    return frozenset(p.path for p in generated_pages(ds)) | {p.path for p in own_pages(ds.root)}


def page_exists(ctx: Context, path: str) -> bool:
    """Whether ``path`` (relative to docs/, ``page.md#anchor`` allowed) is a page of this build."""
    page = path.split("#", 1)[0]
    if ctx.pages:
        return page in ctx.pages
    return page in _generated_paths(ctx.ds) or (DOCS_DIR / page).is_file()


def link_if_page(ctx: Context, from_page: str, to_page: str, anchor: str | None = None) -> str | None:
    """The relative link (with #anchor) if ``to_page`` is part of the site, else None."""
    if not page_exists(ctx, to_page):
        return None
    return relative(from_page, to_page) + (f"#{anchor}" if anchor else "")


def link(ctx: Context, from_page: str, to_page: str, label: str) -> str:
    """``[label](rel)`` if the target page exists, otherwise ``label`` alone.

    ``label`` must already be safe Markdown (escaped)."""
    if page_exists(ctx, to_page):
        return f"[{label}]({relative(from_page, to_page)})"
    return label


def _dir_url(page: str) -> str:
    """The URL path (directory URLs) of a page relative to docs/: om/index.md -> om/."""
    page = page.split("#", 1)[0]
    if page == "index.md":
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def page_url(from_page: str, to_page: str) -> str:
    """The built URL of ``to_page`` relative to ``from_page``, for links in HTML templates.

    MkDocs rewrites .md links only in Markdown; a template's <a href> needs the
    final address (the site uses directory URLs). The #anchor is kept.
    """
    _, _, anchor = to_page.partition("#")
    here = _dir_url(from_page) or "."
    rel = posixpath.relpath(_dir_url(to_page) or ".", here)
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")

"""Links between pages that may or may not exist in this build.

Several pages link to pages that other parts of the site generate from data
(e.g. ekonomi/budget/2023.md exists only when data/budget/2023.yaml does). The
build is strict, so a link to a missing page fails it: these helpers link when
the target exists and fall back to plain text otherwise.

Which pages exist: ``ctx.pages`` when the context carries the site's pages;
otherwise the generated pages plus the files under docs/.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

# docs/ beside mkdocs.yml: macros/finsam/render/sidlankar.py -> project root is parents[3].
DOCS_DIR = Path(__file__).resolve().parents[3] / "docs"

_generated_cache: list = []  # [(ds, paths)]: the last data set asked about


def _generated_paths(ds) -> set[str]:
    from ..pages import generated_pages

    if not _generated_cache or _generated_cache[0][0] is not ds:
        _generated_cache[:] = [(ds, {p.path for p in generated_pages(ds)})]
    return _generated_cache[0][1]


def page_exists(ctx, path: str) -> bool:
    """Whether ``path`` (relative to docs/, ``page.md#anchor`` allowed) is a page of this build."""
    page = path.split("#", 1)[0]
    pages = getattr(ctx, "pages", None)
    if pages:
        return page in pages
    return page in _generated_paths(ctx.ds) or (DOCS_DIR / page).is_file()


def relative(from_page: str, to_page: str) -> str:
    """A relative .md link from one page to another (both relative to docs/)."""
    page, _, anchor = to_page.partition("#")
    rel = posixpath.relpath(page, posixpath.dirname(from_page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def link(ctx, from_page: str, to_page: str, label: str) -> str:
    """``[label](rel)`` if the target page exists, otherwise ``label`` alone.

    ``label`` must already be safe Markdown (escaped)."""
    if page_exists(ctx, to_page):
        return f"[{label}]({relative(from_page, to_page)})"
    return label

"""Links to pages that other parts of the site build, made only when they exist.

Some pages (the budget, the member contributions) come from other data and may be
missing in a given data set; a link to a missing page would fail the strict build.
"""

from __future__ import annotations

import posixpath

from . import Context


def relative(from_page: str, to_page: str) -> str:
    """Relative link from one page to another, both relative to docs/."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def link_if_page(ctx: Context, from_page: str, to_page: str, anchor: str | None = None) -> str | None:
    """The relative link (with #anchor) if ``to_page`` is part of the site, else None."""
    if to_page not in ctx.pages:
        return None
    return relative(from_page, to_page) + (f"#{anchor}" if anchor else "")

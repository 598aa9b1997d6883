"""The H1 of a generated page (see finsam.pages.heading)."""

from __future__ import annotations

from . import Context, macro, text


@macro
def sidrubrik(ctx: Context, title: str) -> str:
    """``# title``, with the title escaped like any text from data."""
    return "# " + text.inline(title)

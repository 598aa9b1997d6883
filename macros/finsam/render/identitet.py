"""The logo and favicon files: the förbund's text mark (compute/identitet.py)."""

from __future__ import annotations

from ..compute.identitet import identitet_view
from ..pages import file_source
from .templating import render_template


@file_source
def identitet_files(ds, today) -> list[tuple[str, str]]:
    """assets/images/logo.svg and favicon.svg, drawn from the förbund's name."""
    view = identitet_view(ds, today)
    svg = str(render_template("identitet/mark.svg", v=view)) + "\n"
    return [(view.logo, svg), (view.favicon, svg)]

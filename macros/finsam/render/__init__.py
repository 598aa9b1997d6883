"""Markdown for the pages, from the data set. Loops and formatting only.

A macro is a function ``(ctx, *args) -> str`` registered with ``@macro``; the
MkDocs adapter exposes each under its own name to the pages' Jinja. Numbers
come from ``compute``; text from data goes through ``render.text``.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from ..dataset import DataSet
from ..frozen import frozen


@frozen
class Context:
    """What a macro sees: the data set and the day the site is built."""

    ds: DataSet
    today: dt.date
    # Paths (relative to docs/) of every page and file the site has, hand-written and
    # generated, so a macro links to a page another part of the site builds only if
    # it exists (a strict build fails on a broken link). Empty: no such links.
    pages: frozenset[str] = frozenset()


MACROS: dict[str, Callable[..., str]] = {}


def macro(fn):
    if fn.__name__ in MACROS:  # pragma: no cover - programming error
        raise ValueError(f"macro {fn.__name__} registered twice")
    MACROS[fn.__name__] = fn
    return fn


def _register_all() -> None:
    """Import every module of this package: each registers its macros and pages."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")


_register_all()

"""Every view object the site shows, for snapshots and downloads.

A view object is a frozen dataclass built in ``compute/``: one table or figure
exactly as a page or download shows it (totals, differences, selections, its
page path), named after its data kind. ``render/`` only formats it.

A compute module registers a function that builds all views of one kind with
``@view_source``; ``all_views`` runs them all. The golden snapshot tests
(tests/) write every view of the fixture förbund to a file and compare.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from typing import Callable

VIEW_SOURCES: dict[str, Callable] = {}


def view_source(fn: Callable) -> Callable:
    """Register ``fn(ds, today) -> list[view]`` under ``module.function``."""
    key = f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"
    if key in VIEW_SOURCES:  # pragma: no cover - programming error
        raise ValueError(f"view source {key} registered twice")
    VIEW_SOURCES[key] = fn
    return fn


def all_views(ds, today: dt.date) -> dict[str, list]:
    """Every registered view of the data set, by source name."""
    from .. import compute

    for info in pkgutil.iter_modules(compute.__path__):
        importlib.import_module(f"{compute.__name__}.{info.name}")
    return {key: list(fn(ds, today)) for key, fn in sorted(VIEW_SOURCES.items())}

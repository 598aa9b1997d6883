"""Which years a page about one thing shows in full: the newest few, the older ones as links.

A member's page and an insats's page follow that member or insats through every
year's data (contributions, budgets). Shown in full, each such page would grow
with every year added, and the site with pages × years: at 25 years of data a
member's page was 40 % larger than at one, and the search index carried the
same lines fifteen times over. So they show the ``LATEST_IN_FULL`` newest years
in full, and each older year as a link to the page where that year is shown in
full (the year's own page, at the row of this member or insats): every year
stays one click away, and the year's page has the figure with its kind and
source, the adopted figure first.
"""

from __future__ import annotations

from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

LATEST_IN_FULL = 3


def newest_and_older(items: Iterable[T], year: Callable[[T], int], n: int = LATEST_IN_FULL) -> tuple[list[T], list[T]]:
    """``items`` split into those of the ``n`` newest distinct years and the rest, each in the given order."""
    items = list(items)
    newest = set(sorted({year(i) for i in items}, reverse=True)[:n])
    return [i for i in items if year(i) in newest], [i for i in items if year(i) not in newest]

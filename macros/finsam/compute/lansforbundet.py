"""What changed when the county-wide förbund was formed, computed from the rules.

Compares two versions of the förbundsordning (their ``regler``): the number of
members and who joined, the board's size, and the population basis of the
municipalities' split. Nothing here is typed: every figure is read from the
versions themselves.
"""

from __future__ import annotations


from ..model.forbundsordning import Forbundsordning
from ..frozen import frozen


@frozen
class Change:
    key: str  # medlemmar, styrelse, befolkningsunderlag, forbund
    before: object
    after: object
    joined: tuple[str, ...] = ()  # member ids, for medlemmar
    left: tuple[str, ...] = ()


def age_band(fo: Forbundsordning) -> str | tuple[int, int] | None:
    """'alla' or (from, to) for the municipalities' population basis; None if not stated."""
    _, split = fo.rule("kostnadsfordelning")
    if split is None or split.kommunfordelning is None:
        return None
    band = split.kommunfordelning.aldersgrupp
    return "alla" if band == "alla" else (band.fran, band.till)


def compare(before: Forbundsordning, after: Forbundsordning) -> list[Change]:
    changes: list[Change] = []
    _, m0 = before.rule("medlemmar")
    _, m1 = after.rule("medlemmar")
    if m0 is not None and m1 is not None:
        changes.append(
            Change(
                "medlemmar",
                len(m0),
                len(m1),
                joined=tuple(m for m in m1 if m not in m0),
                left=tuple(m for m in m0 if m not in m1),
            )
        )
    _, b0 = before.rule("styrelse")
    _, b1 = after.rule("styrelse")
    if b0 is not None and b1 is not None:
        changes.append(Change("styrelse", (b0.ledamoter, b0.ersattare), (b1.ledamoter, b1.ersattare)))
    a0, a1 = age_band(before), age_band(after)
    if a0 is not None and a1 is not None:
        changes.append(Change("befolkningsunderlag", a0, a1))
    return changes


def merged_count(avvecklas: list[str]) -> int:
    """How many förbund became one: the one re-formed plus those wound up."""
    return 1 + len(avvecklas)

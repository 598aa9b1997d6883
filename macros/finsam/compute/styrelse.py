"""A board's seats arranged per member, and how many holders are known. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.styrelse import Plats, Styrelse


@dataclass(frozen=True)
class MemberSeats:
    member: str
    ledamot: Plats | None
    ersattare: Plats | None


def seats_by_member(board: Styrelse, members: list[str]) -> list[MemberSeats]:
    """One row per member, in the förbundsordning's order."""
    rows = []
    for m in members:
        led = board.seats(m, "ledamot")
        ers = board.seats(m, "ersattare")
        rows.append(MemberSeats(m, led[0] if led else None, ers[0] if ers else None))
    return rows


def known_holders(board: Styrelse) -> tuple[int, int]:
    """(seats with a known holder, all seats)."""
    return sum(1 for s in board.platser if s.person is not None), len(board.platser)

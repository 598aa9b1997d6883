"""A board as the pages show it: its seats per member, how many holders are known,
and whether its term is current on the build date. Pure."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ..model.styrelse import Plats, Styrelse
from .board import BoardRules, board_rules
from .views import view_source
from ..frozen import frozen

Term = Literal["pagar", "har_gatt_ut", "har_inte_borjat"]


@frozen
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


@frozen
class SeatRow:
    member_id: str
    member_name: str
    ledamot: str | None  # the holder's name, None when not known
    ersattare: str | None


@frozen
class BoardView:
    key: str
    namn: str
    organ: str
    fran: dt.date
    till: dt.date
    term: Term  # on the build date
    is_current: bool  # the board the board page shows first
    # The förbundsordning's rules, only for a board that version governs; an interim
    # board prepares a förbundsordning and is not governed by it.
    rules: BoardRules | None
    fo_key: str
    chair: str | None
    vice_chair: str | None
    known: int
    seats: int
    rows: tuple[SeatRow, ...]

    @property
    def nothing_known(self) -> bool:
        return self.known == 0 and self.chair is None and self.vice_chair is None


def _term(b: Styrelse, today: dt.date) -> Term:
    if today < b.fran:
        return "har_inte_borjat"
    if today > b.till:
        return "har_gatt_ut"
    return "pagar"


def current_board(ds, today: dt.date):
    """The board in office on ``today``, else the latest that has started."""
    boards = sorted(ds.styrelser, key=lambda d: d.model.fran)
    for doc in boards:
        if doc.model.in_office_on(today):
            return doc
    started = [d for d in boards if d.model.fran <= today]
    return started[-1] if started else None


def _name(ds, person_id: str | None) -> str | None:
    if person_id is None or ds.personer is None:
        return None
    person = ds.personer.model.person(person_id)
    return person.namn if person else None


def board_view(ds, doc, today: dt.date) -> BoardView:
    b = doc.model
    fo = ds.forbundsordning(b.forbundsordning).model
    governed = b.organ != "interimsstyrelse"
    _, members = fo.rule("medlemmar")
    rows = []
    for r in seats_by_member(b, list(members or [])) if b.platser else []:
        org = ds.organisation(r.member)
        rows.append(
            SeatRow(
                r.member,
                org.namn if org else r.member,
                _name(ds, r.ledamot.person) if r.ledamot else None,
                _name(ds, r.ersattare.person) if r.ersattare else None,
            )
        )
    known, total = known_holders(b)
    return BoardView(
        key=doc.key,
        namn=b.namn,
        organ=b.organ,
        fran=b.fran,
        till=b.till,
        term=_term(b, today),
        is_current=doc is current_board(ds, today),
        rules=board_rules(fo) if governed else None,
        fo_key=doc.model.forbundsordning,
        chair=_name(ds, b.presidium.ordforande),
        vice_chair=_name(ds, b.presidium.vice_ordforande),
        known=known,
        seats=total,
        rows=tuple(rows),
    )


@view_source
def styrelser(ds, today: dt.date) -> list[BoardView]:
    """Every board, newest first."""
    return [board_view(ds, d, today) for d in sorted(ds.styrelser, key=lambda d: d.model.fran, reverse=True)]

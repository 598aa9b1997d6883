"""The board's size and quorum, computed from the förbundsordning's rules."""

from __future__ import annotations


from ..model.forbundsordning import Forbundsordning
from ..frozen import frozen


@frozen
class BoardRules:
    ledamoter: int
    ersattare: int
    members: int | None
    per_member: tuple[int, int] | None
    quorum: int | None  # least number of ledamöter present for a valid decision
    casting_vote: str | None
    # Seats the members appoint in all, per role (members × per member), when the rule says per member.
    appointed: tuple[int, int] | None = None


def quorum(ledamoter: int, rule: str) -> int:
    """Least number present for a quorum. 'More than half' of 13 is 7; of 12, 7."""
    if rule == "mer_an_halften_av_ledamoterna":
        return ledamoter // 2 + 1
    raise ValueError(f"unknown quorum rule {rule!r}")


def board_rules(fo: Forbundsordning) -> BoardRules | None:
    _, board = fo.rule("styrelse")
    if board is None:
        return None
    _, members = fo.rule("medlemmar")
    _, quorum_rule = fo.rule("beslutforhet")
    _, casting = fo.rule("utslagsrost")
    return BoardRules(
        ledamoter=board.ledamoter,
        ersattare=board.ersattare,
        members=len(members) if members is not None else None,
        per_member=(board.per_medlem.ledamoter, board.per_medlem.ersattare) if board.per_medlem else None,
        appointed=(
            (len(members) * board.per_medlem.ledamoter, len(members) * board.per_medlem.ersattare)
            if board.per_medlem and members is not None
            else None
        ),
        quorum=quorum(board.ledamoter, quorum_rule.regel) if quorum_rule else None,
        casting_vote=casting,
    )

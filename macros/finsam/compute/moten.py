"""Meetings split into upcoming and past by the build date. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.moten import Mote


@dataclass(frozen=True)
class DatedMeeting:
    meeting: Mote
    year: int


def split(meetings: list[DatedMeeting], today: dt.date) -> tuple[list[DatedMeeting], list[DatedMeeting]]:
    """(upcoming, past). A meeting today counts as upcoming. A meeting without a date
    is past when its year is over, otherwise upcoming (its day is not known)."""
    upcoming, past = [], []
    for dm in meetings:
        d = dm.meeting.datum
        is_upcoming = d >= today if d is not None else dm.year >= today.year
        (upcoming if is_upcoming else past).append(dm)

    def key(dm: DatedMeeting):
        return (dm.year, dm.meeting.datum or dt.date(dm.year, 12, 31))

    upcoming.sort(key=key)
    past.sort(key=key, reverse=True)
    return upcoming, past

"""The yearly cycle's dates and the wheel's geometry. Pure: no I/O, no MkDocs.

An event's time is a month (and maybe a day) from the data, or a rule of the
förbundsordning in force that year (the budget deadline), looked up through a
function the caller passes in, so this module never reads files.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from ..model.arshjul import Arshandelse

# (month, day, förbundsordning key, paragraph anchor) for a rule kind in a given year.
RuleLookup = Callable[[str, int], "RuleDate | None"]


@dataclass(frozen=True)
class RuleDate:
    month: int
    day: int
    fo_key: str
    anchor: str


@dataclass(frozen=True)
class Timing:
    month: int | None
    day: int | None
    rule: RuleDate | None = None  # set when the date comes from the förbundsordning


def timing(event: Arshandelse, year: int, lookup: RuleLookup) -> Timing:
    if event.regel is not None:
        rd = lookup(event.regel, year)
        if rd is None:
            return Timing(None, None)
        return Timing(rd.month, rd.day, rd)
    return Timing(event.manad, event.dag)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, month, 1)
    return start, add_months(start, 1)


@dataclass(frozen=True)
class Occurrence:
    event: Arshandelse
    start: dt.date
    end: dt.date  # exclusive, as in iCalendar all-day events
    timing: Timing

    @property
    def whole_month(self) -> bool:
        return self.timing.day is None


def occurrences(events: Iterable[Arshandelse], today: dt.date, lookup: RuleLookup, months: int = 12) -> list[Occurrence]:
    """Every event once in the coming ``months`` months.

    An event with a day falls in [today, today + months); an event known only by its
    month is the whole month, counted from the current month. Either way each event
    with a known month occurs exactly once.
    """
    window_end = add_months(today, months)
    month_start = today.replace(day=1)
    month_end = add_months(month_start, months)
    out: list[Occurrence] = []
    for event in events:
        for year in (today.year, today.year + 1):
            t = timing(event, year, lookup)
            if t.month is None:
                continue
            if t.day is not None:
                start = dt.date(year, t.month, t.day)
                if today <= start < window_end:
                    out.append(Occurrence(event, start, start + dt.timedelta(days=1), t))
            else:
                start, end = _month_span(year, t.month)
                if month_start <= start < month_end:
                    out.append(Occurrence(event, start, end, t))
    return sorted(out, key=lambda o: (o.start, o.end, o.event.id))


def uid(event_id: str, year: int, domain: str) -> str:
    """A stable identifier: the same event in the same year keeps its UID across builds."""
    return f"arshjul-{event_id}-{year}@{domain}"


# -- the wheel ------------------------------------------------------------------

SIZE = 640
CENTER = SIZE / 2
OUTER = 300  # outer edge of the month labels' band
LABEL_BAND = 34
HUB = 70  # radius of the empty centre


def month_angle(month: int) -> float:
    """Centre of a month's sector in degrees (SVG: 0 = right, clockwise). December at the top."""
    return -90.0 + (month % 12) * 30.0


def polar(radius: float, degrees: float) -> tuple[float, float]:
    rad = math.radians(degrees)
    return (round(CENTER + radius * math.cos(rad), 2), round(CENTER + radius * math.sin(rad), 2))


def sector_path(r_in: float, r_out: float, a0: float, a1: float) -> str:
    """SVG path of a ring sector between two angles."""
    x0, y0 = polar(r_out, a0)
    x1, y1 = polar(r_out, a1)
    x2, y2 = polar(r_in, a1)
    x3, y3 = polar(r_in, a0)
    large = 1 if (a1 - a0) % 360 > 180 else 0
    return (
        f"M{x0},{y0} A{r_out},{r_out} 0 {large} 1 {x1},{y1} "
        f"L{x2},{y2} A{r_in},{r_in} 0 {large} 0 {x3},{y3} Z"
    )


@dataclass(frozen=True)
class RingBand:
    ring_id: str
    index: int
    r_in: float
    r_out: float


@dataclass(frozen=True)
class Marker:
    number: int
    event: Arshandelse
    timing: Timing
    ring_index: int
    x: float
    y: float


@dataclass(frozen=True)
class Wheel:
    size: int
    months: list[tuple[int, str, str, float, float]]  # month, sector path, label path id, label x, y
    bands: list[RingBand]
    sectors: list[tuple[int, int, str]]  # ring index, month, path
    markers: list[Marker]


def ring_bands(ring_ids: Sequence[str]) -> list[RingBand]:
    inner_outer = OUTER - LABEL_BAND
    width = (inner_outer - HUB) / max(len(ring_ids), 1)
    return [
        RingBand(rid, i, round(inner_outer - (i + 1) * width, 2), round(inner_outer - i * width, 2))
        for i, rid in enumerate(ring_ids)
    ]


def numbered(events_with_timing: Sequence[tuple[Arshandelse, Timing]]) -> list[tuple[int, Arshandelse, Timing]]:
    """Events with a known month, numbered in calendar order (January first), as the list shows them."""
    known = [(e, t) for e, t in events_with_timing if t.month is not None]
    known.sort(key=lambda et: (et[1].month, et[1].day or 0, et[0].id))
    return [(i + 1, e, t) for i, (e, t) in enumerate(known)]


def wheel(ring_ids: Sequence[str], events_with_timing: Sequence[tuple[Arshandelse, Timing]]) -> Wheel:
    bands = ring_bands(ring_ids)
    by_id = {b.ring_id: b for b in bands}
    months = []
    sectors = []
    for month in range(1, 13):
        a = month_angle(month)
        months.append((month, sector_path(OUTER - LABEL_BAND, OUTER, a - 15, a + 15), *polar(OUTER - LABEL_BAND / 2, a)))
        for b in bands:
            sectors.append((b.index, month, sector_path(b.r_in, b.r_out, a - 15, a + 15)))
    markers: list[Marker] = []
    groups: dict[tuple[str, int], list[tuple[int, Arshandelse, Timing]]] = {}
    for n, e, t in numbered(events_with_timing):
        groups.setdefault((e.ring, t.month), []).append((n, e, t))
    for (ring_id, month), group in groups.items():
        band = by_id[ring_id]
        radius = (band.r_in + band.r_out) / 2
        spread = min(9.0, 24.0 / max(len(group), 1))
        for j, (n, e, t) in enumerate(group):
            angle = month_angle(month) + (j - (len(group) - 1) / 2) * spread
            x, y = polar(radius, angle)
            markers.append(Marker(n, e, t, band.index, x, y))
    markers.sort(key=lambda m: m.number)
    return Wheel(SIZE, months, bands, sectors, markers)

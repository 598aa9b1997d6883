"""The yearly cycle as the page, the wheel and the calendar file show it. Pure.

An event's time is a month (and maybe a day) from the data, or a rule of the
förbundsordning in force that year (the budget deadline). Three kinds of date,
kept apart because the sources support them differently:

* a rule's date (``regel``): known for every year the rule is in force;
* a date a source states recurs (``aterkommer`` and no ``ar``): known every year;
* a date a source gives for one year only (``ar``): shown with its year, and in
  the calendar only for that year.

Only dates with a known day go into the calendar, each as a single day: a month
alone is not a date. The wheel, the month list, the twelve-month table and the
iCalendar file all come from :func:`cycle_view`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math

from .. import urls
from ..model.arshjul import Arshandelse
from .forbundsordning import section_heading
from .views import view_source
from ..frozen import frozen


@frozen
class RuleDate:
    month: int
    day: int
    fo_key: str
    anchor: str
    section: str  # how the section is cited ("Budget", "11 § ...")


@frozen
class Timing:
    month: int | None
    day: int | None
    rule: RuleDate | None = None  # set when the date comes from the förbundsordning


def rule_date(ds, kind: str, year: int) -> RuleDate | None:
    """The date a förbundsordning rule gives in ``year``, from the version in force then."""
    doc = ds.forbundsordning_for_year(year)
    if doc is None or kind != "budget":
        return None
    par, rule = doc.model.rule(kind)
    if rule is None:
        return None
    return RuleDate(rule.beslutas_senast.manad, rule.beslutas_senast.dag, doc.key, par.ankare, section_heading(par))


def applies(ds, event: Arshandelse, year: int) -> bool:
    """Whether the event belongs to ``year``: an event a förbundsordning requires only
    while that version is in force."""
    if event.forbundsordning is None:
        return True
    doc = ds.forbundsordning_for_year(year)
    return doc is not None and doc.key == event.forbundsordning


def timing(ds, event: Arshandelse, year: int) -> Timing:
    if event.regel is not None:
        rd = rule_date(ds, event.regel, year)
        return Timing(None, None) if rd is None else Timing(rd.month, rd.day, rd)
    return Timing(event.manad, event.dag)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def uid(event_id: str, year: int, domain: str) -> str:
    """A stable identifier: the same event in the same year keeps its UID across builds."""
    return f"arshjul-{event_id}-{year}@{domain}"


@frozen
class EventView:
    id: str
    ring_id: str
    ring_name: str
    ring_index: int
    rubrik: str
    kortnamn: str
    beskrivning: str | None
    source: str | None  # the source's title
    month: int | None
    day: int | None
    year: int | None  # the one year the date is known for; None: the date recurs
    recurs: str | None  # how a source says it recurs (None: no source says so)
    rule: RuleDate | None
    in_calendar: bool  # whether the calendar file can hold it (a known day)

    @property
    def anchor(self) -> str:
        return f"handelse-{self.id}"


@frozen
class Occurrence:
    """One single-day entry of the calendar file and the twelve-month table."""

    event: EventView
    date: dt.date
    uid_year: int

    @property
    def end(self) -> dt.date:
        """The exclusive end of the single day, as iCalendar all-day events want it."""
        return self.date + dt.timedelta(days=1)


@frozen
class MonthSector:
    month: int
    path: str
    label_x: float
    label_y: float


@frozen
class WheelLabel:
    """An event written on the wheel: a dot near the hub, its short name outward."""

    event: EventView
    angle: float
    dot_x: float
    dot_y: float
    text_x: float
    text_y: float
    rotate: float  # degrees, about (text_x, text_y)
    anchor: str  # SVG text-anchor: "start" on the right half, "end" on the left
    text: str


@frozen
class Wheel:
    size: int
    center: float
    hub: float
    sectors: tuple[MonthSector, ...]
    spokes: tuple[tuple[float, float, float, float], ...]
    labels: tuple[WheelLabel, ...]


@frozen
class CycleView:
    page: str
    ics_path: str
    today: dt.date
    year: int  # the year the wheel and the month list show
    rings: tuple[tuple[int, str], ...]
    events: tuple[EventView, ...]  # with a known month, in calendar order
    unknown: tuple[EventView, ...]  # no known month this year
    wheel: Wheel
    upcoming: tuple[Occurrence, ...]  # the coming twelve months, single days
    not_in_calendar: tuple[EventView, ...]  # known month, but no day the calendar can use

    def in_month(self, month: int) -> tuple[EventView, ...]:
        return tuple(e for e in self.events if e.month == month)


PAGE = urls.ARSHJUL
ICS_PATH = urls.ARSHJUL_ICS


def _event_view(ds, e: Arshandelse, year: int, rings: dict, sources: dict) -> EventView:
    t = timing(ds, e, year)
    index, name = rings[e.ring]
    single_year = None if t.rule is not None else e.ar
    # A day is usable in the calendar when it is the rule's, recurs by a source, or is
    # the one year's own date.
    in_calendar = t.day is not None and (t.rule is not None or e.ar is None or e.ar >= year)
    return EventView(
        id=e.id,
        ring_id=e.ring,
        ring_name=name,
        ring_index=index,
        rubrik=e.rubrik,
        kortnamn=e.kortnamn,
        beskrivning=e.beskrivning,
        source=sources[e.kalla].titel if e.kalla in sources else None,
        month=t.month,
        day=t.day,
        year=single_year,
        recurs=e.aterkommer,
        rule=t.rule,
        in_calendar=in_calendar,
    )


def _dated(ds, e: Arshandelse, year: int) -> dt.date | None:
    """The event's date in ``year`` if a source or rule gives one for that year."""
    if not applies(ds, e, year):
        return None
    t = timing(ds, e, year)
    if t.day is None or t.month is None:
        return None
    if t.rule is None and e.ar is not None and e.ar != year:
        return None
    return dt.date(year, t.month, t.day)


def occurrences(ds, today: dt.date, views: dict[str, EventView], months: int = 12) -> list[Occurrence]:
    """Each dated event in [today, today + months), as single days."""
    if ds.arshjul is None:
        return []
    end = add_months(today, months)
    out = []
    for e in ds.arshjul.model.handelser:
        for year in range(today.year, end.year + 1):
            day = _dated(ds, e, year)
            if day is not None and today <= day < end:
                out.append(Occurrence(views[e.id], day, year))
    return sorted(out, key=lambda o: (o.date, o.event.id))


# -- the wheel ------------------------------------------------------------------

SIZE = 400
CENTER = SIZE / 2
OUTER = 198  # outer edge of the month band
MONTH_BAND = 22
HUB = 20  # radius where the event dots sit
TEXT_FROM = 27  # radius where an event's name starts
MIN_GAP = 7.5  # degrees between two event labels


def month_angle(month: int) -> float:
    """Centre of a month's sector in degrees (SVG: 0 = right, clockwise). January at the top."""
    return -90.0 + (month - 1) * 30.0


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


def event_angle(e: EventView, year: int) -> float:
    """Where in its month's sector an event sits: by day where known, else the middle."""
    start = month_angle(e.month) - 15.0
    if e.day is None:
        return month_angle(e.month)
    days = calendar.monthrange(e.year or year, e.month)[1]
    return start + 30.0 * (e.day - 0.5) / days


def _spread(angles: list[float]) -> list[float]:
    """Push labels apart so that no two are closer than MIN_GAP degrees (order kept)."""
    out: list[float] = []
    for a in angles:
        out.append(max(a, out[-1] + MIN_GAP) if out else a)
    return out


def wheel(events: tuple[EventView, ...], year: int) -> Wheel:
    sectors = tuple(
        MonthSector(m, sector_path(OUTER - MONTH_BAND, OUTER, month_angle(m) - 15, month_angle(m) + 15),
                    *polar(OUTER - MONTH_BAND / 2, month_angle(m)))
        for m in range(1, 13)
    )
    spokes = tuple((*polar(HUB, month_angle(m) - 15), *polar(OUTER - MONTH_BAND, month_angle(m) - 15)) for m in range(1, 13))
    placed = sorted(events, key=lambda e: (event_angle(e, year), e.id))
    angles = _spread([event_angle(e, year) for e in placed])
    labels = []
    for e, a in zip(placed, angles):
        left = math.cos(math.radians(a)) < -1e-9
        tx, ty = polar(TEXT_FROM, a)
        labels.append(
            WheelLabel(
                event=e,
                angle=round(a, 2),
                dot_x=polar(HUB, a)[0],
                dot_y=polar(HUB, a)[1],
                text_x=tx,
                text_y=ty,
                rotate=round(a + 180 if left else a, 2),
                anchor="end" if left else "start",
                text=e.kortnamn + (f" {e.year}" if e.year is not None else ""),
            )
        )
    return Wheel(SIZE, CENTER, HUB, sectors, spokes, tuple(labels))


def cycle_view(ds, today: dt.date) -> CycleView | None:
    """The yearly cycle for the build date's year, and the coming twelve months."""
    if ds.arshjul is None:
        return None
    model = ds.arshjul.model
    rings = {r.id: (i, r.namn) for i, r in enumerate(model.ringar)}
    sources = {k.id: k for k in ds.kallor.model.kallor}
    year = today.year
    views = {e.id: _event_view(ds, e, year, rings, sources) for e in model.handelser}
    shown = [views[e.id] for e in model.handelser if applies(ds, e, year)]
    known = tuple(sorted((v for v in shown if v.month is not None), key=lambda v: (v.month, v.day or 0, v.id)))
    unknown = tuple(v for v in shown if v.month is None)
    upcoming = tuple(occurrences(ds, today, views))
    in_ics = {o.event.id for o in upcoming}
    return CycleView(
        page=PAGE,
        ics_path=ICS_PATH,
        today=today,
        year=year,
        rings=tuple(rings.values()),
        events=known,
        unknown=unknown,
        wheel=wheel(known, year),
        upcoming=upcoming,
        not_in_calendar=tuple(v for v in known if v.id not in in_ics and not v.in_calendar),
    )


@view_source
def arshjul(ds, today: dt.date) -> list[CycleView]:
    view = cycle_view(ds, today)
    return [view] if view is not None else []

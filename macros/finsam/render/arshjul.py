"""The yearly cycle: an inline SVG wheel, its twin as a month-by-month list, the
coming twelve months as a table, and the same twelve months as an iCalendar file
(arshjul/arshjul.ics) written at build time."""

from __future__ import annotations

import datetime as dt

from babel.dates import get_month_names
from icalendar import Calendar, Event, Timezone

from ..compute import arshjul as cycle
from ..pages import GeneratedPage, page_source
from ..settings import build_date
from . import Context, macro
from .. import format as fmt
from . import text
from .forbundsordning import paragraph_label

PAGE = "arshjul/index.md"
ICS_PATH = "arshjul/arshjul.ics"
TZID = "Europe/Stockholm"
MONTHS = get_month_names("wide", locale=fmt.LOCALE)
MONTHS_SHORT = get_month_names("abbreviated", locale=fmt.LOCALE)


def rule_lookup(ds):
    """(kind, year) -> the date a förbundsordning rule gives, from the version in force that year."""

    def lookup(kind: str, year: int) -> cycle.RuleDate | None:
        doc = ds.forbundsordning_for_year(year)
        if doc is None:
            return None
        par, rule = doc.model.rule(kind)
        if rule is None or kind != "budget":
            return None
        return cycle.RuleDate(rule.beslutas_senast.manad, rule.beslutas_senast.dag, doc.key, par.ankare)

    return lookup


def events_this_year(ds, today: dt.date) -> list[tuple]:
    lookup = rule_lookup(ds)
    if ds.arshjul is None:
        return []
    return [(e, cycle.timing(e, today.year, lookup)) for e in ds.arshjul.model.handelser]


def _rings(ds) -> dict[str, tuple[int, str]]:
    return {r.id: (i, r.namn) for i, r in enumerate(ds.arshjul.model.ringar)} if ds.arshjul else {}


def _when_in_year(t: cycle.Timing) -> str:
    if t.month is None:
        return "tidpunkt okänd"
    if t.day is None:
        return f"under {MONTHS[t.month]}"
    return fmt.day_month(t.month, t.day)


def _anchor(event_id: str) -> str:
    return f"handelse-{event_id}"


def _label(number: int, e, t, ring_name: str) -> str:
    return f"{number}. {_when_in_year(t)}: {e.rubrik} ({ring_name})"


@macro
def arshjul_hjul(ctx: Context) -> str:
    """The wheel: twelve month sectors with December at the top, one ring per kind,
    each event a numbered, linked marker with a title. The list below is its twin."""
    if ctx.ds.arshjul is None:
        return "Det finns inget årshjul i uppgifterna."
    rings = _rings(ctx.ds)
    ring_ids = [r.id for r in ctx.ds.arshjul.model.ringar]
    w = cycle.wheel(ring_ids, events_this_year(ctx.ds, ctx.today))
    ring_names = ", ".join(text.html_text(n) for _, n in rings.values())
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w.size} {w.size}" class="arshjul-svg" '
        'role="group" aria-labelledby="arshjul-titel" aria-describedby="arshjul-beskrivning">',
        '<title id="arshjul-titel">Årshjul</title>',
        f'<desc id="arshjul-beskrivning">Årets tolv månader som sektorer, december överst och månaderna '
        f"medurs. Ringarna utifrån och in är {ring_names}. Varje numrerad punkt är en händelse och "
        "länkar till samma händelse i listan under hjulet.</desc>",
        '<g aria-hidden="true">',
    ]
    for month, path, x, y in w.months:
        svg.append(f'<path d="{path}" class="manad-band"/>')
        svg.append(f'<text x="{x}" y="{y}" class="manad-namn" dominant-baseline="central" text-anchor="middle">{MONTHS_SHORT[month]}</text>')
    for ring_index, month, path in w.sectors:
        svg.append(f'<path d="{path}" class="sektor sektor-{month % 2} ring-bakgrund-{ring_index}"/>')
    svg.append("</g>")
    svg.append('<g class="handelser">')
    for m in w.markers:
        ring_name = rings[m.event.ring][1]
        label = text.attr(_label(m.number, m.event, m.timing, ring_name))
        svg.append(
            f'<a href="#{_anchor(m.event.id)}" aria-label="{label}">'
            f"<title>{text.html_text(_label(m.number, m.event, m.timing, ring_name))}</title>"
            f'<circle cx="{m.x}" cy="{m.y}" r="14" class="markor ring-{m.ring_index}"/>'
            f'<text x="{m.x}" y="{m.y}" class="markor-nummer" dominant-baseline="central" text-anchor="middle">{m.number}</text>'
            "</a>"
        )
    svg += ["</g>", "</svg>"]
    legend = "".join(
        f'<li><span class="ring-farg ring-{i}" aria-hidden="true"></span>{text.html_text(name)}</li>'
        for i, name in rings.values()
    )
    return "\n".join(
        [
            '<figure class="arshjul">',
            *svg,
            f'<figcaption>Ringarna utifrån och in: <ul class="arshjul-ringar">{legend}</ul></figcaption>',
            "</figure>",
        ]
    )


@macro
def arshjul_lista(ctx: Context) -> str:
    """The wheel's twin: every event month by month, numbered as on the wheel."""
    if ctx.ds.arshjul is None:
        return ""
    rings = _rings(ctx.ds)
    sources = {k.id: k for k in ctx.ds.kallor.model.kallor}
    pairs = events_this_year(ctx.ds, ctx.today)
    numbered = cycle.numbered(pairs)
    out: list[str] = []
    for month in range(1, 13):
        items = [(n, e, t) for n, e, t in numbered if t.month == month]
        out += [f"### {MONTHS[month].capitalize()}", ""]
        if not items:
            out += ["Inga återkommande händelser.", ""]
            continue
        for n, e, t in items:
            out.append(f'- <span id="{_anchor(e.id)}"></span>{_item(ctx, n, e, t, rings, sources)}')
        out.append("")
    unknown = [(e, t) for e, t in pairs if t.month is None]
    if unknown:
        out += ["### Tidpunkt okänd", "", "Källorna säger inte när på året det här sker, så det saknas i hjulet och kalendern.", ""]
        for e, t in unknown:
            out.append(f'- <span id="{_anchor(e.id)}"></span>{_item(ctx, None, e, t, rings, sources)}')
        out.append("")
    return "\n".join(out)


def _item(ctx: Context, n, e, t, rings, sources) -> str:
    when = _when_in_year(t)
    if t.rule is not None:
        fo = ctx.ds.forbundsordning(t.rule.fo_key).model
        par = next(p for p in fo.paragrafer if p.ankare == t.rule.anchor)
        current = ctx.ds.forbundsordning_on(ctx.today)
        target = "index.md" if current is not None and current.key == t.rule.fo_key else f"{t.rule.fo_key}.md"
        when = f"senast {when} enligt [förbundsordningen, {paragraph_label(par)} {text.inline(par.rubrik)}](../forbundsordning/{target}#{t.rule.anchor})"
    number = f"**{n}.** " if n is not None else ""
    parts = [f"{number}**{text.inline(e.rubrik)}** ({text.inline(rings[e.ring][1])}), {when}."]
    if e.beskrivning:
        parts.append(text.inline(e.beskrivning))
    if e.kalla in sources:
        parts.append(f"Källa: {text.inline(sources[e.kalla].titel)}.")
    return " ".join(parts)


def _when_dated(o: cycle.Occurrence) -> str:
    if o.whole_month:
        return f"under {MONTHS[o.start.month]} {o.start.year}"
    return fmt.date(o.start)


def next_twelve_months(ds, today: dt.date) -> list[cycle.Occurrence]:
    if ds.arshjul is None:
        return []
    return cycle.occurrences(ds.arshjul.model.handelser, today, rule_lookup(ds))


@macro
def arshjul_kommande(ctx: Context) -> str:
    """The coming twelve months from the build date: what the calendar file holds."""
    rings = _rings(ctx.ds)
    rows = ["| När | Händelse | Ring |", "|---|---|---|"]
    for o in next_twelve_months(ctx.ds, ctx.today):
        rows.append(f"| {_when_dated(o)} | [{text.inline(o.event.rubrik)}](#{_anchor(o.event.id)}) | {text.inline(rings[o.event.ring][1])} |")
    if len(rows) == 2:
        return "Inga händelser de kommande tolv månaderna."
    return "\n".join(rows)


def ics_text(ds, today: dt.date) -> str:
    """RFC 5545 calendar of the coming twelve months: all-day events, stable UIDs,
    Europe/Stockholm as the calendar's time zone (with its VTIMEZONE)."""
    domain = (ds.forbund.model.webbplats or "finsam.invalid").strip("/").split("/")[0]
    _, name = (ds.forbundsordning_on(today) or ds.forbundsordningar[-1]).model.rule("namn")
    rings = _rings(ds)
    cal = Calendar()
    cal.add("prodid", f"-//{domain}//Årshjul//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Årshjul – {name or 'samordningsförbundet'}")
    cal.add("x-wr-timezone", TZID)
    occ = next_twelve_months(ds, today)
    window_end = max([cycle.add_months(today, 12), *(o.end for o in occ)])
    cal.add_component(Timezone.from_tzid(TZID, first_date=today.replace(day=1), last_date=window_end))
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for o in occ:
        ev = Event()
        ev.add("uid", cycle.uid(o.event.id, o.start.year, domain))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", o.start)
        ev.add("dtend", o.end)
        ev.add("summary", o.event.rubrik)
        description = o.event.beskrivning or ""
        if o.timing.rule is not None:
            description = (description + " " if description else "") + (
                "Datumet är förbundsordningens sista dag för beslutet."
            )
        if description:
            ev.add("description", description)
        ev.add("categories", [rings[o.event.ring][1]])
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal.to_ical().decode("utf-8")


@page_source
def ics_file(ds) -> list[GeneratedPage]:
    """arshjul/arshjul.ics, written at build time for the build date's next twelve months."""
    if ds.arshjul is None:
        return []
    return [GeneratedPage(path=ICS_PATH, title="Årshjul (iCalendar)", parent="", content=ics_text(ds, build_date()))]

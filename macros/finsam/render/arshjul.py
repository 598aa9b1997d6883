"""The yearly cycle: an inline SVG wheel (template arshjul/hjul.html), its twin as
a month-by-month list, the coming twelve months as a table, and the same twelve
months as an iCalendar file (arshjul/arshjul.ics) written at build time. All four
format one view object, compute.arshjul.cycle_view."""

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
from .templating import render_template

PAGE = cycle.PAGE
ICS_PATH = cycle.ICS_PATH
TZID = "Europe/Stockholm"
MONTHS = get_month_names("wide", locale=fmt.LOCALE)
MONTHS_SHORT = get_month_names("abbreviated", locale=fmt.LOCALE)


def when(e: cycle.EventView) -> str:
    """``senast 30 november``, ``24 mars 2023``, ``i april 2022``, ``tidpunkt okänd``."""
    if e.month is None:
        return "tidpunkt okänd"
    if e.day is None:
        return f"i {MONTHS[e.month]}" + (f" {e.year}" if e.year else "")
    day = fmt.day_month(e.month, e.day) + (f" {e.year}" if e.year else "")
    return f"senast {day}" if e.rule is not None else day


@macro
def arshjul_hjul(ctx: Context) -> str:
    """The wheel: twelve month sectors with January at the top, each event written
    in its month and linked to the list below, which is its twin."""
    view = cycle.cycle_view(ctx.ds, ctx.today)
    if view is None:
        return "Det finns inget årshjul i uppgifterna."
    return render_template(
        "arshjul/hjul.html",
        w=view.wheel,
        year=view.year,
        rings=view.rings,
        months=MONTHS_SHORT,
        when={e.id: when(e) for e in view.events},
    )


def _fo_link(ctx: Context, rule: cycle.RuleDate) -> str:
    current = ctx.ds.forbundsordning_on(ctx.today)
    target = "index.md" if current is not None and current.key == rule.fo_key else f"{rule.fo_key}.md"
    return f"[förbundsordningen, {text.inline(rule.section)}](../forbundsordning/{target}#{rule.anchor})"


def _item(ctx: Context, e: cycle.EventView) -> str:
    parts = [f"**{text.inline(e.rubrik)}** ({text.inline(e.ring_name)}): {when(e)}"]
    if e.rule is not None:
        parts[0] += f" enligt {_fo_link(ctx, e.rule)}"
    parts[0] += "."
    if e.beskrivning:
        parts.append(text.inline(e.beskrivning))
    if e.rule is None:
        if e.recurs:
            parts.append(f"Återkommer: {text.inline(e.recurs)}")
        else:
            parts.append("Ingen källa säger att det sker varje år.")
    if e.source:
        parts.append(f"Källa: {text.inline(e.source)}.")
    return render_template("arshjul/ankare.html", id=e.anchor) + " ".join(parts)


@macro
def arshjul_lista(ctx: Context) -> str:
    """The wheel's twin: every event month by month, with how it is known to recur."""
    view = cycle.cycle_view(ctx.ds, ctx.today)
    if view is None:
        return ""
    out: list[str] = []
    for month in range(1, 13):
        out += [f"### {MONTHS[month].capitalize()}", ""]
        items = view.in_month(month)
        if not items:
            out += ["Källorna nämner inget som sker den här månaden.", ""]
            continue
        out += [f"- {_item(ctx, e)}" for e in items]
        out.append("")
    if view.unknown:
        out += [
            "### Tidpunkt okänd",
            "",
            "Källorna säger inte när på året det här sker, så det saknas i hjulet och kalendern.",
            "",
        ]
        out += [f"- {_item(ctx, e)}" for e in view.unknown]
        out.append("")
    return "\n".join(out)


@macro
def arshjul_kommande(ctx: Context) -> str:
    """The coming twelve months from the build date: exactly what the calendar file holds."""
    view = cycle.cycle_view(ctx.ds, ctx.today)
    if view is None:
        return ""
    out = []
    if view.upcoming:
        out += ["| Datum | Händelse | Gäller |", "|---|---|---|"]
        out += [
            f"| {fmt.date(o.date)} | [{text.inline(o.event.rubrik)}](#{o.event.anchor}) | {text.inline(o.event.ring_name)} |"
            for o in view.upcoming
        ]
    else:
        out.append(f"Källorna ger inget datum för de tolv månaderna från {fmt.date(ctx.today)}.")
    if view.not_in_calendar:
        names = ", ".join(f"[{text.inline(e.kortnamn)}](#{e.anchor})" for e in view.not_in_calendar)
        out += [
            "",
            "Inte med i kalendern, eftersom källorna inte ger dagen för kommande år: " + names + ".",
        ]
    return "\n".join(out)


def ics_text(ds, today: dt.date) -> str:
    """RFC 5545 calendar of the coming twelve months: single-day events on the dates
    the sources give, stable UIDs, Europe/Stockholm as the calendar's time zone."""
    view = cycle.cycle_view(ds, today)
    domain = (ds.forbund.model.webbplats or "finsam.invalid").strip("/").split("/")[0]
    _, name = (ds.forbundsordning_on(today) or ds.forbundsordningar[-1]).model.rule("namn")
    cal = Calendar()
    cal.add("prodid", f"-//{domain}//Årshjul//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Årshjul – {name or 'samordningsförbundet'}")
    cal.add("x-wr-timezone", TZID)
    window_end = cycle.add_months(today, 12)
    cal.add_component(Timezone.from_tzid(TZID, first_date=today.replace(day=1), last_date=window_end))
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for o in view.upcoming if view else ():
        ev = Event()
        ev.add("uid", cycle.uid(o.event.id, o.uid_year, domain))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", o.date)
        ev.add("dtend", o.end)
        ev.add("summary", o.event.rubrik)
        description = o.event.beskrivning or ""
        if o.event.rule is not None:
            description = (description + " " if description else "") + "Datumet är förbundsordningens sista dag för beslutet."
        if description:
            ev.add("description", description)
        ev.add("categories", [o.event.ring_name])
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal.to_ical().decode("utf-8")


@page_source
def ics_file(ds) -> list[GeneratedPage]:
    """arshjul/arshjul.ics, written at build time for the build date's next twelve months."""
    if ds.arshjul is None:
        return []
    return [GeneratedPage(path=ICS_PATH, title="Årshjul (iCalendar)", parent="", content=ics_text(ds, build_date()))]

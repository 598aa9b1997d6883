"""The yearly cycle: dates from the data and the förbundsordning, and the wheel,
the month list and the iCalendar file agreeing with each other."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from conftest import BUILD_DATE, FIXTURE, REAL_DATA, edit, problems_in
from conftest import page as shared_page
from finsam.compute import arshjul as cycle
from finsam.dataset import load_dataset
from finsam.render import arshjul as render

TODAY = dt.date.fromisoformat(BUILD_DATE)


def test_december_at_the_top_and_months_clockwise():
    assert cycle.month_angle(12) == -90  # straight up in SVG coordinates
    assert cycle.month_angle(1) == -60  # January follows clockwise
    assert cycle.month_angle(6) == 90  # June at the bottom
    x, y = cycle.polar(100, cycle.month_angle(12))
    assert x == cycle.CENTER and y == cycle.CENTER - 100


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (dt.date(2026, 11, 22), 12, dt.date(2027, 11, 22)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 12, 15), 1, dt.date(2025, 1, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert cycle.add_months(day, months) == expected


def test_budget_date_comes_from_the_forbundsordning():
    real = load_dataset(REAL_DATA)
    lookup = render.rule_lookup(real)
    event = next(e for e in real.arshjul.model.handelser if e.regel == "budget")
    t = cycle.timing(event, 2026, lookup)
    assert (t.month, t.day) == (11, 30)
    assert t.rule.anchor == "budget" and t.rule.fo_key == "2024-01-01"
    # In 2023 the NVSam förbundsordning was in force; the sources give it no budget rule.
    assert cycle.timing(event, 2023, lookup).month is None
    # The made-up förbund's förbundsordning says 31 October, and the wheel follows it.
    fixture = load_dataset(FIXTURE)
    event = next(e for e in fixture.arshjul.model.handelser if e.regel == "budget")
    t = cycle.timing(event, 2026, render.rule_lookup(fixture))
    assert (t.month, t.day) == (10, 31)


def test_every_known_event_occurs_exactly_once_in_twelve_months():
    ds = load_dataset(REAL_DATA)
    for today in (TODAY, dt.date(2027, 1, 1), dt.date(2027, 8, 31), dt.date(2027, 9, 15)):
        occ = render.next_twelve_months(ds, today)
        ids = [o.event.id for o in occ]
        assert len(ids) == len(set(ids)) == 8, today
        end = cycle.add_months(today, 12)
        for o in occ:
            if o.whole_month:
                assert o.start.day == 1 and o.end == cycle.add_months(o.start, 1)
            else:
                assert today <= o.start < end and o.end == o.start + dt.timedelta(days=1)


def test_uids_are_stable_across_build_dates():
    ds = load_dataset(REAL_DATA)
    a = Calendar.from_ical(render.ics_text(ds, TODAY))
    b = Calendar.from_ical(render.ics_text(ds, dt.date(2027, 2, 1)))
    uids_a = {str(e["UID"]) for e in a.walk("VEVENT")}
    uids_b = {str(e["UID"]) for e in b.walk("VEVENT")}
    # The occurrences both windows hold (March–October 2027) keep their UIDs.
    shared = {u for u in uids_a if "-2027@" in u}
    assert shared and shared <= uids_b
    assert render.ics_text(ds, TODAY) == render.ics_text(ds, TODAY)


def test_event_needs_a_time_or_a_rule_not_both(fixture_copy):
    edit(fixture_copy / "arshjul.yaml", "    manad: null\n    regel: budget", "    manad: 11\n    regel: budget")
    assert any("skriv manad: null och ingen dag" in p for p in problems_in(fixture_copy))


def test_event_ring_must_exist(fixture_copy):
    edit(fixture_copy / "arshjul.yaml", "ring: medlemmar\n    rubrik: Samråd", "ring: kansliet\n    rubrik: Samråd")
    assert any("arshjul.yaml:" in p and "ringen 'kansliet' finns inte" in p for p in problems_in(fixture_copy))


def test_day_must_exist_every_year(fixture_copy):
    edit(fixture_copy / "arshjul.yaml", "manad: 2\n    dag: 15", "manad: 2\n    dag: 29")
    assert any("finns inte varje år" in p for p in problems_in(fixture_copy))


@pytest.fixture(scope="module")
def site(real_site):
    return real_site  # the shared build (tests/conftest.py)


def _page(site, path) -> BeautifulSoup:
    return shared_page(site, path)  # parsed once per session (tests/conftest.py)


@pytest.mark.build
def test_wheel_is_accessible(site):
    soup = _page(site, "arshjul/index.html")
    svg = soup.select_one("figure.arshjul svg")
    assert svg["role"] == "group"
    assert soup.find(id=svg["aria-labelledby"]).name == "title"
    assert soup.find(id=svg["aria-describedby"]).name == "desc"
    assert len(svg.select("path.manad-band")) == 12
    assert [t.get_text() for t in svg.select("text.manad-namn")][11] == "dec."
    links = svg.select("g.handelser a")
    assert links
    for a in links:
        assert a["href"].startswith("#handelse-")
        assert soup.find(id=a["href"][1:]) is not None, a["href"]  # the list item it links to
        assert a.find("title").get_text() and a["aria-label"]


def _wheel_events(soup):
    out = {}
    for a in soup.select("figure.arshjul g.handelser a"):
        number = int(a.select_one("text").get_text())
        out[a["href"][len("#handelse-"):]] = number
    return out


def _list_events(soup):
    out = {}
    for span in soup.select("article li > span[id^=handelse-]"):
        li = span.parent
        strong = li.find("strong").get_text()
        if strong.endswith(".") and strong[:-1].isdigit():
            month = li.find_previous("h3").get_text().rstrip("¶").strip().lower()
            out[span["id"][len("handelse-"):]] = (int(strong[:-1]), month)
    return out


@pytest.mark.build
def test_wheel_list_and_ics_agree(site):
    soup = _page(site, "arshjul/index.html")
    wheel = _wheel_events(soup)
    listed = _list_events(soup)
    # Same events, same numbers, on the wheel and in the list.
    assert {k: v for k, v in wheel.items()} == {k: n for k, (n, _) in listed.items()}
    months = {render.MONTHS[m]: m for m in range(1, 13)}

    cal = Calendar.from_ical((site / "arshjul" / "arshjul.ics").read_bytes())
    assert str(cal["VERSION"]) == "2.0" and cal.get("PRODID")
    tz = list(cal.walk("VTIMEZONE"))
    assert len(tz) == 1 and str(tz[0]["TZID"]) == "Europe/Stockholm"
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Stockholm"
    events = list(cal.walk("VEVENT"))
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    ics = {}
    for e in events:
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date  # all-day events
        assert e.get("DTSTAMP") is not None
        event_id = str(e["UID"]).removeprefix("arshjul-").rsplit("-", 1)[0]
        ics[event_id] = start
    # Every event on the wheel is in the calendar file, in the month the list gives it.
    assert set(ics) == set(wheel)
    for event_id, (_, month_name) in listed.items():
        assert ics[event_id].month == months[month_name], event_id
    budget = ics["verksamhetsplan-och-budget"]
    assert (budget.month, budget.day) == (11, 30)
    # The list links the budget date to the förbundsordning's paragraph.
    item = soup.find(id="handelse-verksamhetsplan-och-budget").parent
    assert item.find("a", href="../forbundsordning/#budget")


@pytest.mark.build
def test_next_twelve_months_table_matches_ics(site):
    soup = _page(site, "arshjul/index.html")
    heading = soup.find(id="de-kommande-tolv-manaderna")
    rows = heading.find_next("table").select("tbody tr")
    cal = Calendar.from_ical((site / "arshjul" / "arshjul.ics").read_bytes())
    assert len(rows) == len(list(cal.walk("VEVENT")))
    assert soup.find("a", href="arshjul.ics")

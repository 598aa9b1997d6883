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


def test_january_at_the_top_and_months_clockwise():
    assert cycle.month_angle(1) == -90  # straight up in SVG coordinates
    assert cycle.month_angle(2) == -60  # February follows clockwise
    assert cycle.month_angle(7) == 90  # July at the bottom
    x, y = cycle.polar(100, cycle.month_angle(1))
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
    event = next(e for e in real.arshjul.model.handelser if e.regel == "budget")
    t = cycle.timing(real, event, 2026)
    assert (t.month, t.day) == (11, 30)
    assert t.rule.anchor == "budget" and t.rule.fo_key == "2024-01-01"
    # In 2023 the NVSam förbundsordning was in force; the sources give it no budget rule.
    assert cycle.timing(real, event, 2023).month is None
    # The made-up förbund's förbundsordning says 31 October, and the wheel follows it.
    fixture = load_dataset(FIXTURE)
    event = next(e for e in fixture.arshjul.model.handelser if e.regel == "budget")
    t = cycle.timing(fixture, event, 2026)
    assert (t.month, t.day) == (10, 31)


@pytest.mark.parametrize("data", [REAL_DATA, FIXTURE], ids=["real", "fixture"])
@pytest.mark.parametrize("today", [dt.date(2022, 6, 1), TODAY, dt.date(2027, 8, 31)])
def test_the_calendar_holds_single_days_the_sources_give_for_that_year(data, today):
    ds = load_dataset(data)
    view = cycle.cycle_view(ds, today)
    events = {e.id: e for e in ds.arshjul.model.handelser}
    end = cycle.add_months(today, 12)
    seen = set()
    for o in view.upcoming:
        assert today <= o.date < end
        assert (o.event.id, o.date.year) not in seen
        seen.add((o.event.id, o.date.year))
        e = events[o.event.id]
        if e.regel is not None:
            assert o.event.rule is not None and (o.date.month, o.date.day) == (o.event.rule.month, o.event.rule.day)
        else:
            # a day the data gives: recurring by a source, or that one year's own date
            assert e.dag is not None and (o.date.month, o.date.day) == (e.manad, e.dag)
            assert e.ar is None and e.aterkommer or e.ar == o.date.year
    # A month without a day, or a date a source gives for another year only, is never a calendar entry.
    for o in view.upcoming:
        assert events[o.event.id].dag is not None or events[o.event.id].regel is not None
    ics = Calendar.from_ical(render.ics_text(ds, today))
    for ev in ics.walk("VEVENT"):
        assert ev.decoded("DTEND") - ev.decoded("DTSTART") == dt.timedelta(days=1)
    assert len(list(ics.walk("VEVENT"))) == len(view.upcoming)


def test_a_single_years_date_is_shown_with_its_year_and_only_then_in_the_calendar():
    real = load_dataset(REAL_DATA)
    single = [e for e in real.arshjul.model.handelser if e.ar is not None and e.dag is not None]
    assert single
    e = single[0]
    later = cycle.cycle_view(real, dt.date(e.ar + 3, 1, 1))
    assert e.id not in {o.event.id for o in later.upcoming}
    label = next(lb for lb in later.wheel.labels if lb.event.id == e.id)
    assert label.text.endswith(str(e.ar))
    before = cycle.cycle_view(real, dt.date(e.ar, 1, 1))
    assert e.id in {o.event.id for o in before.upcoming}


def test_an_event_a_later_forbundsordning_requires_is_not_shown_before_it():
    real = load_dataset(REAL_DATA)
    bound = [e for e in real.arshjul.model.handelser if e.forbundsordning is not None]
    assert bound
    fo = real.forbundsordning(bound[0].forbundsordning).model
    before = cycle.cycle_view(real, fo.giltig_fran - dt.timedelta(days=200))
    after = cycle.cycle_view(real, fo.giltig_fran + dt.timedelta(days=200))
    shown = lambda v: {e.id for e in v.events + v.unknown}  # noqa: E731
    assert bound[0].id not in shown(before) and bound[0].id in shown(after)


def test_uids_are_stable_across_build_dates():
    ds = load_dataset(REAL_DATA)
    a = Calendar.from_ical(render.ics_text(ds, dt.date(2027, 1, 1)))
    b = Calendar.from_ical(render.ics_text(ds, dt.date(2027, 6, 1)))
    uids_a = {str(e["UID"]) for e in a.walk("VEVENT")}
    uids_b = {str(e["UID"]) for e in b.walk("VEVENT")}
    shared = {u for u in uids_a if "-2027@" in u}
    assert shared and shared <= uids_b
    assert render.ics_text(ds, TODAY) == render.ics_text(ds, TODAY)


def test_an_unsourced_yearly_date_is_refused(fixture_copy):
    edit(fixture_copy / "arshjul.yaml", "    ar: 2025\n", "")
    assert any("ingen källa säger att händelsen sker varje år" in p for p in problems_in(fixture_copy))


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
def test_wheel_is_accessible_and_agrees_with_the_list_and_the_calendar(site):
    soup = _page(site, "arshjul/index.html")
    svg = soup.select_one("figure.arshjul svg")
    assert svg["role"] == "group"
    assert soup.find(id=svg["aria-labelledby"]).name == "title"
    assert soup.find(id=svg["aria-describedby"]).name == "desc"
    assert len(svg.select("path.manad-band")) == 12
    assert [t.get_text() for t in svg.select("text.manad-namn")][0] == "jan."
    links = svg.select("g.handelser a")
    assert links
    listed = {span["id"] for span in soup.select("article li > span[id^=handelse-]")}
    for a in links:
        assert a["href"][1:] in listed, a["href"]  # the list item it links to
        assert a.find("title").get_text() and a["aria-label"]
        assert a.select_one("text.handelse-namn").get_text().strip()  # the event's name on the wheel
    cal = Calendar.from_ical((site / "arshjul" / "arshjul.ics").read_bytes())
    assert str(cal["VERSION"]) == "2.0" and cal.get("PRODID")
    tz = list(cal.walk("VTIMEZONE"))
    assert len(tz) == 1 and str(tz[0]["TZID"]) == "Europe/Stockholm"
    for e in cal.walk("VEVENT"):
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert type(start) is dt.date and end - start == dt.timedelta(days=1)
        event_id = str(e["UID"]).removeprefix("arshjul-").rsplit("-", 1)[0]
        assert f"handelse-{event_id}" in listed
    item = soup.find(id="handelse-verksamhetsplan-och-budget").parent
    assert item.find("a", href="../forbundsordning/#budget")
    heading = soup.find(id="de-kommande-tolv-manaderna")
    rows = heading.find_next("table").select("tbody tr")
    assert len(rows) == len(list(cal.walk("VEVENT")))
    assert soup.find("a", href="arshjul.ics")


def test_each_wheel_links_name_contains_its_visible_label():
    # WCAG 2.5.3 (label in name): the words written on the wheel start the link's accessible name.
    soup = BeautifulSoup(render.arshjul_hjul(render.Context(load_dataset(REAL_DATA), TODAY)), "html.parser")
    for a in soup.select("g.handelser a"):
        assert a["aria-label"].startswith(a.select_one("text").get_text())

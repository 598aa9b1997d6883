"""Meetings split by the build date; verksamhetsplan pages per year, with budget
links only where the budget page exists; a new year's file adds its page."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_DATE, FIXTURE, REAL_DATA, edit, problems_in
from finsam.compute.board import board_rules
from finsam.compute.styrelse import seats_by_member
from finsam.compute.moten import DatedMeeting, split
from finsam.dataset import load_dataset
from finsam.pages import generated_pages
from finsam.render import Context
from finsam.render import moten as meetings
from finsam.render import verksamhetsplan as plans


def _ctx(data, today=dt.date(2026, 11, 22), pages=frozenset()):
    return Context(load_dataset(data), today, frozenset(pages))


def test_meetings_split_by_build_date():
    ds = load_dataset(FIXTURE)
    all_ = [DatedMeeting(m, int(d.key)) for d in ds.moten for m in d.model.moten]
    upcoming, past = split(all_, dt.date(2026, 11, 22))
    assert [dm.meeting.id for dm in upcoming] == ["styrelsemote-2026-12-10", "samrad-2026"]
    assert [dm.meeting.id for dm in past] == ["styrelsemote-2026-03-01"]
    upcoming, past = split(all_, dt.date(2027, 1, 1))
    assert upcoming == [] and len(past) == 3


def test_meeting_tables():
    ctx = _ctx(FIXTURE)
    coming = meetings.moten_kommande(ctx)
    assert "10 december 2026, kl. 13:00–15:00" in coming
    assert "[Kallelse]" not in coming  # no link is invented
    # The kinds no meeting has published are said once, not in every row.
    note = meetings.moten_handlingar(ctx)
    assert note.count("Kallelse och handlingar finns inte publicerade här") == 1 and "2026" in note
    assert "Protokoll" not in note  # one meeting's protokoll is published
    assert "2026, datum okänt" in coming
    past = meetings.moten_tidigare(ctx)
    assert '<a href="https://exempeldalen.example/protokoll-2026-03-01.pdf">Protokoll</a>' in past


def test_real_meetings_split_by_the_build_date():
    ctx = _ctx(REAL_DATA)
    all_ = [DatedMeeting(m, int(d.key)) for d in ctx.ds.moten if d.key.isdigit() for m in d.model.moten]
    upcoming, _ = split(all_, ctx.today)
    # Whether there is an upcoming meeting is the data's (staff add meetings) ...
    assert ("inga kommande möten" in meetings.moten_kommande(ctx)) == (not upcoming)
    # ... but the meetings the sources date, all before the build date, are listed as past.
    past = meetings.moten_tidigare(ctx)
    for when in ("20 april 2022", "24 november 2022", "13 december 2022, kl. 15:30–16:15", "24 mars 2023",
                 "2023, datum okänt", "10 maj 2023"):
        assert when in past


def test_meeting_date_must_be_in_the_files_year(fixture_copy):
    edit(fixture_copy / "moten" / "2026.yaml", "datum: 2026-03-01", "datum: 2025-03-01")
    assert any("moten/2026.yaml:" in p and "ligger inte år 2026" in p for p in problems_in(fixture_copy))


def test_meeting_link_must_be_https(fixture_copy):
    edit(fixture_copy / "moten" / "2026.yaml", "url: https://exempeldalen", "url: javascript://exempeldalen")
    assert any("moten/2026.yaml:" in p and "dokument[1].url" in p for p in problems_in(fixture_copy))


def test_end_time_after_start(fixture_copy):
    edit(fixture_copy / "moten" / "2026.yaml", 'slut: "15:00"', 'slut: "12:00"')
    assert any("ligger inte efter starttiden" in p for p in problems_in(fixture_copy))


def test_plan_2023_has_three_malomraden_and_rus_goals():
    ds = load_dataset(REAL_DATA)
    vp = ds.verksamhetsplaner[0].model
    assert [m.namn for m in vp.malomraden] == ["Identifiera", "Förebygga", "Stimulera"]
    assert [g.nummer for g in vp.regional_strategi.mal] == [1, 5, 17, 19, 20]
    tied = [b.id for m in vp.malomraden for a in m.aktiviteter for b in a.budgetrader]
    assert tied == ["samordningsteam-fns", "samordningsteam-sala", "samordningsteam-hallstahammar", "samordningsteam-surahammar"]


def test_budget_links_only_when_budget_page_exists():
    without = plans.verksamhetsplan(_ctx(REAL_DATA, pages={"index.md"}), 2023)  # a site without the budget page
    assert "ekonomi/budget" not in without and "Samordningsteam Sala" in without
    with_page = plans.verksamhetsplan(_ctx(REAL_DATA, pages={"ekonomi/budget/2023.md"}), 2023)
    assert "[Samordningsteam Sala](../ekonomi/budget/2023.md#samordningsteam-sala)" in with_page
    assert with_page.count("../ekonomi/budget/2023.md#samordningsteam-") == 4


def test_follow_up_status_shown_or_unknown():
    out = plans.verksamhetsplan(_ctx(FIXTURE), 2026)
    assert "Genomförd: Klar i juni\\." in out
    assert "Status okänd" in out


def test_plan_file_must_match_year(fixture_copy):
    edit(fixture_copy / "verksamhetsplan" / "2026.yaml", "ar: 2026", "ar: 2027")
    assert any("filen heter 2026.yaml men planen gäller år 2027" in p for p in problems_in(fixture_copy))


def test_new_year_adds_its_page_without_touching_docs(fixture_copy):
    text = (fixture_copy / "verksamhetsplan" / "2026.yaml").read_text(encoding="utf-8")
    (fixture_copy / "verksamhetsplan" / "2027.yaml").write_text(
        text.replace("ar: 2026", "ar: 2027").replace("faststalld: 2025-10-30", "faststalld: 2026-10-29"),
        encoding="utf-8",
    )
    pages = {p.path for p in generated_pages(load_dataset(fixture_copy))}
    assert {"verksamhetsplan/2026.md", "verksamhetsplan/2027.md"} <= pages


@pytest.mark.build
def test_fixture_site_builds_with_new_plan_year(fixture_next_year_site):
    site = fixture_next_year_site  # 2027 added as data files only
    page = BeautifulSoup((site / "verksamhetsplan" / "2027" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("h1").get_text().startswith("Verksamhetsplan 2027")
    index = BeautifulSoup((site / "verksamhetsplan" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.select_one('article a[href="2027/"]') is not None
    nav = [a.get_text(strip=True) for a in index.select("nav a")]
    assert "Verksamhetsplan 2027" in nav


@pytest.mark.build
def test_real_board_page(real_site):
    site = real_site
    soup = BeautifulSoup((site / "styrelse" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    # Checked against the board's data and its förbundsordning, so that naming a
    # member (a routine edit) changes what is expected, not whether the test passes.
    ds = load_dataset(REAL_DATA)
    board = next(d.model for d in ds.styrelser if d.model.in_office_on(dt.date.fromisoformat(BUILD_DATE)))
    fo = ds.forbundsordning(board.forbundsordning).model
    _, members = fo.rule("medlemmar")
    rules = board_rules(fo)
    if not any(s.person for s in board.platser):
        # No holder known: one note says so, instead of a table of gaps.
        assert article.get_text().count("Uppgift saknas") == 0
        assert "Uppgifter om ledamöterna saknas" in article.get_text()
        assert article.select_one("table.styrelsetabell") is None
    else:
        def holder(seat) -> str:
            return "Uppgift saknas" if seat.person is None else ds.personer.model.person(seat.person).namn

        table = article.select_one("table.styrelsetabell")
        assert [th["scope"] for th in table.select("thead th")] == ["col"] * 3
        rows = table.select("tbody tr")
        assert len(rows) == len(members)
        for row, seats in zip(rows, seats_by_member(board, members)):
            assert row.find("th")["scope"] == "row" and row.find("th").find("a")
            cells = [td.get_text(" ", strip=True) for td in row.select("td")]
            assert holder(seats.ledamot) in cells[0] and holder(seats.ersattare) in cells[1], cells
    assert f"minst {rules.quorum} av {rules.ledamoter} ledamöter" in article.get_text()
    assert article.find("a", href="../forbundsordning/#styrelse")
    member = BeautifulSoup((site / "medlemmar" / "vasteras" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Kommun" in member.select_one("article").get_text()
    ics = (site / "arshjul" / "arshjul.ics").read_bytes()
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n")

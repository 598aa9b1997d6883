"""The board: data checks with file and line, computed rules, and the pages."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import FIXTURE, REAL_DATA, edit, problems_in
from finsam.compute.board import board_rules
from finsam.compute.styrelse import known_holders, seats_by_member
from finsam.dataset import load_dataset
from finsam.render import Context
from finsam.render import styrelse as board_render

BOARD = "styrelse/2024-2026.yaml"


def test_real_data_is_clean():
    assert problems_in(REAL_DATA) == []


def test_fixture_is_clean():
    assert problems_in(FIXTURE) == []


def test_real_boards_have_every_seat_their_forbundsordning_gives_with_honest_gaps():
    """Checked against each board's own förbundsordning, not against today's count of
    named holders: naming a board member is a routine edit."""
    ds = load_dataset(REAL_DATA)
    assert {"2024-2026", "interim-2023"} <= {d.key for d in ds.styrelser}
    names = {p.id for p in ds.personer.model.personer} if ds.personer is not None else set()
    for doc in ds.styrelser:
        fo = ds.forbundsordning(doc.model.forbundsordning).model
        _, members = fo.rule("medlemmar")
        rules = board_rules(fo)
        rows = seats_by_member(doc.model, members)
        assert len(rows) == len(members) == rules.members
        assert all(r.ledamot is not None and r.ersattare is not None for r in rows)
        known, total = known_holders(doc.model)
        assert total == rules.ledamoter + rules.ersattare and 0 <= known <= total
        # A named holder is a person of data/personer.yaml (whose roles cite sources); an
        # unnamed one stays null ("Uppgift saknas"): none is invented.
        assert {s.person for s in doc.model.platser if s.person is not None} <= names


def test_rules_computed_from_forbundsordning():
    ds = load_dataset(REAL_DATA)
    rules = board_rules(ds.forbundsordning("2024-01-01").model)
    assert (rules.ledamoter, rules.ersattare, rules.members) == (13, 13, 13)
    assert rules.per_member == (1, 1)
    assert rules.quorum == 7
    assert rules.casting_vote == "ordforande"


def _line_of(path, text, occurrence=1):
    """1-based line number of the n-th line containing ``text``."""
    n = 0
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            n += 1
            if n == occurrence:
                return i
    raise AssertionError(f"{text!r} not found")


def test_unknown_member_fails_with_file_and_line(fixture_copy):
    board = fixture_copy / BOARD
    edit(board, "  - medlem: bystad\n    roll: ledamot", "  - medlem: cstad\n    roll: ledamot")
    line = _line_of(board, "medlem: cstad")
    problems = problems_in(fixture_copy)
    expected = [p for p in problems if f"{BOARD}:{line}: platser[9].medlem:" in p]
    assert expected and "'cstad' är inte medlem enligt förbundsordningen" in expected[0]
    # One mistake, one line: Bystad's missing ledamot follows from it and is not repeated.
    assert len(problems) == 1, problems


def test_second_ledamot_for_one_member_fails(fixture_copy):
    board = fixture_copy / BOARD
    edit(board, "  - medlem: bystad\n    roll: ersattare", "  - medlem: bystad\n    roll: ledamot")
    line = _line_of(board, "roll: ledamot", occurrence=6)
    problems = problems_in(fixture_copy)
    doubled = [p for p in problems if f"{BOARD}:{line}: platser[10].roll:" in p]
    assert len(doubled) == 1
    assert "Bystads kommun har redan 1 ledamot" in doubled[0]
    assert any("6 platser som ledamot" in p and "anger 5 ledamöter" in p for p in problems)


def test_duplicate_person_fails(fixture_copy):
    board = fixture_copy / BOARD
    edit(board, "    roll: ersattare\n    person: bertil-prov", "    roll: ersattare\n    person: anna-exempel")
    line = _line_of(board, "person: anna-exempel", occurrence=2)
    problems = problems_in(fixture_copy)
    dup = [p for p in problems if f"{BOARD}:{line}: platser[8].person:" in p]
    assert dup and "en person kan inte ha två platser" in dup[0]


def test_person_must_exist(fixture_copy):
    edit(fixture_copy / BOARD, "person: cecilia-test", "person: okand-person")
    assert any("personen 'okand-person' finns inte i data/personer.yaml" in p for p in problems_in(fixture_copy))


def test_presidium_roles_unique(fixture_copy):
    edit(fixture_copy / BOARD, "vice_ordforande: null", "vice_ordforande: anna-exempel")
    assert any(
        "presidium.vice_ordforande" in p and "ska vara olika personer" in p for p in problems_in(fixture_copy)
    )


def test_presidium_member_must_hold_a_ledamot_seat(fixture_copy):
    edit(fixture_copy / BOARD, "ordforande: anna-exempel", "ordforande: bertil-prov")
    assert any("'bertil-prov' har ingen plats som ledamot" in p for p in problems_in(fixture_copy))


def test_unknown_forbundsordning(fixture_copy):
    edit(fixture_copy / BOARD, "forbundsordning: 2020-01-01", "forbundsordning: 2030-01-01")
    assert any("förbundsordningen '2030-01-01' finns inte" in p for p in problems_in(fixture_copy))


def test_forbundsordning_not_in_force_for_term(fixture_copy):
    edit(fixture_copy / BOARD, "forbundsordning: 2020-01-01", "forbundsordning: '2010'")
    problems = problems_in(fixture_copy)
    assert any("gäller inte när mandatperioden börjar" in p for p in problems)


def test_missing_seat_pair_fails_size(fixture_copy):
    edit(
        fixture_copy / BOARD,
        "  - medlem: bystad\n    roll: ledamot\n    person: null\n  - medlem: bystad\n    roll: ersattare\n    person: null\n",
        "",
    )
    problems = problems_in(fixture_copy)
    assert any("4 platser som ledamot, men förbundsordningen" in p and "anger 5 ledamöter" in p for p in problems)
    assert any("Bystads kommun saknar plats som ersättare" in p for p in problems)


@pytest.mark.parametrize(
    "bad, what",
    [
        ("Ordförande, tel 070-123 45 67", "telefonnummer"),
        ("Ordförande +46 21 123456", "telefonnummer"),
        ("Ordförande 19800101-1234", "personnummer"),
        ("Ordförande 8001011234", "personnummer"),
    ],
)
def test_no_phone_or_personal_number(fixture_copy, bad, what):
    edit(fixture_copy / "personer.yaml", "titel: Ordförande\n", f"titel: {bad}\n")
    problems = problems_in(fixture_copy)
    assert any("personer.yaml:" in p and "roller[1].titel" in p and what in p for p in problems), problems


def test_dates_are_not_mistaken_for_phone_numbers():
    from finsam.checks.personuppgifter import PERSONNUMMER, PHONE

    for harmless in ("2024-01-01", "2024–2026", "fastställd 2022-11-24", "13 ledamöter"):
        assert not PHONE.search(harmless) and not PERSONNUMMER.search(harmless)


def test_private_email_refused(fixture_copy):
    edit(fixture_copy / "personer.yaml", "ordforande@exempeldalen.example", "anna.exempel@gmail.com")
    assert any("privat e-postadress" in p for p in problems_in(fixture_copy))


def test_invalid_email_refused(fixture_copy):
    edit(fixture_copy / "personer.yaml", "ordforande@exempeldalen.example", "inte en adress")
    assert any("ingen giltig e-postadress" in p for p in problems_in(fixture_copy))


def _ctx(data, pages=frozenset(), today=dt.date(2026, 11, 22)):
    return Context(load_dataset(data), today, frozenset(pages))


def test_board_macro_presidium_first_and_known_holders():
    out = board_render.styrelse(_ctx(FIXTURE))
    assert out.index("Presidium") < out.index("Ledamöter och ersättare")
    assert "**Ordförande:** Anna Exempel" in out
    assert "**Vice ordförande:** " + board_render.UNKNOWN in out
    assert "minst 3 av 5 ledamöter" in out
    assert "3 av 10 platser" in out
    assert '<th scope="col">Ledamot</th>' in out and 'scope="row"' in out


def test_contribution_links_per_year_only_when_page_exists():
    without = board_render.medlem(_ctx(FIXTURE, {"index.md"}), "aby")  # a site without that page
    assert "Medlemsinsats" not in without
    pages = {"ekonomi/medlemsinsatser/2025.md"}
    with_page = board_render.medlem(_ctx(FIXTURE, pages), "aby")
    assert "- **Medlemsinsats 2025:** [375\u00a0000\u00a0kr](../ekonomi/medlemsinsatser/2025.md#aby)" in with_page
    # A state agency pays into the joint state share; the state row answers its id.
    state = board_render.medlem(_ctx(FIXTURE, pages), "forsakringskassan")
    assert "(statens gemensamma insats)](../ekonomi/medlemsinsatser/2025.md#forsakringskassan)" in state


def test_member_pages_generated_for_every_member():
    from finsam.pages import generated_pages

    ds = load_dataset(REAL_DATA)
    paths = {p.path for p in generated_pages(ds) if p.parent == "medlemmar/index.md"}
    _, members = ds.forbundsordning_on(dt.date(2026, 11, 22)).model.rule("medlemmar")
    assert {f"medlemmar/{m}.md" for m in members} <= paths and "medlemmar/fagersta.md" in paths


def test_expired_term_is_said(tmp_path):
    ctx = _ctx(FIXTURE, today=dt.date(2027, 3, 1))
    out = board_render.styrelse(ctx)
    assert "Mandatperioden har gått ut" in out and "31 december 2026" in out
    assert "Mandatperioden har gått ut" not in board_render.styrelse(_ctx(FIXTURE))


def test_names_from_data_are_escaped(fixture_copy):
    edit(fixture_copy / "personer.yaml", "namn: Anna Exempel", "namn: <script>alert(1)</script>")
    out = board_render.styrelse(_ctx(fixture_copy))
    assert "<script>" not in out and "&lt;script&gt;" in out

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


def test_boards_name_only_persons_the_data_knows_and_rules_only_where_they_govern():
    from finsam.compute.styrelse import styrelser

    ds = load_dataset(REAL_DATA)
    known = {p.id for p in ds.personer.model.personer}
    for view, doc in zip(styrelser(ds, dt.date(2026, 11, 22)), sorted(ds.styrelser, key=lambda d: d.model.fran, reverse=True)):
        assert all(s.person is None or s.person in known for s in doc.model.platser)
        assert view.known == sum(1 for s in doc.model.platser if s.person)
        if doc.model.organ == "interimsstyrelse":
            # The förbundsordning an interim board prepares does not govern it.
            assert view.rules is None
            assert "styrde inte" in board_render.styrelse(_ctx(REAL_DATA), doc.key)
        else:
            assert view.rules is not None
            fo = ds.forbundsordning(doc.model.forbundsordning).model
            _, members = fo.rule("medlemmar")
            assert len(seats_by_member(doc.model, members)) == len(members)


@pytest.mark.parametrize("today, term", [(dt.date(2025, 6, 1), "pagar"), (dt.date(2027, 2, 1), "har_gatt_ut")])
def test_the_boards_term_is_said_against_the_build_date(today, term):
    from finsam.compute.styrelse import styrelser

    ds = load_dataset(REAL_DATA)
    current = next(v for v in styrelser(ds, today) if v.is_current)
    assert current.term == term
    out = board_render.styrelse(_ctx(REAL_DATA, today=today))
    assert ("Mandatperioden har gått ut" in out) == (term == "har_gatt_ut")


def test_when_no_holder_is_known_one_note_says_so(fixture_copy):
    import re

    text = (fixture_copy / BOARD).read_text(encoding="utf-8")
    text = re.sub(r"person: [a-z-]+", "person: null", text)
    text = re.sub(r"(ordforande|vice_ordforande): [a-z-]+", r"\1: null", text)
    (fixture_copy / BOARD).write_text(text, encoding="utf-8")
    out = board_render.styrelse(_ctx(fixture_copy))
    assert out.count("Uppgifter om ledamöterna saknas") == 1
    assert "Uppgift saknas" not in out and "styrelsetabell" not in out
    assert "förbundets kansli" in out


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
    assert "<strong>Ordförande:</strong> Anna Exempel" in out
    assert '<strong>Vice ordförande:</strong> <span class="uppgift-saknas">Uppgift saknas</span>' in out
    assert "minst 3 av 5 ledamöter" in out
    assert "3 av 10 platser" in out
    assert '<th scope="col">Ledamot</th>' in out and 'scope="row"' in out


def test_contribution_links_per_year_only_when_page_exists():
    # The amount is shown with its kind either way; the year links to its page only when it exists.
    without = board_render.medlem(_ctx(FIXTURE, {"index.md"}), "aby")  # a site without that page
    assert "- **Medlemsinsats 2025:** Beslutat: 375\u00a0000\u00a0kr." in without
    assert "medlemsinsatser/2025.md" not in without
    pages = {"ekonomi/medlemsinsatser/2025.md"}
    with_page = board_render.medlem(_ctx(FIXTURE, pages), "aby")
    assert "- **Medlemsinsats [2025](../ekonomi/medlemsinsatser/2025.md#aby):** Beslutat: 375\u00a0000\u00a0kr." in with_page
    # A state agency pays into the joint state share; the state row answers its id.
    state = board_render.medlem(_ctx(FIXTURE, pages), "forsakringskassan")
    assert "(../ekonomi/medlemsinsatser/2025.md#forsakringskassan)" in state and "statens gemensamma insats" in state


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

"""Starting a new year: next year's files keep comments and order, and unset figures stop the build.

The real year-keyed kinds (budget, verksamhetsplan, ...) are built elsewhere, so
these tests register a small made-up kind, ``exempelplan/<år>.yaml``, the way a
real kind is registered (a model, a DataSet field, a COLLECTIONS line).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from conftest import FIXTURE, REAL_DATA, edit, mkdocs_build, problems_in
from finsam import dataset
from finsam.__main__ import main
from finsam.model.base import Model, Slug, Text, Year
from finsam.newyear import _yaml, new_year_text, start_year


class Rad(Model):
    id: Slug
    nummer: int
    namn: Text
    belopp: Decimal | None


class Exempelplan(Model):
    ar: Year
    beslutad: dt.date | None
    rader: list[Rad]
    andelar: list[Decimal | None]
    godkand: bool


PLAN_2025 = """\
# Exempelplan 2025 (testdata): matar inga sidor.
# Kontrollera efter ändring: make validate
ar: 2025
beslutad: 2024-11-20  # styrelsens beslut
rader:
  # Intäkterna först, sedan kostnaderna.
  - id: medel
    nummer: 1
    namn: Medel från huvudmännen 2025
    belopp: 1200.50   # tkr
  - id: kostnad
    nummer: 2
    namn: Kostnader
    belopp: 800
andelar: [50, 25, 25]
godkand: true
"""


@pytest.fixture
def plan_kind(monkeypatch, fixture_copy):
    """Register the made-up year-keyed kind and give the fixture copy its 2025 file."""

    @dataclass
    class DataSetWithPlans(dataset.DataSet):
        exempelplaner: list = field(default_factory=list)

    coll = dataset.Collection("exempelplaner", "exempelplan/*.yaml", Exempelplan, required=False)
    dataset.COLLECTIONS.append(coll)
    monkeypatch.setattr(dataset, "DataSet", DataSetWithPlans)
    (fixture_copy / "exempelplan").mkdir()
    (fixture_copy / "exempelplan" / "2025.yaml").write_text(PLAN_2025, encoding="utf-8")
    yield fixture_copy
    dataset.COLLECTIONS.remove(coll)


def test_the_made_up_year_is_valid_to_begin_with(plan_kind):
    assert problems_in(plan_kind) == []


def test_new_year_keeps_comments_order_and_asks_for_figures_as_data(plan_kind):
    results = start_year(plan_kind, 2026, {"exempelplan"})
    assert [(r.collection, r.created) for r in results] == [("exempelplaner", True)]
    new = (plan_kind / "exempelplan" / "2026.yaml").read_text(encoding="utf-8")
    assert new == """\
# Exempelplan 2026 (testdata): matar inga sidor.
# Kontrollera efter ändring: make validate
ar: 2026
beslutad: ATT FYLLA I # styrelsens beslut
rader:
  # Intäkterna först, sedan kostnaderna.
  - id: medel
    nummer: 1
    namn: Medel från huvudmännen 2026
    belopp: ATT FYLLA I # tkr
  - id: kostnad
    nummer: 2
    namn: Kostnader
    belopp: ATT FYLLA I
andelar: [ATT FYLLA I, ATT FYLLA I, ATT FYLLA I]
godkand: true
"""
    assert results[0].marks == 6
    # comments stay apart from values: no mark is inside a comment
    assert all("ATT FYLLA I" not in line.split("#", 1)[1] for line in new.splitlines() if "#" in line)
    # last year's file is untouched
    assert (plan_kind / "exempelplan" / "2025.yaml").read_text(encoding="utf-8") == PLAN_2025


def test_unset_figures_fail_validation_with_a_clear_message(plan_kind):
    start_year(plan_kind, 2026, {"exempelplan"})
    problems = problems_in(plan_kind)
    message = (
        "uppgiften är inte ifylld för 2026 (där står 'ATT FYLLA I'). Skriv in det beslutade värdet i "
        "stället; skriv null (i formuläret: lämna fältet tomt) om uppgiften verkligen inte är känd."
    )
    where = [p.split(": uppgiften")[0] for p in problems]
    assert where == [
        f"{plan_kind}/exempelplan/2026.yaml:4: beslutad",
        f"{plan_kind}/exempelplan/2026.yaml:10: rader[1].belopp",
        f"{plan_kind}/exempelplan/2026.yaml:14: rader[2].belopp",
        f"{plan_kind}/exempelplan/2026.yaml:15: andelar[1]",
        f"{plan_kind}/exempelplan/2026.yaml:15: andelar[2]",
        f"{plan_kind}/exempelplan/2026.yaml:15: andelar[3]",
    ]
    assert all(p.endswith(message) for p in problems)


def test_filled_in_figures_pass(plan_kind):
    start_year(plan_kind, 2026, {"exempelplan"})
    path = plan_kind / "exempelplan" / "2026.yaml"
    edit(path, "beslutad: ATT FYLLA I #", "beslutad: 2025-11-19 #")
    edit(path, "belopp: ATT FYLLA I # tkr", "belopp: 1300 # tkr")
    edit(path, "    belopp: ATT FYLLA I\n", "    belopp: null\n")  # truly unknown: plain null is allowed
    edit(path, "[ATT FYLLA I, ATT FYLLA I, ATT FYLLA I]", "[50, 25, 25]")
    assert problems_in(plan_kind) == []


def test_command_never_overwrites(plan_kind, capsys):
    assert main(["nytt-ar", "2026", str(plan_kind), "--bara", "exempelplan"]) == 0
    assert "skapad:" in capsys.readouterr().out
    (plan_kind / "exempelplan" / "2026.yaml").write_text(PLAN_2025.replace("2025", "2026"), encoding="utf-8")
    assert main(["nytt-ar", "2026", str(plan_kind), "--bara", "exempelplan"]) == 0
    assert "finns redan" in capsys.readouterr().out
    assert "ATT FYLLA I" not in (plan_kind / "exempelplan" / "2026.yaml").read_text(encoding="utf-8")


def test_command_without_year_files_says_so(fixture_copy, capsys):
    assert main(["nytt-ar", "2000", str(fixture_copy)]) == 1
    assert "Inga årsfiler före 2000" in capsys.readouterr().err


def test_two_new_years_in_a_row_ask_only_for_what_must_be_filled_in(tmp_path, capsys):
    import shutil

    from finsam.dataset import read_dataset
    from finsam.yamlload import read_yaml

    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    newest = max(int(p.stem) for p in (data / "budget").glob("*.yaml"))
    assert main(["nytt-ar", str(newest + 1), str(data)]) == 0
    assert main(["nytt-ar", str(newest + 2), str(data)]) == 0
    capsys.readouterr()
    problems = problems_in(data)
    assert problems and all("uppgiften är inte ifylld för" in p for p in problems), [
        p for p in problems if "inte ifylld" not in p
    ][:5]
    for year in (newest + 1, newest + 2):
        assert not (data / "moten" / f"{year}.yaml").exists()  # meetings are not copied
        assert not (data / "utfall" / f"{year}.yaml").exists()  # nor outcomes
        budget = read_yaml(data / "budget" / f"{year}.yaml")[0].data
        columns = [c["id"] for c in budget["kolumner"]]
        assert f"budget-{year}" in columns and all(str(year - 2) not in c for c in columns)
        for post in budget["intakter"] + budget["kostnader"]:
            for line in post.get("rader", [post]):
                assert set(line["belopp"]) <= set(columns)  # amounts sit under the new columns
        plan = (data / "verksamhetsplan" / f"{year}.yaml").read_text(encoding="utf-8")
        body = "\n".join(line for line in plan.splitlines() if not line.startswith("#"))
        assert str(newest) not in body.replace(f"{newest + 1}", "")  # no prose keeps last year's facts
    _, read_problems = read_dataset(data)
    assert all("inte ifylld" in p.message for p in read_problems)


def test_new_year_on_the_real_data_asks_for_the_budget(tmp_path, capsys):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    assert main(["nytt-ar", "2024", str(data), "--bara", "budget", "verksamhetsplan"]) == 0
    out = capsys.readouterr().out
    assert "skapad: " in out and "budget/2024.yaml (från 2023.yaml" in out
    assert (data / "verksamhetsplan" / "2024.yaml").exists()
    assert not (data / "moten" / "2024.yaml").exists()
    problems = problems_in(data)
    budget = [p for p in problems if "/budget/2024.yaml:" in p]
    assert budget and all("uppgiften är inte ifylld för 2024" in p for p in budget)


def test_years_move_by_the_gap_and_order_numbers_stay():
    text, marks = new_year_text("ar: 2023\nforegaende_ar: 2022\nnummer: 3\nordning: 2\n", 2023, 2025)
    assert text == "ar: 2025\nforegaende_ar: 2024\nnummer: 3\nordning: 2\n"
    assert marks == 0


@pytest.mark.parametrize(
    "path",
    sorted(REAL_DATA.rglob("*.yaml")) + sorted(FIXTURE.rglob("*.yaml")),
    ids=lambda p: p.name,
)
def test_round_trip_keeps_every_data_file_byte_for_byte(path):
    import io

    y = _yaml()
    text = path.read_text(encoding="utf-8")
    out = io.StringIO()
    y.dump(y.load(text), out)
    assert out.getvalue() == text


@pytest.mark.build
def test_a_marked_value_stops_the_site_build(fixture_copy, tmp_path):
    edit(fixture_copy / "forbundsordning" / "2020-01-01.yaml", "        ledamoter: 5", "        ledamoter: ATT FYLLA I")
    result = mkdocs_build(tmp_path / "site", data=fixture_copy)
    assert result.returncode != 0
    assert "2020-01-01.yaml:30: paragrafer" in result.stderr
    assert "uppgiften är inte ifylld (där står 'ATT FYLLA I')" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_new_years_pull_request_lists_exactly_what_to_fill_in(tmp_path, capsys, monkeypatch):
    """The workflow "Starta ett nytt år" (.github/workflows/nytt-ar.yml) runs
    `make nytt-ar`, then `python -m finsam nytt-ar-text` for the pull request's text:
    every value the validator asks to fill in, by file and line, and nothing else."""
    import re
    import shutil

    from finsam.dataset import read_dataset

    monkeypatch.setenv("GITHUB_REPOSITORY", "forbundet/webbplats")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    monkeypatch.delenv("FINSAM_SITE_URL", raising=False)
    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    year = max(int(p.stem) for p in (data / "budget").glob("*.yaml")) + 1
    assert main(["nytt-ar", str(year), str(data)]) == 0
    printed = tmp_path / "skapat.txt"
    printed.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["nytt-ar-text", str(year), str(printed), str(data)]) == 0
    body = capsys.readouterr().out
    _, problems = read_dataset(data)
    assert problems and all("inte ifylld" in p.message for p in problems)
    listed = re.findall(r"^- rad (\d+): `([^`]+)`$", body, flags=re.M)
    assert sorted(listed) == sorted((str(p.line), p.path) for p in problems)
    assert f"## Att fylla i: {len(problems)} värden" in body and "Andra fel" not in body
    assert f"skapad: {data}/budget/{year}.yaml" in body.replace("\\", "")
    assert "redigera.md#uppgift-att-fylla-i" in body and "redigera.md#ett-nytt-budgetår" in body
    assert "https://github.com/forbundet/webbplats/blob/abc123/docs/om-webbplatsen/redigera.md" in body


def test_the_new_years_text_names_other_problems_apart(tmp_path, capsys):
    """A problem that is not a value to fill in (a misspelt key elsewhere) is not hidden
    among them: it stands under its own heading, as in the data job's summary."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    year = max(int(p.stem) for p in (data / "budget").glob("*.yaml")) + 1
    assert main(["nytt-ar", str(year), str(data), "--bara", "budget"]) == 0
    printed = tmp_path / "skapat.txt"
    printed.write_text(capsys.readouterr().out, encoding="utf-8")
    with (data / "forbund.yaml").open("a", encoding="utf-8") as fh:
        fh.write("felstavad_nyckel: 1\n")
    assert main(["nytt-ar-text", str(year), str(printed), str(data)]) == 0
    body = capsys.readouterr().out
    assert "## Andra fel: 1 fel" in body and "okänd nyckel 'felstavad\\_nyckel'" in body
    assert "## Att fylla i:" in body


def test_a_file_still_to_fill_in_reports_its_other_mistakes_too(tmp_path, capsys, monkeypatch):
    """Every problem at once: a file with ATT FYLLA I is still read, validated and
    cross-checked, so a wrong date, an unknown key and a source that does not exist
    show beside the values to fill in (not only once those are filled in), on the
    command line and in the job summary; and the values still to fill in cause no
    problem of their own (no sum over an amount not yet known fails)."""
    import re
    import shutil

    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    year = max(int(p.stem) for p in (data / "budget").glob("*.yaml")) + 1
    assert main(["nytt-ar", str(year), str(data), "--bara", "budget", "verksamhetsplan"]) == 0
    budget, plan = data / "budget" / f"{year}.yaml", data / "verksamhetsplan" / f"{year}.yaml"
    edit(budget, "\nbeslutad: ATT FYLLA I\n", f"\nbeslutad: {year}-13-01\n")  # an impossible date
    with budget.open("a", encoding="utf-8") as fh:
        fh.write("felstavad_nyckel: 1\n")
    text = plan.read_text(encoding="utf-8")
    assert re.search(r"^kalla: ATT FYLLA I$", text, re.M)
    plan.write_text(re.sub(r"^kalla: ATT FYLLA I$", "kalla: beslut-som-inte-finns", text, count=1, flags=re.M), encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    capsys.readouterr()

    assert main(["validera", str(data)]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if re.match(r".+\.yaml:\d+: ", line)]
    mistakes = [line for line in lines if "inte ifylld" not in line]
    b, v = f"{budget}:", f"{plan}:"
    assert len(mistakes) == 3, mistakes  # exactly the three mistakes: nothing caused by the marks
    assert any(m.startswith(b) and ": beslutad: ska vara ett datum som finns" in m for m in mistakes)
    assert any(m.startswith(b) and "okänd nyckel 'felstavad_nyckel'" in m for m in mistakes)
    assert any(m.startswith(v) and ": kalla: källan 'beslut-som-inte-finns' finns inte" in m for m in mistakes)
    unfilled = [line for line in lines if "inte ifylld" in line]
    assert any(u.startswith(b) for u in unfilled) and any(u.startswith(v) for u in unfilled)
    assert not any(u.startswith(b) and ": beslutad: " in u for u in unfilled)  # filled in (wrongly)

    md = summary.read_text(encoding="utf-8")
    assert f"## Kontroll av data: {len(lines)} fel" in md
    assert "inte ifylld" in md and "[Uppgift att fylla i](" in md
    assert "`beslutad`: ska vara ett datum som finns" in md and "[Datum](" in md
    assert "okänd nyckel 'felstavad\\_nyckel'" in md and "[Okänd nyckel](" in md
    assert "källan 'beslut-som-inte-finns' finns inte" in md and "[Hänvisning som inte finns](" in md


def test_a_stand_in_never_hides_or_invents_a_problem(plan_kind):
    """The made-up kind: a marked amount, a wrong key and a bad date in one file
    are all reported, each once, at its own line."""
    start_year(plan_kind, 2026, {"exempelplan"})
    path = plan_kind / "exempelplan" / "2026.yaml"
    edit(path, "beslutad: ATT FYLLA I #", "beslutad: 2025-02-30 #")
    edit(path, "godkand: true", "godkand: true\nfelstavad: 1")
    problems = problems_in(plan_kind)
    other = [p for p in problems if "inte ifylld" not in p]
    assert len(other) == 2, other
    assert other[0].startswith(f"{path}:4: beslutad: ska vara ett datum som finns")
    assert other[1].startswith(f"{path}:17: felstavad: okänd nyckel 'felstavad'")
    assert len(problems) == 2 + 5  # the five marks left

"""Crash isolation: a check that crashes on valid but unexpected data is reported
as one more problem that names the check, in Swedish, without a traceback."""

from __future__ import annotations

import pytest

from conftest import FIXTURE
from finsam.__main__ import main
from finsam.checks import CHECKS, Check
from finsam.dataset import load_dataset
from finsam.problems import DataError, Problem


def _crashing(ds):
    yield from ()
    budget = ds.budgetar[0].model
    raise KeyError(f"oväntad nyckel i {budget.ar}")  # e.g. a dict lookup the check never expected to miss


@pytest.fixture
def crashing_check(monkeypatch):
    monkeypatch.setitem(CHECKS, "provkontroll_kraschar", Check("provkontroll_kraschar", "En kontroll som kraschar.", _crashing))


def test_a_crash_becomes_a_problem_naming_the_check(crashing_check):
    with pytest.raises(DataError) as err:
        load_dataset(FIXTURE)
    (problem,) = [p for p in err.value.problems]
    assert problem.check == "provkontroll_kraschar"
    assert "kontrollen provkontroll_kraschar kunde inte köras klart" in problem.format()
    assert "KeyError" in problem.message and "Traceback" not in problem.message


def test_the_other_checks_still_run(monkeypatch):
    """The crash comes first; every check after it still runs and reports."""
    import finsam.checks as checks

    def reporting(ds):
        yield Problem("x.yaml", 1, "", "ett vanligt fel")

    order = {"provkontroll_kraschar": Check("provkontroll_kraschar", "Kraschar.", _crashing), **checks.CHECKS}
    order["provkontroll_rapporterar"] = Check("provkontroll_rapporterar", "Rapporterar.", reporting)
    monkeypatch.setattr(checks, "CHECKS", order)
    with pytest.raises(DataError) as err:
        load_dataset(FIXTURE)
    assert {p.check for p in err.value.problems} == {"provkontroll_kraschar", "provkontroll_rapporterar"}


def test_validation_reports_it_without_a_traceback(crashing_check, capsys):
    assert main(["validera", str(FIXTURE)]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert "provkontroll_kraschar" in text and "Traceback" not in text
    assert "1 fel i data" in text

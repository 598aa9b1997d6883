"""A staff member's typical mistakes: each gives one clear Swedish line, and no site."""

import subprocess
import sys

import pytest

from conftest import ROOT, edit, problems_in

FO = "forbundsordning/2020-01-01.yaml"

MISTAKES = {
    "misspelt key": ("forbund.yaml", "    kortnamn: Bystad", "    kortnam: Bystad",
                     "forbund.yaml:30: organisationer[5].kortnam: okänd nyckel 'kortnam'; menade du 'kortnamn'?"),
    "missing value": ("forbund.yaml", "    namn: Bystads kommun\n", "",
                      "forbund.yaml:28: organisationer[5].namn: nyckeln 'namn' saknas"),
    "empty value": ("forbund.yaml", "    namn: Bystads kommun\n", "    namn:\n",
                    "forbund.yaml:29: organisationer[5].namn: ska vara text, inte null (tomt)"),
    "duplicate key": ("forbund.yaml", "    typ: kommun\n    medlem_sedan: 2020", "    typ: kommun\n    typ: region\n    medlem_sedan: 2020",
                      "forbund.yaml:32: organisationer[5].typ: nyckeln 'typ' finns två gånger (första gången på rad 31)"),
    "word for a number": (FO, "        ledamoter: 5\n        ersattare: 5\n", "        ledamoter: fem\n        ersattare: 5\n",
                          "2020-01-01.yaml:30: paragrafer[3].regler.styrelse.ledamoter: ska vara ett tal skrivet med siffror (utan citattecken, mellanslag eller e), inte 'fem'"),
    "unknown member": ("styrelse/2024-2026.yaml", "  - medlem: bystad\n    roll: ledamot", "  - medlem: bystaden\n    roll: ledamot",
                       "2024-2026.yaml:36: platser[9].medlem: "),
    "impossible date": (FO, "giltig_fran: 2020-01-01", "giltig_fran: 2020-02-30",
                        "2020-01-01.yaml:2: giltig_fran: ska vara ett datum som finns: 2020-02-30 finns inte i kalendern"),
    "yes instead of true": (FO, "ersattare_narvaro_och_yttranderatt: true", "ersattare_narvaro_och_yttranderatt: ja",
                            "2020-01-01.yaml:35: paragrafer[3].regler.styrelse.ersattare_narvaro_och_yttranderatt: ska vara true eller false, inte 'ja'"),
}


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_one_clear_line(fixture_copy, name):
    file, old, new, expected = MISTAKES[name]
    edit(fixture_copy / file, old, new)
    problems = problems_in(fixture_copy)
    assert len(problems) == 1, problems
    location, field_and_message = expected.split(": ", 1)
    assert problems[0].startswith(str(fixture_copy))
    assert problems[0].split(": ", 1)[0].endswith(location), problems[0]
    assert field_and_message in problems[0]


def test_validate_command(fixture_copy):
    edit(fixture_copy / "forbund.yaml", "    kortnamn: Bystad", "    kortnam: Bystad")
    edit(fixture_copy / FO, "        ledamoter: 5\n        ersattare: 5\n", "        ledamoter: fem\n        ersattare: 5\n")
    run = subprocess.run(
        [sys.executable, "-m", "finsam", "validera", str(fixture_copy)],
        cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "macros"), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    lines = run.stderr.strip().splitlines()
    assert lines[-1] == "2 fel i data. Webbplatsen byggs inte förrän felen är rättade."
    assert "okänd nyckel 'kortnam'" in lines[0] and "ska vara ett tal skrivet med siffror" in lines[1]


def test_validate_command_github_annotations(fixture_copy):
    edit(fixture_copy / "forbund.yaml", "    kortnamn: Bystad", "    kortnam: Bystad")
    run = subprocess.run(
        [sys.executable, "-m", "finsam", "validera", str(fixture_copy)],
        cwd=ROOT, capture_output=True, text=True,
        env={"PYTHONPATH": str(ROOT / "macros"), "PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true"},
    )
    assert run.returncode == 1
    annotation = [ln for ln in run.stderr.splitlines() if ln.startswith("::error ")]
    assert len(annotation) == 1
    assert "forbund.yaml,line=30," in annotation[0]
    assert annotation[0].endswith("::organisationer[5].kortnam: okänd nyckel 'kortnam'; menade du 'kortnamn'?")


def test_validate_command_ok():
    run = subprocess.run(
        [sys.executable, "-m", "finsam", "validera", "data"],
        cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "macros"), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Data i data är i ordning")

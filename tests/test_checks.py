"""Every named check, on the fixture förbund: it passes as given, and fails when broken.

CHECK_CASES holds, for each registered check, an edit that breaks it and the
message it must then give. A check without a case here fails the suite.
"""

import pytest

from conftest import edit, problems_in
from finsam.checks import CHECKS

FO = "forbundsordning/2020-01-01.yaml"
OLD_FO = "forbundsordning/2010.yaml"

# check name -> (file, old text, new text, expected line prefix and message fragment)
CHECK_CASES = {
    "kallor_finns": ("forbund.yaml", "    kalla: exempel-historik\n  - ar: 2020", "    kalla: okand-kalla\n  - ar: 2020",
                     ("forbund.yaml:36:", "historik[1].kalla: källan 'okand-kalla' finns inte")),
    "kallor_unika": ("kallor.yaml", "id: exempel-historik", "id: exempel-forbundsordning",
                     ("kallor.yaml:8:", "kallor[2].id: id 'exempel-forbundsordning' används redan")),
    "organisationer_unika": ("forbund.yaml", "id: bystad", "id: aby",
                             ("forbund.yaml:28:", "organisationer[5].id: id 'aby' används redan")),
    "historik_i_tidsordning": ("forbund.yaml", "  - ar: 2020\n    datum: 2020-01-01", "  - ar: 2009\n    datum: 2020-01-01",
                               ("forbund.yaml:38:", "historik[2].datum: datumet 2020-01-01 ligger inte år 2009")),
    "kostnadsandelar_summerar_till_100": (FO, "        kommuner: 25\n        kommunfordelning:\n          grund",
                                          "        kommuner: 35\n        kommunfordelning:\n          grund",
                                          ("2020-01-01.yaml:44:", "andelarna är tillsammans 110 %")),
    "medlemmar_finns": (FO, "medlemmar: [forsakringskassan, arbetsformedlingen, region-exempel, aby, bystad]",
                        "medlemmar: [forsakringskassan, arbetsformedlingen, region-exempel, aby, cestad]",
                        ("2020-01-01.yaml:20:", "medlemmen 'cestad' finns inte bland organisationerna")),
    "medlemmar_enligt_finsam": (OLD_FO, "medlemmar: [forsakringskassan, arbetsformedlingen, region-exempel, aby]",
                                "medlemmar: [forsakringskassan, arbetsformedlingen, aby]",
                                ("2010.yaml:13:", "medlemmar av slaget region saknas")),
    "sate_ar_medlemskommun": (FO, "sate: aby", "sate: region-exempel",
                              ("2020-01-01.yaml:14:", "sätet 'region-exempel' är inte en av förbundets medlemskommuner")),
    "paragrafer_unika": (FO, "  - nummer: 5\n    ankare: budget", "  - nummer: 4\n    ankare: budget",
                         ("2020-01-01.yaml:57:", "§ 4 finns redan")),
    "hanvisningar_finns": (FO, "se även [[kostnader]]", "se även [[kostnad]]",
                           ("2020-01-01.yaml:24:", "hänvisningen [[kostnad]] pekar inte på någon paragraf")),
    "giltighet_i_ordning": (OLD_FO, "giltig_till: 2019-12-31", "giltig_till: 2020-06-30",
                            ("2020-01-01.yaml:2:", "giltighetstiden överlappar förbundsordningen")),
    "styrelsens_storlek": (FO, "        ledamoter: 5\n        ersattare: 5\n", "        ledamoter: 6\n        ersattare: 5\n",
                           ("2020-01-01.yaml:30:", "6 angivna, men 5 medlemmar × 1 per medlem ger 5")),
}


def test_fixture_passes_every_check(fixture_copy):
    assert problems_in(fixture_copy) == []


def test_real_data_passes_every_check():
    from conftest import REAL_DATA

    assert problems_in(REAL_DATA) == []


# Every test module that breaks data on purpose lists the checks it covers in
# CHECKS_COVERED; together they must cover every registered check.
CHECKS_COVERED = set(CHECK_CASES)


def test_every_check_has_a_failing_case():
    import importlib
    from pathlib import Path

    covered: set[str] = set()
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        module = importlib.import_module(path.stem)
        covered |= set(getattr(module, "CHECKS_COVERED", ()))
    missing = set(CHECKS) - covered
    assert not missing, f"checks without a failing example in any test module: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(CHECK_CASES))
def test_check_fails_on_broken_data(fixture_copy, name):
    file, old, new, (where, fragment) = CHECK_CASES[name]
    edit(fixture_copy / file, old, new)
    problems = problems_in(fixture_copy)
    matching = [p for p in problems if fragment in p]
    assert matching, problems
    assert any(where in p.split(" ")[0] for p in matching), matching
    assert all(p.startswith(str(fixture_copy)) or "data/" in p for p in problems)

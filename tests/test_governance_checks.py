"""Every governance check has an example of bad data that it, by name, reports."""

from __future__ import annotations

import pytest

from conftest import assert_check_reports
from finsam.checks import CHECKS

BOARD = "styrelse/2024-2026.yaml"

EXAMPLES = [
    ("styrelse_forbundsordning", BOARD, "forbundsordning: 2020-01-01", "forbundsordning: 2099-01-01"),
    ("styrelse_forbundsordning", BOARD, "organ: styrelse", "organ: interimsstyrelse"),
    ("styrelseplats_medlem", BOARD, "medlem: region-exempel\n    roll: ersattare", "medlem: region-annan\n    roll: ersattare"),
    ("styrelseplatser_per_medlem", BOARD, "medlem: aby\n    roll: ersattare", "medlem: aby\n    roll: ledamot"),
    ("styrelsens_storlek_stammer", BOARD, "medlem: aby\n    roll: ersattare", "medlem: aby\n    roll: ledamot"),
    ("styrelse_en_plats_per_person", BOARD, "person: bertil-prov", "person: cecilia-test"),
    ("styrelse_personer_finns", BOARD, "person: bertil-prov", "person: okand"),
    ("presidium_unikt", BOARD, "vice_ordforande: null", "vice_ordforande: anna-exempel"),
    ("personer_unika", "personer.yaml", "id: bertil-prov", "id: anna-exempel"),
    ("inga_telefonnummer_eller_personnummer", "personer.yaml", "titel: Revisor", "titel: Revisor 0701234567"),
    ("epost_till_rollen", "personer.yaml", "forbundschef@exempeldalen.example", "chefen@hotmail.com"),
    ("moten_ratt_ar", "moten/2026.yaml", "datum: 2026-12-10", "datum: 2027-12-10"),
    ("moten_unika", "moten/2026.yaml", "id: styrelsemote-2026-12-10", "id: styrelsemote-2026-03-01"),
    ("moten_tider", "moten/2026.yaml", 'slut: "15:00"', 'slut: "13:00"'),
    ("arshjul_handelser", "arshjul.yaml", "id: samrad", "id: bokslut"),
    ("arshjul_aterkommer_enligt_kalla", "arshjul.yaml", "    ar: 2025\n", ""),
    ("verksamhetsplan_ar", "verksamhetsplan/2026.yaml", "faststalld: 2025-10-30", "faststalld: 2027-01-10"),
    ("verksamhetsplan_budgetrader_finns", "verksamhetsplan/2026.yaml", "- id: team-aby\n", "- id: team-okand\n"),
    ("verksamhetsplan_unika_id", "verksamhetsplan/2026.yaml", "id: stimulera", "id: identifiera"),
]

CHECKS_COVERED = {e[0] for e in EXAMPLES}


@pytest.mark.parametrize("name, path, old, new", EXAMPLES, ids=[f"{e[0]}-{i}" for i, e in enumerate(EXAMPLES)])
def test_check_reports_bad_example(fixture_copy, name, path, old, new):
    assert name in CHECKS
    assert_check_reports(fixture_copy, name, path, old, new)


def test_every_governance_check_has_an_example():
    modules = {"styrelse", "personuppgifter", "moten", "arshjul", "verksamhetsplan"}
    ours = {n for n, c in CHECKS.items() if c.run.__module__.rsplit(".", 1)[-1] in modules}
    assert ours == {e[0] for e in EXAMPLES}

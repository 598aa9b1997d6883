"""The seeds' own figures, reproduced from the data, and every place they disagree named.

Each test quotes the source document it checks. A printed figure is either
reproduced from its lines, or listed in EXPECTED_DIFFERENCES with both values.
"""

from decimal import Decimal

import pytest

from conftest import REAL_DATA
from finsam.compute.budget import differences, member_income, shares, table, totals
from finsam.compute.medlemsinsatser import year_contributions
from finsam.compute.equity import opening_mismatches, policy_tests, roll_forward
from finsam.compute.rounding import round_half_up
from finsam.dataset import load_dataset


@pytest.fixture(scope="module")
def ds():
    return load_dataset(REAL_DATA)


@pytest.fixture(scope="module")
def b2023(ds):
    return ds.by_key("budgetar", "2023").model


# 001 (verksamhetsplan 2023), budget table and text: (what, column) -> (printed, computed)
EXPECTED_DIFFERENCES = {
    ("individinriktade-insatser", "prognos-2022"): (-5362, -5361),
    ("strukturinriktade-insatser", "budget-2022"): (-943, -908),
    ("strukturinriktade-insatser", "prognos-2022"): (-845, -955),
    ("strukturinriktade-insatser", "budget-2023"): (-1109, -1084),
    ("kostnader", "budget-2022"): (-7720, -7686),
    ("kostnader", "prognos-2022"): (-7495, -7494),
    ("resultat", "budget-2022"): (-474, -440),
    ("resultat", "prognos-2022"): (-247, -246),
    ("andel", "struktur"): (9, 8),
    ("oversikt", 2023, "eget_kapital_31_dec"): (317, 318),
}


def test_every_disagreement_in_the_budget_is_named(b2023):
    found = {d.key: (d.stated, d.computed) for d in differences(b2023)}
    assert found == EXPECTED_DIFFERENCES
    assert all(d.avvikelse is not None and d.avvikelse.forklaring for d in differences(b2023))


def test_printed_figures_that_agree_with_their_lines(b2023):
    tab = table(b2023)
    # SUMMA INTÄKTER 7 246 / 7 248 / 7 130
    assert {c: tab.totals["intakter"][c].computed for c in tab.columns} == {
        "budget-2022": 7246, "prognos-2022": 7248, "budget-2023": 7130}
    # Budget 2023: SUMMA KOSTNADER −7 878, RESULTAT −748
    assert totals(b2023, "budget-2023") == {"intakter": 7130, "kostnader": -7878, "resultat": -748}
    # Individinriktade insatser −5 521 (Budget 2022) and −5 548 (Budget 2023)
    group = next(p for p in tab.costs if getattr(p, "id", "") == "individinriktade-insatser")
    assert group.sums["budget-2022"].computed == -5521
    assert group.sums["budget-2023"].computed == -5548
    # Printed results are the printed totals' difference in every column
    for c in tab.columns:
        t = tab.totals
        assert t["intakter"][c].stated + t["kostnader"][c].stated == t["resultat"][c].stated


def test_budget_overview(b2023):
    # Budgetöversikt: 2022 7 246 / −7 720 / −474, prognos −247, eget kapital 1 066;
    # 2023 7 130 / −7 878 / −748, eget kapital 317 (1 066 − 748 = 318: named above).
    rows = {r.ar: r for r in b2023.oversikt}
    assert (rows[2022].intakter, rows[2022].kostnader, rows[2022].resultat) == (7246, -7720, -474)
    assert rows[2022].intakter + rows[2022].kostnader == rows[2022].resultat
    assert rows[2022].prognos_resultat == table(b2023).totals["resultat"]["prognos-2022"].stated
    assert rows[2023].intakter + rows[2023].kostnader == rows[2023].resultat == -748
    assert rows[2022].eget_kapital_31_dec + rows[2023].resultat == 318 != rows[2023].eget_kapital_31_dec


def test_financing_text(b2023):
    # "7 878 tkr ... medlemsintäkter 7 030 tkr, 100 tkr för konsultuppdrag ... 748 tkr från eget kapital"
    f = b2023.finansiering
    assert f.medlemsintakter + f.ovriga_intakter + f.fran_eget_kapital == f.kostnader == 7878
    assert member_income(b2023, "budget-2023") == 7030
    # 000: "ökning från årets 7 046 tkr"
    assert member_income(b2023, "budget-2022") == 7046


def test_budget_shares(b2023):
    # Stated: individ 70 %, struktur 9 %, processtöd 5 %, administration 16 %.
    got = {s.category: (s.shown, s.stated, round_half_up(s.exact, Decimal("0.1"))) for s in shares(b2023, "budget-2023")}
    assert got == {
        "individ": (70, 70, Decimal("70.4")),
        "struktur": (8, 9, Decimal("8.4")),
        "processtod": (5, 5, Decimal("5.3")),
        "administration": (16, 16, Decimal("15.8")),
    }
    # Rounded one by one, as the source rounds: they need not sum to 100 (here 99), and the
    # printed 70 % is the correctly rounded 70,4 %, so it is no deviation.
    assert sum(v[0] for v in got.values()) == 99
    assert [d.key for d in differences(b2023) if d.key[0] == "andel"] == [("andel", "struktur")]
    # The stated 9 % is what the printed (too high) subtotal −1 109 gives: (1 109 − 421) / 7 878
    assert round_half_up(Decimal(1109 - 421) * 100 / 7878) == 9


def test_outcome_2022(ds):
    # 002: result −173 tkr against budgeted −474; equity 1 140 tkr = 16 % of budgeted revenue.
    u = ds.by_key("utfall", "2022").model
    assert (u.resultat_tkr, u.budgeterat_resultat_tkr, u.eget_kapital_31_dec_tkr) == (-173, -474, 1140)
    assert round_half_up(Decimal(1140) * 100 / 7246) == 16
    # Against member contributions (what the policy names) it is also 16 % (16,2 %).
    assert round_half_up(Decimal(1140) * 100 / 7046, Decimal("0.1")) == Decimal("16.2")
    # Cost distribution 84 % (71 + 7 + 6) and 16 %
    by = {k.kategori: k.procent for k in u.kostnadsfordelning}
    assert by["individ"] + by["struktur"] + by["processtod"] == by["direkta_insatser"] == 84
    assert by["direkta_insatser"] + by["administration"] == 100


def test_equity_roll_forward_agrees_across_sources(ds):
    rows = roll_forward([d.model for d in ds.budgetar], [d.model for d in ds.utfall])
    openings_2022 = {r.source_label: r.opening for r in rows if r.year == 2022}
    # 1 066 + 247 (prognos) and 1 140 + 173 (outcome) both give 1 313 tkr at 1 January 2022.
    assert set(openings_2022.values()) == {1313}
    assert opening_mismatches(rows) == []
    from_outcome = next(r for r in rows if r.year == 2023 and r.closing_stated is None)
    assert (from_outcome.opening, from_outcome.closing_computed) == (1140, 392)


def test_equity_policy_each_year(ds):
    tests = policy_tests([d.model for d in ds.budgetar], [d.model for d in ds.utfall], ds.ekonomisk_policy.model.eget_kapital)
    by = {(t.year, t.basis): t for t in tests}
    outcome = by[(2022, "utfall")]
    assert outcome.met is True and outcome.ceiling == Decimal("1409.2") and outcome.equity == 1140
    budget_2023 = by[(2023, "budget")]
    assert budget_2023.met is False and budget_2023.above_floor is False and budget_2023.below_ceiling is True
    assert budget_2023.equity == 317 and budget_2023.member_contributions == 7030


def test_contributions_2023(ds):
    # 000: staten 3 762 500, region 1 881 250 (50 % and 25 % of 7 525 000 exactly) ...
    view = year_contributions(ds, ds.by_key("medlemsinsatser", "2023"))
    assert view.split.part("staten").amount == 3762500 == view.stated["staten"]
    assert view.split.part("region-vastmanland").amount == 1881250 == view.stated["region-vastmanland"]
    assert view.split.amount_for("kommuner") == 1881250
    assert sum(p.amount for p in view.split.parts) == 7525000
    # ... but the members' amounts sum to 7 525 050, not the printed TOTAL 7 525 000:
    stated_munis = sum(view.stated[m] for m, kind in view.parties if kind == "kommuner")
    assert stated_munis == 1881300
    assert sum(view.stated.values()) == 7525050 == ds.by_key("medlemsinsatser", "2023").model.total_avvikelse.beraknat
    # No 1 November figures are at hand: the page and the build warn.
    assert view.warnings and "1 november 2022" in view.warnings[0]


def test_closest_population_for_2023_is_30_june_2020(ds):
    view = year_contributions(ds, ds.by_key("medlemsinsatser", "2023"))
    diffs = {a.basis.key: a.municipal_difference for a in view.alternatives}
    assert diffs == {"2018-12-31": 21150, "2020-06-30": 7850, "2024-12-31": 22950}
    assert min(diffs, key=diffs.get) == "2020-06-30"


def test_contributions_2024_estimate(ds):
    # 002: "ca 9 miljoner från staten ... totalt ca 18 miljoner": the state's half.
    doc = ds.by_key("medlemsinsatser", "2024")
    view = year_contributions(ds, doc)
    assert view.total_approximate and view.total == 18000000
    assert view.split.part("staten").amount == 9000000 == view.stated["staten"]
    assert view.forbundsordning_key == "2024-01-01"
    assert len([k for _, k in view.parties if k == "kommuner"]) == 10
    assert len(view.warnings) == 2  # neither 1 November 2023 nor ages 16–67


def test_population_agrees_with_the_plan_roughly(ds):
    # 001: "I de 6 kommunerna bor ca 73 000 invånare varav ca 41 300 är i åldern 16-64 år."
    six = ["fagersta", "hallstahammar", "norberg", "sala", "skinnskatteberg", "surahammar"]
    mid_2020 = ds.by_key("befolkning", "2020-06-30").model
    assert sum(mid_2020.figures(k).antal[0] for k in six) == 72737  # "ca 73 000"
    end_2018 = ds.by_key("befolkning", "2018-12-31").model
    working_age = sum(sum(end_2018.figures(k).antal[1:4]) for k in six)
    assert working_age == 41419 and abs(working_age - 41300) < 200  # "ca 41 300" (other date)


def test_validate_command_warns_but_passes():
    import subprocess
    import sys

    from conftest import ROOT

    proc = subprocess.run([sys.executable, "-m", "finsam", "validera", "data"], cwd=ROOT, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT / "macros"), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    assert "data/medlemsinsatser/2024.yaml" in proc.stderr and "16–67 år" in proc.stderr
    # The summary counts the warnings printed (how many there are changes with the data).
    warnings = [ln for ln in proc.stderr.splitlines() if ": varning: " in ln]
    assert warnings and f"{len(warnings)} varning" in proc.stderr

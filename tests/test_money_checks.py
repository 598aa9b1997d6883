"""The money checks: every unexplained or stale difference fails with file, line and both values."""

import shutil

import pytest

from conftest import REAL_DATA, assert_check_reports, edit
from conftest import problems_in as _problems_in


def problems_in(data):
    """The problems, with Babel's non-breaking spaces in numbers read as spaces."""
    return [p.replace("\xa0", " ") for p in _problems_in(data)]


def test_fixture_money_data_is_clean(fixture_copy):
    assert problems_in(fixture_copy) == []


def test_unexplained_subtotal_fails_with_line_and_both_values(fixture_copy):
    f = fixture_copy / "budget" / "2025.yaml"
    edit(f, "angivet: {budget-2025: -1800}", "angivet: {budget-2025: -1850}")
    problems = problems_in(fixture_copy)
    assert len(problems) == 1
    p = problems[0]
    assert p.startswith(f"{f}:") or ":" in p
    line = int(p.split(":")[1])
    assert "angivet: {budget-2025: -1850}" in f.read_text().splitlines()[line - 1]
    assert "−1 850 tkr" in p and "−1 800 tkr" in p and "avvikelse" in p


def test_wrong_line_amount_shows_in_every_sum_it_feeds(fixture_copy):
    edit(fixture_copy / "budget" / "2025.yaml", "belopp: {budget-2025: -600}", "belopp: {budget-2025: -650}")
    text = "\n".join(problems_in(fixture_copy))
    assert "Insatser, Budget 2025" in text
    assert "Summa kostnader, Budget 2025" in text
    assert "Resultat, Budget 2025" in text


def test_acknowledged_difference_must_match_the_lines(fixture_copy):
    edit(fixture_copy / "budget" / "2026.yaml", "beraknat: -1890", "beraknat: -1880")
    (p,) = problems_in(fixture_copy)
    assert "avvikelsen gäller beräknat −1 880 tkr" in p and "−1 890 tkr" in p


def test_acknowledgement_without_difference_is_flagged(fixture_copy):
    edit(fixture_copy / "budget" / "2026.yaml", "angivet: {budget-2025: -1800, budget-2026: -1900}",
         "angivet: {budget-2025: -1800, budget-2026: -1890}")
    (p,) = problems_in(fixture_copy)
    assert "ta bort avvikelsen" in p


def test_stated_share_checked(fixture_copy):
    edit(fixture_copy / "budget" / "2025.yaml", "{kategori: struktur, procent: 29}", "{kategori: struktur, procent: 28}")
    text = "\n".join(problems_in(fixture_copy))
    assert "källan anger 28 % men raderna ger 29 %" in text
    assert "andelarna är tillsammans" not in text  # 99 % can come from rounding each share


def test_shares_far_from_100_flagged(fixture_copy):
    edit(fixture_copy / "budget" / "2025.yaml", "{kategori: struktur, procent: 29}", "{kategori: struktur, procent: 25}")
    assert any("andelarna är tillsammans 96 %" in p for p in problems_in(fixture_copy))


def test_cost_sign_category_and_missing_column(fixture_copy):
    f = fixture_copy / "budget" / "2025.yaml"
    edit(f, "belopp: {budget-2025: -300}", "belopp: {budget-2025: 300}")
    edit(f, "    kategori: medlemsbidrag\n", "")
    text = "\n".join(problems_in(fixture_copy))
    assert "en kostnad skrivs med minustecken" in text
    assert "en intäktsrad behöver kategori" in text


def test_missing_column_amount(fixture_copy):
    edit(fixture_copy / "budget" / "2026.yaml", "belopp: {budget-2025: 2000, budget-2026: 2100}", "belopp: {budget-2026: 2100}")
    text = "\n".join(problems_in(fixture_copy))
    assert "belopp för kolumnen 'budget-2025' saknas" in text


def test_contribution_total_checked(fixture_copy):
    edit(fixture_copy / "medlemsinsatser" / "2025.yaml", "{medlem: bystad, belopp_kr: 125000}", "{medlem: bystad, belopp_kr: 125050}")
    (p,) = problems_in(fixture_copy)
    assert "2 000 050 kr" in p and "2 000 000 kr" in p


def test_contribution_member_must_be_a_member(fixture_copy):
    edit(fixture_copy / "medlemsinsatser" / "2025.yaml", "{medlem: aby, belopp_kr: 375000}", "{medlem: forsakringskassan, belopp_kr: 375000}")
    text = "\n".join(problems_in(fixture_copy))
    assert "'forsakringskassan' är inte medlem år 2025" in text


def test_population_bands_sum_to_total(fixture_copy):
    edit(fixture_copy / "befolkning" / "2024-12-31.yaml", "totalt: 4500", "totalt: 4501")
    (p,) = problems_in(fixture_copy)
    assert "summerar till 4 500, inte 4 501" in p


def test_population_bands_must_follow_on(fixture_copy):
    edit(fixture_copy / "befolkning" / "2024-12-31.yaml", "{fran: 20, till: 64}", "{fran: 21, till: 64}")
    text = "\n".join(problems_in(fixture_copy))
    assert "skulle börja vid 20 år" in text


def test_outcome_distribution_checked(fixture_copy):
    edit(fixture_copy / "utfall" / "2024.yaml", "{kategori: administration, procent: 15}", "{kategori: administration, procent: 17}")
    edit(fixture_copy / "utfall" / "2024.yaml", "{kategori: individ, procent: 60}",
         "{kategori: direkta_insatser, procent: 84}\n  - {kategori: individ, procent: 60}")
    text = "\n".join(problems_in(fixture_copy))
    assert "direkta insatser anges till 84 %" in text
    assert "tillsammans 101 %, ska vara 100 %" in text


def test_example_must_be_marked_as_example(fixture_copy):
    edit(fixture_copy / "fordelningsmodell" / "2025.yaml", "exempel: true", "exempel: false")
    (p,) = problems_in(fixture_copy)
    assert "exempel.exempel" in p


def test_remuneration_needs_a_rule(fixture_copy):
    edit(fixture_copy / "arvoden" / "2025.yaml", "ar: 2025", "ar: 2015")
    text = "\n".join(problems_in(fixture_copy))
    assert "har ingen regel om arvoden" in text


# Each money check by name, with an edit that breaks it (fixture unless marked real).
NAMED = {
    "budget_summor_stammer": ("budget/2025.yaml", "angivet: {budget-2025: -1800}", "angivet: {budget-2025: -1850}"),
    "budget_andelar_stammer": ("budget/2025.yaml", "{kategori: struktur, procent: 29}", "{kategori: struktur, procent: 28}"),
    "budget_rader_i_ordning": ("budget/2025.yaml", "belopp: {budget-2025: -300}", "belopp: {budget-2025: 300}"),
    "budget_finansiering_stammer": ("real:budget/2023.yaml", "fran_eget_kapital: 748", "fran_eget_kapital: 700"),
    "utfall_kostnadsfordelning_stammer": ("utfall/2024.yaml", "{kategori: administration, procent: 15}", "{kategori: administration, procent: 17}"),
    "utfall_eget_kapital_andel_stammer": ("real:utfall/2022.yaml", "  procent: 16\n  av: budgeterade_intakter", "  procent: 17\n  av: budgeterade_intakter"),
    "eget_kapital_ingaende_stammer": ("real:utfall/2022.yaml", "eget_kapital_31_dec_tkr: 1140", "eget_kapital_31_dec_tkr: 1150"),
    "medlemsinsatser_summerar": ("medlemsinsatser/2025.yaml", "{medlem: bystad, belopp_kr: 125000}", "{medlem: bystad, belopp_kr: 125050}"),
    "medlemsinsatser_medlemmar_finns": ("medlemsinsatser/2025.yaml", "{medlem: aby, belopp_kr: 375000}", "{medlem: forsakringskassan, belopp_kr: 375000}"),
    "befolkning_summerar": ("befolkning/2024-12-31.yaml", "totalt: 4500", "totalt: 4501"),
    "arvoden_ar_finns": ("arvoden/2025.yaml", "ar: 2025", "ar: 2015"),
}
CHECKS_COVERED = set(NAMED)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_check_reports_its_problem(fixture_copy, tmp_path, name):
    target, old, new = NAMED[name]
    data = fixture_copy
    if target.startswith("real:"):
        data = tmp_path / "real"
        shutil.copytree(REAL_DATA, data)
        target = target.removeprefix("real:")
    assert_check_reports(data, name, target, old, new)

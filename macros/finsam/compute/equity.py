"""Equity across years, and the equity target tested for each year.

Figures come from two kinds of source: a budget's overview (a forecast of equity
at year end, from a forecast result) and a year's outcome (the annual report).
The opening equity of a year is derived as closing minus the year's result; when
both sources cover a year, the two derivations must agree.
"""

from __future__ import annotations

from decimal import Decimal

from ..model.budget import Budget
from ..model.ekonomisk_policy import EgetKapitalMal
from ..model.utfall import Utfall
from .budget_sums import member_income, stated_figure
from .equity_sums import EquityRow, opening_mismatches, roll_forward  # noqa: F401 - also compute.equity.<name>
from .rounding import round_half_up
from .views import view_source
from ..frozen import frozen


@frozen
class PolicyTest:
    year: int
    basis: str
    equity: int
    member_contributions: int | None
    member_contributions_from: str
    revenue: int | None
    ceiling: Decimal | None  # max share of member contributions, in tkr
    floor: int
    below_ceiling: bool | None
    above_floor: bool
    share_of_contributions: Decimal | None  # percent, one decimal
    share_of_revenue: Decimal | None

    @property
    def met(self) -> bool | None:
        if self.below_ceiling is None:
            return None if self.above_floor else False
        return self.below_ceiling and self.above_floor


def policy_tests(
    budgets: list[Budget], outcomes: list[Utfall], targets: list[EgetKapitalMal]
) -> list[PolicyTest]:
    """The equity target tested for each year with a figure for equity at year end.

    A year's member contributions and revenue come from the budget that holds
    that year's columns (the forecast if there is one, else the budget).
    """
    tests: list[PolicyTest] = []
    for row in roll_forward(budgets, outcomes):
        if row.basis == "budget" and row.closing_stated is None:
            continue  # the recomputed variant is shown in the roll-forward only
        equity = row.closing_stated if row.closing_stated is not None else row.closing_computed
        if equity is None:
            continue
        target = next((t for t in targets if t.in_force_for_year(row.year)), None)
        if target is None:
            continue
        contributions, contributions_from, revenue = _year_income(budgets, row.year, row.basis)
        ceiling = (
            Decimal(contributions) * target.max_procent_av_medlemsbidrag / 100 if contributions is not None else None
        )
        tests.append(
            PolicyTest(
                year=row.year,
                basis=row.basis,
                equity=equity,
                member_contributions=contributions,
                member_contributions_from=contributions_from,
                revenue=revenue,
                ceiling=ceiling,
                floor=target.minst_tkr,
                below_ceiling=(equity < ceiling) if ceiling is not None else None,
                above_floor=equity >= target.minst_tkr,
                share_of_contributions=_pct(equity, contributions),
                share_of_revenue=_pct(equity, revenue),
            )
        )
    return tests


def _pct(part: int, whole: int | None) -> Decimal | None:
    if not whole:
        return None
    return round_half_up(Decimal(part) * 100 / Decimal(whole), Decimal("0.1"))


def _year_income(budgets: list[Budget], year: int, basis: str) -> tuple[int | None, str, int | None]:
    """(member contributions, where from, budgeted revenue) for a year, in tkr."""
    for b in sorted(budgets, key=lambda b: b.ar):
        budget_col = next((c for c in b.kolumner if c.slag == "budget" and c.ar == year), None)
        prognos_col = next((c for c in b.kolumner if c.slag == "prognos" and c.ar == year), None)
        if budget_col is None:
            continue
        col = prognos_col if (basis in ("prognos", "utfall") and prognos_col is not None) else budget_col
        contributions = member_income(b, col.id)
        revenue = stated_figure(b, "intakter", budget_col.id)
        return contributions, f"{col.rubrik} (budget {b.ar})", revenue
    return None, "okänt", None


# -- view objects ---------------------------------------------------------------

UTFALL_LABELS = {
    "direkta_insatser": "Direkta insatskostnader",
    "individ": "varav individinsatser",
    "struktur": "varav strukturpåverkande insatser",
    "processtod": "varav processtöd samverkansinsatser (förbundspersonal)",
    "administration": "Administrativa kostnader",
}
SUB_CATEGORIES = {"individ", "struktur", "processtod"}


@frozen
class Kostnadsandel:
    label: str
    percent: Decimal
    sub: bool  # a "varav" row under the one before


@frozen
class UtfallAr:
    """A year's outcome as the page shows it (figurslag: utfall)."""

    year: int
    kind: str
    result: int | None
    budgeted_result: int | None
    equity: int | None
    equity_share: Decimal | None  # as the source prints it
    equity_share_of: str | None  # "budgeterade_intakter" or "medlemsbidrag"
    comment: str | None
    costs: list[Kostnadsandel]
    kalla: str


def utfall_views(outcomes: list[Utfall]) -> list[UtfallAr]:
    """Each year's outcome, newest first."""
    out = []
    for u in sorted(outcomes, key=lambda u: u.ar, reverse=True):
        out.append(UtfallAr(
            year=u.ar, kind="utfall", result=u.resultat_tkr, budgeted_result=u.budgeterat_resultat_tkr,
            equity=u.eget_kapital_31_dec_tkr,
            equity_share=u.eget_kapital_andel.procent if u.eget_kapital_andel else None,
            equity_share_of=u.eget_kapital_andel.av if u.eget_kapital_andel else None,
            comment=u.kommentar,
            costs=[Kostnadsandel(UTFALL_LABELS[k.kategori], k.procent, k.kategori in SUB_CATEGORIES)
                   for k in u.kostnadsfordelning],
            kalla=u.kalla,
        ))
    return out


BASIS_KINDS = {"utfall": "utfall", "prognos": "prognos", "budget": "beslutad_budget"}


def policy_verdict(t: PolicyTest) -> tuple[str, list[tuple[str, Decimal | int]]]:
    """("uppfyllt" | "inte_uppfyllt" | "kan_inte_provas", [(reason, limit), ...])."""
    if t.met is None:
        return "kan_inte_provas", []
    if t.met:
        return "uppfyllt", []
    reasons: list[tuple[str, Decimal | int]] = []
    if t.below_ceiling is False:
        reasons.append(("over_taket", t.ceiling))
    if not t.above_floor:
        reasons.append(("under_golvet", t.floor))
    return "inte_uppfyllt", reasons


@view_source
def equity_views(ds, today) -> list:
    budgets = [d.model for d in ds.budgetar]
    outcomes = [d.model for d in ds.utfall]
    out: list = list(utfall_views(outcomes)) + roll_forward(budgets, outcomes)
    if ds.ekonomisk_policy is not None:
        out += policy_tests(budgets, outcomes, ds.ekonomisk_policy.model.eget_kapital)
    return out

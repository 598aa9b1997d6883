"""Equity by year from the budgets' overviews and the outcomes: the rows and their checks.

The opening equity of a year is derived as closing minus the year's result; when
both sources cover a year, the two derivations must agree (``opening_mismatches``,
checked by checks/utfall.py). compute.equity tests the equity target and builds
the pages' views from these rows; validating the data needs only this module.
"""

from __future__ import annotations


from ..model.budget import Budget
from ..model.utfall import Utfall
from ..frozen import frozen


@frozen
class EquityRow:
    year: int
    basis: str  # "utfall", "prognos", "budget"
    source_label: str
    opening: int | None
    opening_from: str  # how the opening figure was found
    result: int | None
    closing_computed: int | None
    closing_stated: int | None

    @property
    def differs(self) -> bool:
        return (
            self.closing_stated is not None
            and self.closing_computed is not None
            and self.closing_stated != self.closing_computed
        )


def roll_forward(budgets: list[Budget], outcomes: list[Utfall]) -> list[EquityRow]:
    """Rows of equity by year and basis, oldest first."""
    rows: list[EquityRow] = []
    outcome = {u.ar: u for u in outcomes}
    overview = {}
    for b in budgets:
        for row in b.oversikt:
            overview.setdefault(row.ar, (b, row))
    years = sorted(set(outcome) | set(overview))
    for year in years:
        if year in overview:
            b, row = overview[year]
            result = row.prognos_resultat if row.prognos_resultat is not None else row.resultat
            basis = "prognos" if row.prognos_resultat is not None else "budget"
            prev = overview.get(year - 1)
            if prev is not None and prev[1].eget_kapital_31_dec is not None:
                opening, opening_from = prev[1].eget_kapital_31_dec, f"angivet för {year - 1} i budgetöversikten {b.ar}"
            elif row.eget_kapital_31_dec is not None and result is not None:
                opening, opening_from = row.eget_kapital_31_dec - result, "härlett: utgående eget kapital minus årets resultat"
            else:
                opening, opening_from = None, "okänt"
            rows.append(
                EquityRow(
                    year, basis, f"Budgetöversikt i budget {b.ar}", opening, opening_from, result,
                    opening + result if opening is not None and result is not None else None,
                    row.eget_kapital_31_dec,
                )
            )
            if year - 1 in outcome and outcome[year - 1].eget_kapital_31_dec_tkr is not None and row.resultat is not None:
                prev_out = outcome[year - 1]
                rows.append(
                    EquityRow(
                        year, "budget", f"Budget {year} räknad från utfallet {year - 1}",
                        prev_out.eget_kapital_31_dec_tkr, f"utfall {year - 1} (årsredovisningen)",
                        row.resultat, prev_out.eget_kapital_31_dec_tkr + row.resultat, None,
                    )
                )
        if year in outcome:
            u = outcome[year]
            closing, result = u.eget_kapital_31_dec_tkr, u.resultat_tkr
            opening = closing - result if closing is not None and result is not None else None
            rows.append(
                EquityRow(
                    year, "utfall", f"Årsredovisning {year}", opening,
                    "härlett: utgående eget kapital minus årets resultat" if opening is not None else "okänt",
                    result, closing, closing,
                )
            )
    return rows


def opening_mismatches(rows: list[EquityRow]) -> list[tuple[EquityRow, EquityRow]]:
    """Pairs of rows for the same year whose derived opening equity disagrees."""
    out = []
    derived = [r for r in rows if r.opening_from.startswith("härlett") and r.opening is not None]
    for i, a in enumerate(derived):
        for b in derived[i + 1:]:
            if a.year == b.year and a.opening != b.opening:
                out.append((a, b))
    return out

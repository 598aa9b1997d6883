"""What each insats costs over the years, and what it has achieved.

The budget amounts are read from the budget documents (data/budget/<year>.yaml,
``DataSet.budgetar``), never from data/insatser.yaml: an insats only names its
budget lines. Sums and shares come from ``compute.budget_sums``, the same
functions the budget pages use, so the start page and the budget page cannot
disagree.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterable

from .. import urls
from ..model.budget import Grupp
from . import budget_sums as money
from .budget_sums import budget_documents, cost_lines  # noqa: F401 - also compute.insatser.<name>
from .recent import newest_and_older
from ..frozen import frozen


def latest_budget(ds):
    docs = budget_documents(ds)
    return docs[-1] if docs else None


def budget_page(doc) -> str:
    """Site path of a budget year's page (the URL plan)."""
    return urls.budget_page(doc.model.ar)


def as_cost(value: int | None) -> Decimal | None:
    """A cost line's amount as a positive cost (the budget data keeps the source's minus sign)."""
    if value is None:
        return None
    return Decimal(-value)


@frozen
class BudgetCell:
    heading: str  # the column as the source prints it, e.g. "Budget 2023"
    kind: str  # budget, prognos or utfall
    year: int  # the year the column is about
    cost: Decimal | None  # positive; None when not printed or the line is missing
    unit: str  # tkr or kr
    page: str  # the budget page that prints it
    line_ids: tuple[str, ...]  # which of the insats's lines were found in that budget
    document_year: int = 0  # the year of the budget document that prints the column
    missing: tuple[str, ...] = ()  # the insats's lines that this budget does not have

    @property
    def anchor(self) -> str:
        """Where on the budget page: the line's own row, or the whole table for several lines."""
        return self.line_ids[0] if len(self.line_ids) == 1 else "budgettabell"


KIND_ORDER = {"budget": 0, "prognos": 1, "utfall": 2}  # as a year unfolds


def budget_history(ds, line_ids: Iterable[str]) -> list[BudgetCell]:
    """The summed cost of ``line_ids`` in every column of every budget document.

    A column printed in several budget documents (e.g. Budget 2023 as the
    comparison column of the 2024 budget) is taken from the document of its own
    year when there is one, otherwise from the latest. Sorted by year, then
    budget, prognos, utfall.
    """
    line_ids = tuple(line_ids)
    chosen: dict[tuple[str, int], tuple[Any, Any]] = {}
    for doc in budget_documents(ds):
        budget = doc.model
        for col in budget.kolumner:
            key = (col.slag, col.ar)
            previous = chosen.get(key)
            if previous is None or previous[0].model.ar != col.ar:
                chosen[key] = (doc, col)
    cells = []
    for (kind, year), (doc, col) in chosen.items():
        lines = cost_lines(doc.model)
        found = [lid for lid in line_ids if lid in lines]
        amounts = [as_cost(lines[lid].belopp.get(col.id)) for lid in found]
        # Unknown unless every line is there and printed: never a silent partial sum.
        complete = len(found) == len(line_ids) and all(a is not None for a in amounts)
        cost = sum(amounts, Decimal(0)) if complete else None
        cells.append(
            BudgetCell(
                col.rubrik, kind, year, cost, doc.model.enhet, budget_page(doc), tuple(found),
                document_year=doc.model.ar,
                missing=tuple(lid for lid in line_ids if lid not in found),
            )
        )
    return sorted(cells, key=lambda c: (c.year, KIND_ORDER.get(c.kind, 9)))


@frozen
class OlderBudget:
    """An older budget document in an insats's history: a link to the insats's row on its page."""

    year: int
    page: str
    anchor: str | None  # the line's row, the whole table for several lines; None: no line of the insats


@frozen
class InsatsBudget:
    """An insats's budget over the years as its page shows it (compute.recent)."""

    cells: list[BudgetCell]  # the columns printed by the newest budget documents, as budget_history sorts them
    older: list[OlderBudget]  # every older budget document, oldest first


def insats_budget(ds, line_ids: Iterable[str]) -> InsatsBudget:
    """``budget_history`` of the newest budget documents in full; each older document as a link."""
    line_ids = tuple(line_ids)
    newest, older = newest_and_older(budget_documents(ds), lambda d: d.model.ar)
    shown = {d.model.ar for d in newest}
    links = []
    for doc in older:
        lines = cost_lines(doc.model)
        found = [lid for lid in line_ids if lid in lines]
        anchor = (found[0] if len(found) == 1 else "budgettabell") if found else None
        links.append(OlderBudget(doc.model.ar, budget_page(doc), anchor))
    return InsatsBudget([c for c in budget_history(ds, line_ids) if c.document_year in shown], links)


def budget_for_year(ds, line_ids: Iterable[str], year: int) -> BudgetCell | None:
    """The budget column (not prognos) of ``year`` for these lines."""
    for cell in budget_history(ds, line_ids):
        if cell.kind == "budget" and cell.year == year:
            return cell
    return None


# -- key figures of a budget year -------------------------------------------


@frozen
class KeyFigures:
    year: int
    unit: str
    page: str
    total_costs: Decimal | None  # the year's budgeted costs, summed from its lines
    member_contributions: Decimal | None  # income lines of category medlemsbidrag
    # Percent of the costs, one decimal, half up: the budget page's "Andel, oavrundad".
    # (Its whole percents are adjusted to sum to 100 and may differ by one.)
    individual_share: Decimal | None


def key_figures(ds) -> KeyFigures | None:
    """Figures of the latest budget year's own budget column, computed from its lines."""
    doc = latest_budget(ds)
    if doc is None:
        return None
    budget = doc.model
    col = budget.budget_column()
    if col is None:
        return None
    total = money.totals(budget, col.id)["kostnader"]
    member = money.member_income(budget, col.id)
    individual = next((s for s in money.shares(budget, col.id) if s.category == "individ"), None)
    return KeyFigures(
        year=budget.ar,
        unit=budget.enhet,
        page=budget_page(doc),
        total_costs=as_cost(total),
        member_contributions=Decimal(member) if member is not None else None,
        individual_share=(
            individual.exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if individual is not None else None
        ),
    )


# -- insatser ------------------------------------------------------------------


def results_for(insatser, insats_id: str) -> list:
    """Results reported for this insats, or for the group it belongs to."""
    ins = insatser.insats(insats_id)
    keys = {insats_id} | ({ins.grupp} if ins is not None and ins.grupp else set())
    return [r for r in insatser.resultat if keys & set(r.avser)]


def reach_per_year(insatser):
    """The result that states how many people are reached per year, if any."""
    return next((r for r in insatser.resultat if r.nyckeltal == "personer_per_ar"), None)


@frozen
class OverviewRow:
    insats: Any
    cell: BudgetCell | None  # its budget in the year, None without budget data


def overview(ds, year: int | None) -> dict[str, list[OverviewRow]]:
    """The insatser by kind, each with its budget in ``year``."""
    out: dict[str, list[OverviewRow]] = {}
    if ds.insatser is None:
        return out
    for ins in ds.insatser.model.insatser:
        cell = budget_for_year(ds, ins.budgetrader, year) if year is not None else None
        out.setdefault(ins.slag, []).append(OverviewRow(ins, cell))
    return out


def kind_total(rows: list[OverviewRow]) -> Decimal | None:
    """The rows' summed budget; unknown if any row's is unknown."""
    costs = [r.cell.cost if r.cell is not None else None for r in rows]
    if not costs or any(c is None for c in costs):
        return None
    return sum(costs, Decimal(0))


INSATS_GROUPS = ("individinriktade-insatser", "strukturinriktade-insatser")


def other_lines(ds, year: int) -> list[tuple[Any, Decimal | None]]:
    """Lines of the year's budget groups for insatser that no insats names, with their cost.

    (E.g. unallocated funds: they are in the budget group but are no insats of their own.)
    """
    doc = next((d for d in budget_documents(ds) if d.model.ar == year), None)
    if doc is None or ds.insatser is None:
        return []
    col = doc.model.budget_column()
    named = {line for ins in ds.insatser.model.insatser for line in ins.budgetrader}
    out = []
    for post in doc.model.kostnader:
        if isinstance(post, Grupp) and post.grupp in INSATS_GROUPS:
            for line in post.rader:
                if line.id not in named:
                    out.append((line, as_cost(line.belopp.get(col.id)) if col is not None else None))
    return out


def financed_count(ds, year: int) -> int | None:
    """How many insatser have a budget above zero in ``year``; None without budget data."""
    if ds.insatser is None or not budget_documents(ds):
        return None
    count = 0
    for ins in ds.insatser.model.insatser:
        cell = budget_for_year(ds, ins.budgetrader, year)
        if cell is not None and cell.cost:
            count += 1
    return count

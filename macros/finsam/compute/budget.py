"""Budget tables: sums, results and shares computed from the lines.

Every sum the source prints is compared with the sum of its lines. The views
at the end (``BudgetSida``, ``BudgetListRad``, ``Nyckeltal``) are what the
pages, the start page and the downloads all read, so they cannot disagree.

The adopted figure leads: a figure the source prints (a sum, subtotal, result
or share) is the figure shown everywhere; the lines' sum is the check beside
it. Where they differ, the deviation names the other printed figures that agree
with either (see the comment above the view objects). Shares are rounded as the
source rounds them (whole percent, half up), so a correctly rounded printed
share is never reported as a deviation.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .. import urls
from ..model.budget import KATEGORI_LABELS, Budget, Grupp
from .budget_sums import (  # noqa: F401 - the arithmetic is also reached as compute.budget.<name>
    Comparison,
    Difference,
    Group,
    Line,
    Share,
    Table,
    column_sum,
    differences,
    leaves,
    member_income,
    overview_comparisons,
    post_ids,
    shares,
    stated_figure,
    table,
    totals,
)
from .views import view_source
from ..frozen import frozen
from ..memo import by_identity


# -- view objects ---------------------------------------------------------------
#
# The rule for printed figures (the adopted figure leads): where the source
# prints a sum, subtotal, result or share, that printed figure is THE figure in
# every table, key figure and download; what the lines add up to stands beside
# it as a check. A check never replaces a decision. Where they differ, the
# deviation says which other printed figures agree with which: the same figure
# printed elsewhere (the budget overview, a later source such as the annual
# report's budgeted result) supports the printed one, and the difference then
# points to a misread or misprinted line; a printed total that matches the lines
# and not a printed subtotal supports the lines. Shares are whole percent,
# rounded half up as the source rounds them; a printed share that is the
# correctly rounded value is not a deviation.

TOTAL_LABELS = {"intakter": "Summa intäkter", "kostnader": "Summa kostnader", "resultat": "Resultat"}


def page_path(year: int) -> str:
    """Site path of a budget year's page (the URL plan's)."""
    return urls.budget_page(year)


@frozen
class Cell:
    figure: int | None  # the printed figure where the source prints one, else the lines' sum
    computed: int | None  # what the lines add up to (the check)
    printed: bool
    differs: bool
    deviation: int | None  # the deviation's number on the page, when it differs


@frozen
class TableRow:
    id: str | None
    name: str
    note: str | None
    kind: str  # "rad", "grupp", "underrad", "summa", "resultat"
    cells: list[Cell]


@frozen
class TableColumn:
    id: str
    rubrik: str
    kind: str  # figurslag


@frozen
class TableSection:
    label: str
    rows: list[TableRow]


@frozen
class BudgetTabell:
    year: int
    unit: str
    caption: str
    columns: list[TableColumn]
    sections: list[TableSection]
    result: TableRow


@frozen
class Deviation:
    number: int
    what: str
    column: str
    stated: int | Decimal
    computed: int | Decimal
    difference: int | Decimal  # stated − computed
    unit: str  # of the figures ("tkr", "%")
    difference_unit: str
    explanation: str | None
    agrees_with_stated: list[tuple[str, int]]  # (where, figure): other printed figures that agree with the printed one
    agrees_with_computed: list[tuple[str, int]]  # (where, figure): other printed figures that agree with the lines
    key: tuple


@frozen
class ShareRow:
    category: str
    label: str
    short_label: str
    amount: int  # cost, as a positive amount
    exact: Decimal  # percent, unrounded
    rounded: Decimal  # whole percent, half up (as the source rounds)
    stated: Decimal | None
    figure: Decimal  # the printed share where there is one, else the rounded one
    differs: bool
    deviation: int | None
    bar_width: Decimal  # for the chart, in its own units


@frozen
class BudgetAndelar:
    year: int
    column: str
    unit: str
    rows: list[ShareRow]
    amount_total: int
    exact_total: Decimal
    rounded_total: Decimal
    stated_total: Decimal | None
    chart_width: int
    chart_height: int
    label_width: int
    row_height: int


@frozen
class OversiktCell:
    figure: int | None
    computed: int | None
    differs: bool
    deviation: int | None


@frozen
class OversiktRad:
    year: int
    intakter: OversiktCell
    kostnader: OversiktCell
    resultat: OversiktCell
    prognos_resultat: OversiktCell | None
    eget_kapital: OversiktCell
    eget_kapital_kind: str | None  # figurslag of the equity figure


@frozen
class Finansiering:
    """How the source's text says the year's costs are financed (as positive amounts)."""

    costs: int
    member_funds: int
    other_income: int
    from_equity: int


@frozen
class BudgetSida:
    """Everything a budget year's page and its downloads show."""

    year: int
    page: str
    forbund: str
    kind: str  # figurslag of the budget column: beslutad budget
    beslutad: dt.date | None
    beslutad_av: str | None
    kalla: str
    unit: str
    kommentar: str | None
    table: BudgetTabell
    shares: BudgetAndelar | None
    overview: list[OversiktRad]
    financing: Finansiering | None
    deviations: list[Deviation]


def _sum_with_printed_subtotals(budget: Budget, section: str, column: str) -> int | None:
    total = 0
    for post in getattr(budget, section):
        if isinstance(post, Grupp):
            printed = post.summa.angivet.get(column) if post.summa is not None else None
            value = printed if printed is not None else column_sum(post.rader, column)
        else:
            value = post.belopp.get(column)
        if value is None:
            return None
        total += value
    return total


def _agreement(ds, budget: Budget, d: Difference) -> tuple[list, list]:
    """(printed figures that agree with the printed one, printed figures that agree with the lines)."""
    with_stated: list[tuple[str, int]] = []
    with_computed: list[tuple[str, int]] = []
    if not d.key or d.key[0] in ("andel", "oversikt"):
        return with_stated, with_computed
    what, column = d.key
    col = budget.column(column)
    if what in TOTAL_LABELS:
        for row in budget.oversikt:
            if row.ar != col.ar:
                continue
            value = row.prognos_resultat if (col.slag == "prognos" and what == "resultat") else (
                getattr(row, what) if col.slag == "budget" else None)
            if value is not None and value == d.stated:
                with_stated.append(("budgetöversikten i samma dokument", value))
        if what == "resultat" and col.slag == "budget":
            for doc in ds.utfall:
                u = doc.model
                if u.ar == col.ar and u.budgeterat_resultat_tkr is not None and u.budgeterat_resultat_tkr == d.stated:
                    with_stated.append((_title(ds, u.kalla), u.budgeterat_resultat_tkr))
        return with_stated, with_computed
    # a group's subtotal: does the printed section total follow the lines or the printed subtotals?
    section = "intakter" if any(isinstance(p, Grupp) and p.grupp == what for p in budget.intakter) else "kostnader"
    stated_total = getattr(budget.summor, section)
    printed_total = stated_total.angivet.get(column) if stated_total is not None else None
    if printed_total is None:
        return with_stated, with_computed
    lines_total = column_sum(leaves(getattr(budget, section)), column)
    with_subtotals = _sum_with_printed_subtotals(budget, section, column)
    label = (f"källans {TOTAL_LABELS[section].lower()}", printed_total)
    if printed_total == lines_total and printed_total != with_subtotals:
        with_computed.append(label)
    elif printed_total == with_subtotals and printed_total != lines_total:
        with_stated.append(label)
    return with_stated, with_computed


def _title(ds, source_id: str) -> str:
    k = next((k for k in ds.kallor.model.kallor if k.id == source_id), None)
    return k.titel if k else source_id


def _cell(comp: Comparison, number: int | None) -> Cell:
    printed = comp.stated is not None
    return Cell(comp.stated if printed else comp.computed, comp.computed, printed, comp.differs,
                number if comp.differs else None)


def budget_table_view(budget: Budget, numbers: dict) -> BudgetTabell:
    from ..model.figurslag import for_column

    tab = table(budget)
    cols = tab.columns

    def line(l: Line, kind: str) -> TableRow:
        return TableRow(l.id, l.name, l.note, kind,
                        [Cell(l.amounts[c], l.amounts[c], True, False, None) for c in cols])

    sections = []
    for kind, posts, label in (("intakter", tab.income, "Intäkter"), ("kostnader", tab.costs, "Kostnader")):
        rows: list[TableRow] = []
        for post in posts:
            if isinstance(post, Group):
                rows.append(TableRow(post.id, post.name, None, "grupp",
                                     [_cell(post.sums[c], numbers.get((post.id, c))) for c in cols]))
                rows += [line(l, "underrad") for l in post.lines]
            else:
                rows.append(line(post, "rad"))
        rows.append(TableRow(None, TOTAL_LABELS[kind], None, "summa",
                             [_cell(tab.totals[kind][c], numbers.get((kind, c))) for c in cols]))
        sections.append(TableSection(label, rows))
    result = TableRow(None, "Resultat", None, "resultat",
                      [_cell(tab.totals["resultat"][c], numbers.get(("resultat", c))) for c in cols])
    return BudgetTabell(
        year=budget.ar,
        unit=budget.enhet,
        caption=f"Budget {budget.ar} med jämförelser ({budget.enhet})",
        columns=[TableColumn(c.id, c.rubrik, for_column(c.slag)) for c in budget.kolumner],
        sections=sections,
        result=result,
    )


SHARE_SHORT = {k: v.split(" (")[0] for k, v in KATEGORI_LABELS.items()}


def shares_view(budget: Budget, numbers: dict) -> BudgetAndelar | None:
    col = budget.budget_column()
    items = shares(budget, col.id) if col is not None else []
    if not items:
        return None
    width, label_w, value_w, row_h, top = 640, 250, 120, 34, 10
    biggest = max(abs(s.amount) for s in items) or 1
    rows = [
        ShareRow(
            category=s.category, label=s.label, short_label=SHARE_SHORT[s.category], amount=abs(s.amount),
            exact=s.exact, rounded=s.shown, stated=s.stated,
            figure=s.stated if s.stated is not None else s.shown, differs=s.differs,
            deviation=numbers.get(("andel", s.category)) if s.differs else None,
            bar_width=(Decimal(width - label_w - value_w) * abs(s.amount) / biggest).quantize(Decimal("0.1")),
        )
        for s in items
    ]
    stated = [r.stated for r in rows]
    return BudgetAndelar(
        year=budget.ar, column=col.rubrik, unit=budget.enhet, rows=rows,
        amount_total=sum(r.amount for r in rows),
        exact_total=sum((r.exact for r in rows), Decimal(0)),
        rounded_total=sum((r.rounded for r in rows), Decimal(0)),
        stated_total=sum(stated) if all(s is not None for s in stated) else None,
        chart_width=width, chart_height=top * 2 + row_h * len(rows), label_width=label_w, row_height=row_h,
    )


def overview_view(budget: Budget, numbers: dict) -> list[OversiktRad]:
    from ..model.figurslag import for_column

    out = []
    for i, row in enumerate(budget.oversikt):
        comps = overview_comparisons(budget, i)

        def cell(kind: str, value) -> OversiktCell:
            comp = comps.get(kind)
            differs = comp is not None and comp.differs
            return OversiktCell(value, comp.computed if comp else None, differs,
                                numbers.get(("oversikt", row.ar, kind)) if differs else None)

        out.append(OversiktRad(
            year=row.ar,
            intakter=cell("intakter", row.intakter),
            kostnader=cell("kostnader", row.kostnader),
            resultat=cell("resultat", row.resultat),
            prognos_resultat=cell("prognos_resultat", row.prognos_resultat) if row.prognos_resultat is not None else None,
            eget_kapital=cell("eget_kapital_31_dec", row.eget_kapital_31_dec),
            eget_kapital_kind=for_column(row.eget_kapital_avser) if row.eget_kapital_avser else None,
        ))
    return out


@by_identity  # asked for by the year's page, the list of budgets and two downloads
def budget_page_view(ds, doc) -> BudgetSida:
    """The view of one budget file: table, shares, overview, deviations."""
    b = doc.model
    diffs = differences(b)
    numbers = {d.key: n for n, d in enumerate(diffs, start=1)}
    deviations = []
    for n, d in enumerate(diffs, start=1):
        is_share = bool(d.key) and d.key[0] == "andel"
        with_stated, with_computed = _agreement(ds, b, d)
        deviations.append(Deviation(
            number=n, what=d.what, column=d.column, stated=d.stated, computed=d.computed,
            difference=d.stated - d.computed, unit="%" if is_share else b.enhet,
            difference_unit="procentenheter" if is_share else b.enhet,
            explanation=d.avvikelse.forklaring if d.avvikelse else None,
            agrees_with_stated=with_stated, agrees_with_computed=with_computed, key=d.key,
        ))
    return BudgetSida(
        year=b.ar, page=page_path(b.ar), forbund=b.forbund, kind="beslutad_budget",
        beslutad=b.beslutad, beslutad_av=b.beslutad_av, kalla=b.kalla, unit=b.enhet, kommentar=b.kommentar,
        table=budget_table_view(b, numbers), shares=shares_view(b, numbers), overview=overview_view(b, numbers),
        financing=Finansiering(b.finansiering.kostnader, b.finansiering.medlemsintakter,
                               b.finansiering.ovriga_intakter, b.finansiering.fran_eget_kapital)
        if b.finansiering else None,
        deviations=deviations,
    )


@frozen
class BudgetListRad:
    year: int
    page: str
    forbund: str
    unit: str
    intakter: int | None  # adopted (printed where printed)
    kostnader: int | None
    resultat: int | None


def budget_list_view(ds) -> list[BudgetListRad]:
    """The budget years, newest first, with their adopted totals."""
    out = []
    for doc in reversed(ds.budgetar):
        b = doc.model
        col = b.budget_column()
        figures = {k: stated_figure(b, k, col.id) if col else None for k in TOTAL_LABELS}
        out.append(BudgetListRad(b.ar, page_path(b.ar), b.forbund, b.enhet, figures["intakter"],
                                 figures["kostnader"], figures["resultat"]))
    return out


@frozen
class Nyckeltal:
    """The start page's money figures of the latest budget year (adopted figures)."""

    year: int
    page: str
    forbund: str  # whose budget it is (the budget's own förbund, which may be a predecessor)
    unit: str
    kind: str  # figurslag: beslutad budget
    costs: int | None  # as a positive amount
    costs_computed: int | None
    member_contributions: int | None
    individual_share: Decimal | None  # as printed, else rounded as the source rounds
    individual_share_printed: bool


def key_figures_view(ds) -> Nyckeltal | None:
    docs = sorted(ds.budgetar, key=lambda d: d.model.ar)
    if not docs:
        return None
    b = docs[-1].model
    col = b.budget_column()
    if col is None:
        return None
    costs = stated_figure(b, "kostnader", col.id)
    computed = totals(b, col.id)["kostnader"]
    individual = next((s for s in shares(b, col.id) if s.category == "individ"), None)
    return Nyckeltal(
        year=b.ar, page=page_path(b.ar), forbund=b.forbund, unit=b.enhet, kind="beslutad_budget",
        costs=-costs if costs is not None else None,
        costs_computed=-computed if computed is not None else None,
        member_contributions=member_income(b, col.id),
        individual_share=(individual.stated if individual and individual.stated is not None
                          else individual.shown if individual else None),
        individual_share_printed=individual is not None and individual.stated is not None,
    )


@view_source
def budget_views(ds, today) -> list:
    out: list = [budget_page_view(ds, doc) for doc in ds.budgetar]
    out += budget_list_view(ds)
    kf = key_figures_view(ds)
    return out + ([kf] if kf else [])

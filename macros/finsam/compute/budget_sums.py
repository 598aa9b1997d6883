"""The budget's own arithmetic: sums, results and shares computed from the lines.

Every sum the source prints is compared with the sum of its lines
(``Comparison``); shares are rounded as the source rounds them (whole percent,
half up). ``compute.budget`` builds the pages' views from these; the checks
(checks/budget.py, checks/utfall.py) use them directly, so validating the data
creates none of the pages' view objects.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal

from ..model.budget import KATEGORI_LABELS, Angivet, Avvikelse, Budget, Grupp, Rad
from .rounding import round_half_up
from ..frozen import frozen


@frozen
class Comparison:
    """A printed sum beside the computed one."""

    stated: int | None
    computed: int | None
    avvikelse: Avvikelse | None = None

    @property
    def differs(self) -> bool:
        return self.stated is not None and self.computed is not None and self.stated != self.computed

    @property
    def difference(self) -> int | None:
        """stated − computed (positive: the source prints more than the lines give)."""
        if self.stated is None or self.computed is None:
            return None
        return self.stated - self.computed

    @property
    def unexplained(self) -> bool:
        return self.differs and (self.avvikelse is None or self.avvikelse.beraknat != self.computed)


@frozen
class Line:
    id: str
    name: str
    category: str | None
    amounts: dict[str, int | None]
    note: str | None = None


@frozen
class Group:
    id: str
    name: str
    lines: list[Line]
    sums: dict[str, Comparison]  # column -> printed/computed subtotal


@frozen
class Table:
    columns: list[str]
    income: list[Line | Group]
    costs: list[Line | Group]
    totals: dict[str, dict[str, Comparison]]  # "intakter"/"kostnader"/"resultat" -> column -> comparison


@frozen
class Share:
    category: str
    label: str
    amount: int
    exact: Decimal  # percent, unrounded
    shown: Decimal  # whole percent, rounded half up as the source rounds (they need not sum to 100)
    stated: Decimal | None = None
    avvikelse: Avvikelse | None = None

    @property
    def differs(self) -> bool:
        return self.stated is not None and self.stated != self.shown


@frozen
class Difference:
    """A printed figure that is not what the lines give (for the list of differences)."""

    what: str
    column: str
    stated: int | Decimal
    computed: int | Decimal
    avvikelse: Avvikelse | None
    path: tuple = field(default=())  # where in the file
    key: tuple = field(default=())  # what in the table: (group id or total kind, column id), ...


def post_ids(budget: Budget) -> set[str]:
    """The ids of every line and group of a budget (what other pages may link to)."""
    ids: set[str] = set()
    for post in budget.intakter + budget.kostnader:
        if isinstance(post, Grupp):
            ids.add(post.grupp)
            ids.update(r.id for r in post.rader)
        else:
            ids.add(post.id)
    return ids


def leaves(posts: list[Rad | Grupp]) -> list[Rad]:
    out: list[Rad] = []
    for post in posts:
        out += post.rader if isinstance(post, Grupp) else [post]
    return out


def column_sum(lines: list[Rad], column: str) -> int | None:
    """The lines' sum in a column; unknown if any line's amount is unknown."""
    values = [line.belopp.get(column) for line in lines]
    if any(v is None for v in values):
        return None
    return sum(values)


def _compare(stated: Angivet | None, column: str, computed: int | None) -> Comparison:
    if stated is None:
        return Comparison(None, computed)
    return Comparison(stated.angivet.get(column), computed, stated.avvikelse.get(column))


def _line(r: Rad, columns: list[str]) -> Line:
    return Line(r.id, r.namn, r.kategori, {c: r.belopp.get(c) for c in columns}, r.anmarkning)


def _posts(posts: list[Rad | Grupp], columns: list[str]) -> list[Line | Group]:
    out: list[Line | Group] = []
    for post in posts:
        if isinstance(post, Grupp):
            out.append(
                Group(
                    post.grupp,
                    post.namn,
                    [_line(r, columns) for r in post.rader],
                    {c: _compare(post.summa, c, column_sum(post.rader, c)) for c in columns},
                )
            )
        else:
            out.append(_line(post, columns))
    return out


def totals(budget: Budget, column: str) -> dict[str, int | None]:
    income = column_sum(leaves(budget.intakter), column)
    costs = column_sum(leaves(budget.kostnader), column)
    result = income + costs if income is not None and costs is not None else None
    return {"intakter": income, "kostnader": costs, "resultat": result}


def table(budget: Budget) -> Table:
    columns = [c.id for c in budget.kolumner]
    sums = {c: totals(budget, c) for c in columns}
    return Table(
        columns=columns,
        income=_posts(budget.intakter, columns),
        costs=_posts(budget.kostnader, columns),
        totals={
            kind: {c: _compare(getattr(budget.summor, kind), c, sums[c][kind]) for c in columns}
            for kind in ("intakter", "kostnader", "resultat")
        },
    )


def stated_figure(budget: Budget, kind: str, column: str) -> int | None:
    """A printed total if there is one, else the computed one (what the source's reader sees)."""
    stated = getattr(budget.summor, kind)
    if stated is not None and stated.angivet.get(column) is not None:
        return stated.angivet[column]
    return totals(budget, column)[kind]


def shares(budget: Budget, column: str) -> list[Share]:
    """Cost shares by category: exact, and whole percent rounded half up as the source rounds.

    Reported shares are rounded one by one, not forced to sum to 100 (an exact-sum
    method is for money split into parts); a printed share equal to the correctly
    rounded value is therefore never a deviation.
    """
    amounts: dict[str, int] = {}
    for line in leaves(budget.kostnader):
        value = line.belopp.get(column)
        if line.kategori in KATEGORI_LABELS and value is not None:
            amounts[line.kategori] = amounts.get(line.kategori, 0) + value
    categories = [k for k in KATEGORI_LABELS if k in amounts]
    if not categories or not any(amounts.values()):
        return []
    whole = sum(abs(amounts[k]) for k in categories)
    exact = [Decimal(abs(amounts[k])) * 100 / whole for k in categories]
    shown = [round_half_up(e) for e in exact]
    stated = {a.kategori: a for a in budget.andelar} if budget.budget_column() and column == budget.budget_column().id else {}
    return [
        Share(
            k,
            KATEGORI_LABELS[k],
            amounts[k],
            exact[i],
            shown[i],
            stated[k].procent if k in stated else None,
            stated[k].avvikelse if k in stated else None,
        )
        for i, k in enumerate(categories)
    ]


def member_income(budget: Budget, column: str) -> int | None:
    """Member contributions in a column: the income lines of category 'medlemsbidrag'."""
    lines = [r for r in leaves(budget.intakter) if r.kategori == "medlemsbidrag"]
    return column_sum(lines, column) if lines else None


def differences(budget: Budget) -> list[Difference]:
    """Every printed figure that differs from what the lines give, with its path in the file."""
    out: list[Difference] = []
    tab = table(budget)
    columns = {c.id: c.rubrik for c in budget.kolumner}
    for section, view in (("intakter", tab.income), ("kostnader", tab.costs)):
        for i, v in enumerate(view):
            if isinstance(v, Group):
                for c, comp in v.sums.items():
                    if comp.differs:
                        out.append(
                            Difference(f"{v.name} (delsumma)", columns[c], comp.stated, comp.computed,
                                       comp.avvikelse, (section, i, "summa", "angivet", c), (v.id, c))
                        )
    labels = {"intakter": "Summa intäkter", "kostnader": "Summa kostnader", "resultat": "Resultat"}
    for kind, by_col in tab.totals.items():
        for c, comp in by_col.items():
            if comp.differs:
                out.append(
                    Difference(labels[kind], columns[c], comp.stated, comp.computed, comp.avvikelse,
                               ("summor", kind, "angivet", c), (kind, c))
                )
    col = budget.budget_column()
    if col is not None:
        for share in shares(budget, col.id):
            if share.differs:
                i = next(j for j, a in enumerate(budget.andelar) if a.kategori == share.category)
                out.append(
                    Difference(f"Andel: {share.label}", col.rubrik, share.stated, share.shown,
                               share.avvikelse, ("andelar", i, "procent"), ("andel", share.category))
                )
    for i, row in enumerate(budget.oversikt):
        for kind, comp in overview_comparisons(budget, i).items():
            if comp.differs:
                out.append(
                    Difference(f"Budgetöversikt {row.ar}: {OVERVIEW_LABELS[kind]}", str(row.ar), comp.stated,
                               comp.computed, comp.avvikelse, ("oversikt", i, kind), ("oversikt", row.ar, kind))
                )
    return out


OVERVIEW_LABELS = {
    "intakter": "budgeterade intäkter",
    "kostnader": "budgeterade kostnader",
    "resultat": "budgeterat resultat",
    "prognos_resultat": "prognos utfall",
    "eget_kapital_31_dec": "eget kapital 31 december",
}


def overview_comparisons(budget: Budget, index: int) -> dict[str, Comparison]:
    """The overview row's figures beside what the table (and the row before) give."""
    row = budget.oversikt[index]
    out: dict[str, Comparison] = {}
    ack = row.avvikelse.get
    budget_col = next((c for c in budget.kolumner if c.slag == "budget" and c.ar == row.ar), None)
    prognos_col = next((c for c in budget.kolumner if c.slag == "prognos" and c.ar == row.ar), None)
    if budget_col is not None:
        out["intakter"] = Comparison(row.intakter, stated_figure(budget, "intakter", budget_col.id), ack("intakter"))
        out["kostnader"] = Comparison(row.kostnader, stated_figure(budget, "kostnader", budget_col.id), ack("kostnader"))
    if row.intakter is not None and row.kostnader is not None:
        out["resultat"] = Comparison(row.resultat, row.intakter + row.kostnader, ack("resultat"))
    if prognos_col is not None and row.prognos_resultat is not None:
        out["prognos_resultat"] = Comparison(
            row.prognos_resultat, stated_figure(budget, "resultat", prognos_col.id), ack("prognos_resultat")
        )
    if index > 0:
        prev = budget.oversikt[index - 1]
        if prev.eget_kapital_31_dec is not None and row.resultat is not None and prev.ar == row.ar - 1:
            out["eget_kapital_31_dec"] = Comparison(
                row.eget_kapital_31_dec, prev.eget_kapital_31_dec + row.resultat, ack("eget_kapital_31_dec")
            )
    return {k: v for k, v in out.items() if v.stated is not None}


def budget_documents(ds) -> list:
    """The data set's budget documents, oldest year first; [] without budget data."""
    return sorted(ds.budgetar, key=lambda d: d.model.ar)


def cost_lines(budget) -> dict:
    """A budget's cost lines (its leaves under ``kostnader``) by id."""
    return {line.id: line for line in leaves(budget.kostnader)}

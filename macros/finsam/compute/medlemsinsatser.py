"""Member contributions (medlemsinsatser) from the förbundsordning in force for the year.

The state pays its percentage, the region its percentage, and the municipalities
their common percentage, split between them by population on the rule's
reference date and in its age band. Every split uses ``rounding.allocate``, so
the parts always sum exactly to the whole; the municipalities' amounts are
rounded to a stated step (e.g. 100 kr).

Population figures are data with their own reference date and age bands. When
the figures at hand are not those the rule asks for, the basis says so in plain
words (``warnings``); the computation is then an approximation and is shown as one.

What a figure is (``model.figurslag``): the amounts a file states are what its
source says they are (``status``: requested, estimated or decided); the split
the site computes is a rule-based computation of that total, or an estimate when
the total is one. Neither is what a member has paid: no source gives that, and
the views say so (``paid_known``). ``MedlemsinsatserAr`` is the page's and the
download's view; ``medlem_belopp`` the member page's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal

from .. import urls
from ..model.figurslag import for_contributions
from .recent import newest_and_older
from ..model.medlemsinsatser import STATE
from .medlemsinsatser_split import (  # noqa: F401 - also reached as compute.medlemsinsatser.<name>
    Alternative,
    Part,
    PopulationBasis,
    Split,
    Versus,
    YearContributions,
    absolute_difference,
    band_label,
    compare,
    population_basis,
    split,
    year_contributions,
)
from .views import view_source
from ..frozen import frozen
from ..memo import by_identity


# -- view objects ---------------------------------------------------------------

STATE_NAME = "Staten (Arbetsförmedlingen och Försäkringskassan)"
PARTY_LABELS = {"stat": "Staten", "region": "Regionen", "kommuner": "Kommun"}


def page_path(year: int) -> str:
    """Site path of a year's contributions page (the URL plan's)."""
    return urls.medlemsinsatser_page(year)


def member_name(ds, member: str) -> str:
    if member == STATE:
        return STATE_NAME
    org = ds.organisation(member)
    return org.namn if org else member


@frozen
class InsatsRad:
    """One party's row: the rule's split beside the amount the source states."""

    member: str  # organisation id, or "staten"; the row's anchor
    name: str
    party: str  # "stat", "region", "kommuner"
    party_label: str
    anchors: tuple[str, ...]  # more ids the row answers to (the state agencies)
    population: int | None
    share: Decimal  # exact percent of the total
    computed: Decimal  # what the rule gives, kr
    stated: int | None  # what the source states, kr
    stated_approximate: bool
    difference: Decimal | None  # computed − stated


@frozen
class BefolkningsKolumn:
    reference_date: dt.date
    band_label: str
    municipal_difference: Decimal | None  # sum of |computed − stated| over the municipalities
    closest: bool


@frozen
class Jamforelse:
    """The same rule computed with every population file that covers the municipalities."""

    columns: list[BefolkningsKolumn]
    rows: list[tuple[str, list[Decimal], int | None]]  # (municipality name, amount per column, stated)
    stated_known: bool
    none_exact: bool
    closest: BefolkningsKolumn | None  # the figures whose split comes closest to the stated amounts


@frozen
class BudgeteratMedlemsbidrag:
    """The member funds the year's adopted budget counts on (in the budget's unit)."""

    amount: int
    unit: str
    column: str
    page: str
    anchor: str  # the first member-funds line of the table


@frozen
class MedlemsinsatserAr:
    """Everything a year's contributions page and its download show."""

    year: int
    page: str
    kalla: str
    status: str
    stated_kind: str  # figurslag of the amounts the source states
    computed_kind: str  # figurslag of the site's split
    beskrivning: str
    kommentar: str | None
    medskick: str | None  # the source's advice to the members
    forbundsordning_key: str | None
    paragraph_anchor: str | None
    paragraph_label: str | None
    shares: dict[str, Decimal] | None  # the rule's percentages: "stat", "region", "kommuner"
    band_label: str | None  # the rule's age band, None without a municipal split
    reference_date: dt.date | None  # the population date the rule asks for
    total: Decimal | None
    total_approximate: bool
    step: int
    basis: PopulationBasis | None
    basis_key: str | None
    warnings: list[str]
    rows: list[InsatsRad]
    population_total: int | None
    computed_total: Decimal | None
    stated_total: int | None  # the stated amounts' sum, when every party's is stated
    stated_total_differs: bool
    municipal_total: Decimal | None
    municipal_remainder: Decimal | None  # the municipalities' part modulo the step (0: divides evenly)
    comparison: Jamforelse | None
    budgeted: BudgeteratMedlemsbidrag | None
    paid_known: bool  # whether any source states what the members paid this year


def _budgeted(ds, year: int) -> BudgeteratMedlemsbidrag | None:
    from .budget import leaves, member_income
    from .budget import page_path as budget_page

    doc = ds.by_key("budgetar", str(year))
    if doc is None:
        return None
    col = doc.model.budget_column()
    amount = member_income(doc.model, col.id) if col is not None else None
    if amount is None:
        return None
    line = next(r for r in leaves(doc.model.intakter) if r.kategori == "medlemsbidrag")
    return BudgeteratMedlemsbidrag(amount, doc.model.enhet, col.rubrik, budget_page(year), line.id)


def _comparison(ds, view: YearContributions) -> Jamforelse | None:
    if len(view.alternatives) < 2:
        return None
    munis = [m for m, kind in view.parties if kind == "kommuner"]
    known = [a for a in view.alternatives if a.municipal_difference is not None]
    best = min(known, key=lambda a: a.municipal_difference) if known else None
    columns = [
        BefolkningsKolumn(a.basis.reference_date, a.basis.band_label, a.municipal_difference, a is best)
        for a in view.alternatives
    ]
    rows = [
        (member_name(ds, m), [a.split.part(m).amount for a in view.alternatives], view.stated.get(m)) for m in munis
    ]
    return Jamforelse(
        columns=columns,
        rows=rows,
        stated_known=bool(known),
        none_exact=not any(a.basis.exact for a in view.alternatives),
        closest=next((c for c in columns if c.closest), None),
    )


@by_identity  # asked for by the year's page, the list, each member's page, the start page and a download
def medlemsinsatser_view(ds, doc) -> MedlemsinsatserAr:
    """The view of one year's contributions file (``doc``)."""
    m = doc.model
    view = year_contributions(ds, doc)
    stated_kind = for_contributions(m.status)
    computed_kind = "uppskattning" if stated_kind == "uppskattning" or m.total_ungefarlig else "regelberakning"
    rows: list[InsatsRad] = []
    split_ = view.split if view is not None else None
    state_agencies = tuple(o.id for o in ds.forbund.model.organisationer if o.typ == "statlig_myndighet")
    if view is not None and split_ is not None:
        for member, kind in view.parties:
            part = split_.part(member)
            stated = view.stated.get(member)
            rows.append(
                InsatsRad(
                    member=member,
                    name=member_name(ds, member),
                    party=kind,
                    party_label=PARTY_LABELS[kind],
                    anchors=state_agencies if member == STATE else (),
                    population=part.population,
                    share=part.share,
                    computed=part.amount,
                    stated=stated,
                    stated_approximate=member in view.approximate,
                    difference=(part.amount - stated) if stated is not None else None,
                )
            )
    all_stated = bool(rows) and all(r.stated is not None for r in rows)
    stated_total = sum(r.stated for r in rows) if all_stated else None
    populations = [r.population for r in rows if r.population is not None]
    muni = split_.amount_for("kommuner") if split_ is not None and any(r.party == "kommuner" for r in rows) else None
    kf = view.rule.kommunfordelning if view is not None else None
    return MedlemsinsatserAr(
        year=m.ar,
        page=page_path(m.ar),
        kalla=m.kalla,
        status=m.status,
        stated_kind=stated_kind,
        computed_kind=computed_kind,
        beskrivning=m.beskrivning,
        kommentar=m.kommentar,
        medskick=m.medskick,
        forbundsordning_key=view.forbundsordning_key if view else None,
        paragraph_anchor=view.paragraph_anchor if view else None,
        paragraph_label=view.paragraph_label if view else None,
        shares={p: Decimal(getattr(view.rule, p)) for p in ("stat", "region", "kommuner")} if view else None,
        band_label=band_label(kf.aldersgrupp) if kf is not None else None,
        reference_date=kf.referensdatum.in_year(m.ar - 1) if kf is not None else None,
        total=view.total if view else (Decimal(m.total_kr) if m.total_kr is not None else None),
        total_approximate=m.total_ungefarlig,
        step=m.avrundning_kr,
        basis=split_.basis if split_ is not None else None,
        basis_key=split_.basis.key if split_ is not None and split_.basis is not None else None,
        warnings=view.warnings if view else [],
        rows=rows,
        population_total=sum(populations) if populations else None,
        computed_total=sum((r.computed for r in rows), Decimal(0)) if rows else None,
        stated_total=stated_total,
        stated_total_differs=stated_total is not None and view is not None and stated_total != view.total,
        municipal_total=muni,
        municipal_remainder=(muni % m.avrundning_kr) if muni is not None else None,
        comparison=_comparison(ds, view) if view is not None else None,
        budgeted=_budgeted(ds, m.ar),
        paid_known=False,  # no contributions file records a payment (an outcome) yet
    )


@view_source
def medlemsinsatser_views(ds, today: dt.date) -> list[MedlemsinsatserAr]:
    return [medlemsinsatser_view(ds, doc) for doc in ds.medlemsinsatser]


@frozen
class MedlemsBelopp:
    """A member's amount for one year, as its member page shows it."""

    year: int
    page: str
    anchor: str  # the member's row on the year's page
    kind: str  # figurslag
    amount: Decimal | int | None
    approximate: bool
    joint_state: bool  # the state's joint amount (for a state agency)
    from_source: bool  # stated by the source (else the site's split of the total)
    total: Decimal | None
    total_approximate: bool
    paid_known: bool
    medskick: str | None


@frozen
class MedlemsAr:
    """An older year of a member's contributions: a link to the member's row on that year's page."""

    year: int
    page: str
    anchor: str


@frozen
class MedlemsEkonomi:
    org_id: str
    amounts: list[MedlemsBelopp]  # the newest years (compute.recent), newest first
    older: list[MedlemsAr] = field(default_factory=list)  # every older year with a row, newest first


def _has_row(ds, doc, row_id: str) -> bool:
    """Whether the year's page has a row for ``row_id`` (as medlemsinsatser_view makes its rows)."""
    view = year_contributions(ds, doc)
    return view is not None and view.split is not None and any(member == row_id for member, _ in view.parties)


def medlem_belopp(ds, org_id: str) -> MedlemsEkonomi:
    """One member organisation's contributions, newest first: the newest years in full,
    with each amount's kind; each older year as a link to its page (compute.recent)."""
    org = ds.organisation(org_id)
    row_id = STATE if org is not None and org.typ == "statlig_myndighet" else org_id
    docs = [doc for doc in reversed(ds.medlemsinsatser) if _has_row(ds, doc, row_id)]
    newest, older = newest_and_older(docs, lambda doc: doc.model.ar)
    out: list[MedlemsBelopp] = []
    for doc in newest:
        v = medlemsinsatser_view(ds, doc)
        row = next(r for r in v.rows if r.member == row_id)
        from_source = row.stated is not None
        out.append(
            MedlemsBelopp(
                year=v.year,
                page=v.page,
                anchor=org_id,
                kind=v.stated_kind if from_source else v.computed_kind,
                amount=row.stated if from_source else row.computed,
                approximate=row.stated_approximate if from_source else v.total_approximate,
                joint_state=row_id == STATE,
                from_source=from_source,
                total=v.total,
                total_approximate=v.total_approximate,
                paid_known=v.paid_known,
                medskick=v.medskick,
            )
        )
    return MedlemsEkonomi(org_id, out, [MedlemsAr(doc.model.ar, page_path(doc.model.ar), org_id) for doc in older])

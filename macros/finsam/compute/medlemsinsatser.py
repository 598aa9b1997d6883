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
from dataclasses import dataclass, field
from decimal import Decimal

from .. import urls
from ..memo import by_identity
from ..model.befolkning import Befolkning
from ..model.figurslag import for_contributions
from .recent import newest_and_older
from ..model.forbundsordning import Kostnadsfordelning
from ..model.medlemsinsatser import STATE
from .rounding import allocate
from .views import view_source


@dataclass(frozen=True)
class PopulationBasis:
    """The population figures a split uses, and how they differ from the rule."""

    key: str  # the population file's name (its reference date)
    reference_date: dt.date
    band_label: str
    figures: dict[str, int]  # municipality -> population in the band used
    wanted_date: dt.date | None
    wanted_band: str
    warnings: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return not self.warnings


def band_label(band) -> str:
    if band == "alla":
        return "alla åldrar"
    return f"{band.fran}–{band.till} år"


def population_basis(
    key: str, pop: Befolkning, rule: Kostnadsfordelning, year: int, municipalities: list[str]
) -> PopulationBasis | None:
    """The figures of ``pop`` for the rule's age band (or the nearest it can give).

    None if the file lacks a municipality.
    """
    kf = rule.kommunfordelning
    wanted_date = kf.referensdatum.in_year(year - 1) if kf is not None else None
    wanted = kf.aldersgrupp if kf is not None else "alla"
    bands = pop.aldersgrupper
    if wanted == "alla":
        indices = list(range(len(bands)))
        used = "alla åldrar"
        band_ok = True
    else:
        inside = [i for i, b in enumerate(bands) if b.fran >= wanted.fran and b.till is not None and b.till <= wanted.till]
        if inside and bands[inside[0]].fran == wanted.fran and bands[inside[-1]].till == wanted.till:
            indices, used, band_ok = inside, band_label(wanted), True
        elif inside:
            indices = inside
            used = f"{bands[inside[0]].fran}–{bands[inside[-1]].till} år"
            band_ok = False
        else:
            indices, used, band_ok = list(range(len(bands))), "alla åldrar", False
    figures: dict[str, int] = {}
    for m in municipalities:
        row = pop.figures(m)
        if row is None or len(row.antal) != len(bands):
            return None
        figures[m] = sum(row.antal[i] for i in indices)
    warnings = []
    if wanted_date is not None and pop.referensdatum != wanted_date:
        warnings.append(
            f"förbundsordningen fördelar efter befolkningen den {_date(wanted_date)}, "
            f"men siffrorna som används gäller den {_date(pop.referensdatum)}"
        )
    if not band_ok:
        warnings.append(
            f"förbundsordningen fördelar efter invånare i åldern {band_label(wanted)}, "
            f"men siffrorna som används avser {used}"
        )
    return PopulationBasis(key, pop.referensdatum, used, figures, wanted_date, band_label(wanted), warnings)


def _date(d: dt.date) -> str:
    months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
              "september", "oktober", "november", "december"]
    return f"{d.day} {months[d.month - 1]} {d.year}"


@dataclass(frozen=True)
class Part:
    member: str  # "staten", a region's or a municipality's organisation id
    kind: str  # "stat", "region", "kommuner"
    population: int | None
    exact: Decimal  # the unrounded amount, kr
    amount: Decimal  # kr, after the rounding step
    share: Decimal  # exact percent of the total


@dataclass(frozen=True)
class Split:
    total: Decimal
    step: int
    parts: list[Part]
    basis: PopulationBasis | None

    def part(self, member: str) -> Part | None:
        return next((p for p in self.parts if p.member == member), None)

    def amount_for(self, kind: str) -> Decimal:
        return sum((p.amount for p in self.parts if p.kind == kind), Decimal(0))


def split(
    total: Decimal | int,
    rule: Kostnadsfordelning,
    regions: list[str],
    municipalities: list[str],
    basis: PopulationBasis | None,
    step: int = 100,
) -> Split:
    """Split ``total`` kr between the state, the region(s) and the municipalities.

    The three parts are whole kronor summing to the total; regions share their
    part equally, municipalities by ``basis`` population, rounded to ``step`` kr.
    """
    total = Decimal(total)
    state_amt, region_amt, muni_amt = allocate(total, [rule.stat, rule.region, rule.kommuner], 1)
    parts = [Part(STATE, "stat", None, total * rule.stat / 100, state_amt, Decimal(rule.stat))]
    if regions:
        for r, amt in zip(regions, allocate(region_amt, [1] * len(regions), 1)):
            parts.append(Part(r, "region", None, total * rule.region / 100 / len(regions), amt, Decimal(rule.region) / len(regions)))
    if municipalities:
        if basis is None:
            raise ValueError("municipalities need a population basis")
        weights = [basis.figures[m] for m in municipalities]
        amounts = allocate(muni_amt, weights, step)
        population = sum(weights)
        for m, w, amt in zip(municipalities, weights, amounts):
            parts.append(
                Part(m, "kommuner", w, muni_amt * w / population, amt, Decimal(rule.kommuner) * w / population)
            )
    return Split(total, step, parts, basis)


@dataclass(frozen=True)
class Versus:
    member: str
    computed: Decimal
    stated: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        return None if self.stated is None else self.computed - self.stated


def compare(s: Split, stated: dict[str, int | None]) -> list[Versus]:
    return [Versus(p.member, p.amount, Decimal(stated[p.member]) if stated.get(p.member) is not None else None) for p in s.parts]


def absolute_difference(s: Split, stated: dict[str, int | None], kind: str = "kommuner") -> Decimal | None:
    """Sum of |computed − stated| over one kind of member; None if a stated amount is missing."""
    total = Decimal(0)
    for v in compare(s, stated):
        if s.part(v.member).kind != kind:
            continue
        if v.difference is None:
            return None
        total += abs(v.difference)
    return total


@dataclass(frozen=True)
class Alternative:
    basis: PopulationBasis
    split: Split
    municipal_difference: Decimal | None  # sum of |computed − stated| over the municipalities


@dataclass(frozen=True)
class YearContributions:
    """Everything the contributions page of one year shows."""

    year: int
    forbundsordning_key: str
    paragraph_anchor: str | None
    paragraph_label: str | None
    rule: Kostnadsfordelning
    total: Decimal
    total_approximate: bool
    step: int
    parties: list[tuple[str, str]]  # (member id or "staten", kind) in table order
    stated: dict[str, int | None]
    approximate: set[str]
    split: Split | None
    alternatives: list[Alternative]
    warnings: list[str]


@by_identity  # asked for by the year's page, each member's page and the downloads
def year_contributions(ds, doc) -> YearContributions | None:
    """The split of a year's contributions under the förbundsordning in force that year.

    ``ds`` is the data set (only read); ``doc`` the year's Medlemsinsatser document.
    None when no förbundsordning with a cost rule is in force that year, or the
    total is unknown.
    """
    m = doc.model
    fo_doc = ds.forbundsordning_for_year(m.ar)
    if fo_doc is None or m.total_kr is None:
        return None
    paragraph, rule = fo_doc.model.rule("kostnadsfordelning")
    _, members = fo_doc.model.rule("medlemmar")
    if rule is None or members is None:
        return None
    orgs = [ds.organisation(x) for x in members]
    regions = [o.id for o in orgs if o is not None and o.typ == "region"]
    municipalities = sorted((o for o in orgs if o is not None and o.typ == "kommun"), key=lambda o: o.namn)
    muni_ids = [o.id for o in municipalities]
    parties = [(STATE, "stat")] + [(r, "region") for r in regions] + [(k, "kommuner") for k in muni_ids]
    stated = {i.medlem: i.belopp_kr for i in m.insatser}
    approximate = {i.medlem for i in m.insatser if i.ungefarligt}

    alternatives: list[Alternative] = []
    primary: Split | None = None
    warnings: list[str] = []
    for pop_doc in ds.befolkning:
        basis = population_basis(pop_doc.key, pop_doc.model, rule, m.ar, muni_ids)
        if basis is None:
            continue
        s = split(m.total_kr, rule, regions, muni_ids, basis, m.avrundning_kr)
        alternatives.append(Alternative(basis, s, absolute_difference(s, stated)))
        if pop_doc.key == m.befolkning:
            primary = s
            warnings = list(basis.warnings)
    if muni_ids and m.befolkning is None:
        warnings.append("ingen befolkningsfil är vald (befolkning: null), så kommunernas belopp kan inte räknas fram")
    elif muni_ids and primary is None:
        warnings.append(f"befolkningsfilen {m.befolkning} saknar någon av medlemskommunerna")
    if not muni_ids and primary is None:
        primary = split(m.total_kr, rule, regions, [], None, m.avrundning_kr)
    return YearContributions(
        year=m.ar,
        forbundsordning_key=fo_doc.key,
        paragraph_anchor=paragraph.ankare if paragraph else None,
        paragraph_label=(f"§ {paragraph.nummer}" if paragraph and paragraph.nummer else None),
        rule=rule,
        total=Decimal(m.total_kr),
        total_approximate=m.total_ungefarlig,
        step=m.avrundning_kr,
        parties=parties,
        stated=stated,
        approximate=approximate,
        split=primary,
        alternatives=sorted(alternatives, key=lambda a: a.basis.reference_date),
        warnings=warnings,
    )


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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class BefolkningsKolumn:
    reference_date: dt.date
    band_label: str
    municipal_difference: Decimal | None  # sum of |computed − stated| over the municipalities
    closest: bool


@dataclass(frozen=True)
class Jamforelse:
    """The same rule computed with every population file that covers the municipalities."""

    columns: list[BefolkningsKolumn]
    rows: list[tuple[str, list[Decimal], int | None]]  # (municipality name, amount per column, stated)
    stated_known: bool
    none_exact: bool
    closest: BefolkningsKolumn | None  # the figures whose split comes closest to the stated amounts


@dataclass(frozen=True)
class BudgeteratMedlemsbidrag:
    """The member funds the year's adopted budget counts on (in the budget's unit)."""

    amount: int
    unit: str
    column: str
    page: str
    anchor: str  # the first member-funds line of the table


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class MedlemsAr:
    """An older year of a member's contributions: a link to the member's row on that year's page."""

    year: int
    page: str
    anchor: str


@dataclass(frozen=True)
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

"""The split of a year's member contributions, and what it is computed from.

``year_contributions`` splits a year's total under the förbundsordning in force
that year (see compute.medlemsinsatser for the rules and the pages' views).
Validation's warnings (notices.py) read it directly, so validating the data
creates none of the pages' view objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal

from ..memo import by_identity
from ..model.befolkning import Befolkning
from ..model.forbundsordning import Kostnadsfordelning
from ..model.medlemsinsatser import STATE
from .rounding import allocate
from ..frozen import frozen


@frozen
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


@frozen
class Part:
    member: str  # "staten", a region's or a municipality's organisation id
    kind: str  # "stat", "region", "kommuner"
    population: int | None
    exact: Decimal  # the unrounded amount, kr
    amount: Decimal  # kr, after the rounding step
    share: Decimal  # exact percent of the total


@frozen
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


@frozen
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


@frozen
class Alternative:
    basis: PopulationBasis
    split: Split
    municipal_difference: Decimal | None  # sum of |computed − stated| over the municipalities


@frozen
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


"""Försäkringskassan's model for allocating the state's funds between förbund.

From Försäkringskassan's letter on the funds for 2023: each förbund first gets a
base amount (400 tkr). The rest of the state's frame is split by two keys: 75 %
by the förbund's share of the national försörjningsmått and 25 % by its share of
the national population aged 16–64. A förbund's allocation may fall by at most
10 % from one year to the next. The letter does not say how that floor is paid
for (presumably by the other förbund); it is applied here to one förbund alone.
Amounts in tkr; the final amount is rounded to whole tkr, half up.
"""

from __future__ import annotations

from decimal import Decimal

from .rounding import round_half_up
from .views import view_source
from ..frozen import frozen


@frozen
class Allocation:
    base: Decimal
    remaining_frame: Decimal  # the frame after every förbund's base amount
    by_support_measure: Decimal  # försörjningsmått part
    by_population: Decimal
    model_amount: Decimal  # base + both parts, unrounded
    floor: Decimal | None  # least allowed after the cap on decrease
    amount: Decimal  # final, whole tkr
    floor_applied: bool


def allocate_state_funds(
    frame: Decimal,
    forbund_count: int,
    base: Decimal,
    support_weight_pct: Decimal,
    population_weight_pct: Decimal,
    support_share_pct: Decimal,
    population_share_pct: Decimal,
    previous: Decimal | None,
    max_decrease_pct: Decimal,
) -> Allocation:
    """One förbund's allocation (tkr) under the model.

    ``support_share_pct``/``population_share_pct``: the förbund's share of the
    national totals, in percent. ``previous``: last year's allocation, if any.
    """
    frame, base = Decimal(frame), Decimal(base)
    if forbund_count < 1:
        raise ValueError("at least one förbund")
    if Decimal(support_weight_pct) + Decimal(population_weight_pct) != 100:
        raise ValueError("the two keys must weigh 100 % together")
    remaining = frame - base * forbund_count
    if remaining < 0:
        raise ValueError("the frame does not cover every förbund's base amount")
    by_support = remaining * Decimal(support_weight_pct) / 100 * Decimal(support_share_pct) / 100
    by_population = remaining * Decimal(population_weight_pct) / 100 * Decimal(population_share_pct) / 100
    model_amount = base + by_support + by_population
    floor = Decimal(previous) * (100 - Decimal(max_decrease_pct)) / 100 if previous is not None else None
    applied = floor is not None and floor > model_amount
    final = floor if applied else model_amount
    return Allocation(base, remaining, by_support, by_population, model_amount, floor, round_half_up(final), applied)


# -- view objects ---------------------------------------------------------------


@frozen
class Steg:
    key: str  # machine name (the download's "steg")
    label: str
    amount: Decimal | None  # tkr
    decimals: int
    total: bool  # a result row (set apart)


@frozen
class Fordelningsmodell:
    """The allocation model as its page and download show it; the example is invented (fiktivt exempel)."""

    year: int
    kalla: str
    base: Decimal
    support_weight: Decimal
    population_weight: Decimal
    band: tuple[int, int]
    max_decrease: Decimal
    least_share_of_previous: Decimal  # 100 − the largest decrease, percent
    beskrivning: str
    example_note: str | None
    example_kind: str | None  # "fiktivt_exempel"
    steps: list[Steg]
    floor_applied: bool | None
    forbund_count: int | None
    support_share: Decimal | None
    population_share: Decimal | None
    previous: Decimal | None


def model_view(doc) -> Fordelningsmodell:
    m = doc.model
    e = m.exempel
    steps: list[Steg] = []
    a = None
    if e is not None:
        a = allocate_state_funds(
            frame=e.statlig_ram_tkr, forbund_count=e.antal_forbund, base=m.grundtilldelning_tkr,
            support_weight_pct=m.forsorjningsmatt_procent, population_weight_pct=m.invanare_procent,
            support_share_pct=e.andel_forsorjningsmatt_procent, population_share_pct=e.andel_invanare_procent,
            previous=e.foregaende_ar_tkr, max_decrease_pct=m.max_minskning_procent,
        )
        steps = [
            Steg("statlig_ram", "Statens ram", Decimal(e.statlig_ram_tkr), 0, False),
            Steg("grundtilldelning_alla", "Grundtilldelning till alla förbund", a.base * e.antal_forbund, 0, False),
            Steg("kvar_efter_grund", "Kvar att fördela efter nycklarna", a.remaining_frame, 0, False),
            Steg("forsorjningsmatt", "Del efter försörjningsmått", a.by_support_measure, 1, False),
            Steg("invanare", "Del efter invånare", a.by_population, 1, False),
            Steg("grundtilldelning", "Grundtilldelning", a.base, 0, False),
            Steg("enligt_nycklarna", "Enligt nycklarna", a.model_amount, 1, True),
            Steg("sparr", "Spärrens golv", a.floor, 1, False),
            Steg("tilldelning", "Tilldelning, avrundad till hela tkr", a.amount, 0, True),
        ]
    return Fordelningsmodell(
        year=m.ar, kalla=m.kalla, base=m.grundtilldelning_tkr, support_weight=m.forsorjningsmatt_procent,
        population_weight=m.invanare_procent, band=(m.invanare_aldersgrupp.fran, m.invanare_aldersgrupp.till),
        max_decrease=m.max_minskning_procent, least_share_of_previous=100 - m.max_minskning_procent,
        beskrivning=m.beskrivning,
        example_note=e.forklaring if e else None, example_kind="fiktivt_exempel" if e else None,
        steps=steps, floor_applied=a.floor_applied if a else None,
        forbund_count=e.antal_forbund if e else None,
        support_share=e.andel_forsorjningsmatt_procent if e else None,
        population_share=e.andel_invanare_procent if e else None,
        previous=e.foregaende_ar_tkr if e else None,
    )


@view_source
def allocation_views(ds, today) -> list[Fordelningsmodell]:
    return [model_view(doc) for doc in ds.fordelningsmodeller]

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

from dataclasses import dataclass
from decimal import Decimal

from .rounding import round_half_up


@dataclass(frozen=True)
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

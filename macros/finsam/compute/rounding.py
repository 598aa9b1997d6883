"""Explicit rounding, and splitting a whole into parts that sum to it exactly.

Every split of money into parts goes through ``allocate``: the largest
remainder method (Hamilton). Reported percentages do not: they are rounded one
by one with ``round_half_up``, as the sources round them (``compute.budget.shares``). Each part gets the whole number of steps its exact
share holds; the steps left over go, one each, to the parts with the largest
remainders; ties go to the larger weight, then to the earlier part. If the whole
is not a multiple of the step (a quarter of 7 525 000 kr is 1 881 250 kr, not a
multiple of 100 kr), the last odd amount goes to the part furthest below its
exact share. The parts always sum exactly to the whole.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Sequence


def round_half_up(value: Decimal, step: Decimal | int = 1) -> Decimal:
    """Round to a multiple of ``step``, halves away from zero (3 762,5 -> 3 763)."""
    step = Decimal(step)
    return (Decimal(value) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def allocate(total: Decimal | int, weights: Sequence[Decimal | int], step: Decimal | int = 1) -> list[Decimal]:
    """Split ``total`` in proportion to ``weights``; parts sum exactly to ``total``.

    ``total`` must be a multiple of the smallest unit used (whole kronor, whole
    percent); ``step`` is the rounding step of the parts (e.g. 100 kr).
    """
    total = Decimal(total)
    step = Decimal(step)
    weights = [Decimal(w) for w in weights]
    if step <= 0:
        raise ValueError("step must be positive")
    if total < 0:
        raise ValueError("total must not be negative")
    if not weights:
        raise ValueError("nothing to split between")
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    weight_sum = sum(weights)
    if weight_sum == 0:
        raise ValueError("weights sum to zero")

    exact = [total * w / weight_sum for w in weights]
    units = [(e / step).to_integral_value(rounding=ROUND_FLOOR) for e in exact]
    parts = [u * step for u in units]
    steps_left = int(((total - sum(parts)) / step).to_integral_value(rounding=ROUND_FLOOR))
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), -weights[i], i))
    for i in order[:steps_left]:
        parts[i] += step
    odd = total - sum(parts)
    if odd:
        # Smaller than one step: give it to the part furthest below its exact share.
        i = max(range(len(parts)), key=lambda i: (exact[i] - parts[i], weights[i], -i))
        parts[i] += odd
    assert sum(parts) == total
    return parts

"""The chair's and vice chair's fixed yearly remuneration: a percentage of the Region's base amount."""

from __future__ import annotations

from decimal import Decimal

from .rounding import round_half_up


def fixed_remuneration(percent: Decimal, base_amount: int | None) -> Decimal | None:
    """Whole kronor, half up; None (unknown) while the base amount is unknown."""
    if base_amount is None:
        return None
    return round_half_up(Decimal(base_amount) * Decimal(percent) / 100)

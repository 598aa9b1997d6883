"""Rounding: parts always sum exactly to the whole (property-based), and worked cases."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finsam.compute.rounding import allocate, round_half_up


@given(
    total=st.integers(min_value=0, max_value=10**10),
    weights=st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=15).filter(lambda w: sum(w) > 0),
    step=st.sampled_from([1, 10, 100, 1000]),
)
@settings(max_examples=400, deadline=None)
def test_parts_sum_exactly_to_the_whole(total, weights, step):
    parts = allocate(total, weights, step)
    assert sum(parts) == total
    assert len(parts) == len(weights)
    assert all(p >= 0 for p in parts)
    # every part but at most one is a multiple of the step
    assert sum(1 for p in parts if p % step) <= 1
    # no part is more than one step (plus the odd remainder) from its exact share
    whole = sum(weights)
    for p, w in zip(parts, weights):
        exact = Decimal(total) * w / whole
        assert abs(p - exact) < 2 * step


def test_zero_weight_gets_nothing():
    # 250 and 750 exactly: both 50 over a step; the tie goes to the larger weight
    assert allocate(1000, [0, 1, 3], 100) == [0, 200, 800]


def test_quarter_not_a_multiple_of_the_step():
    # A quarter of 7 525 000 kr is 1 881 250 kr: the odd 50 kr goes to one municipality.
    parts = allocate(1881250, [13342, 16393, 5694, 22845, 4367, 10096], 100)
    assert sum(parts) == 1881250
    assert sorted(p % 100 for p in parts) == [0, 0, 0, 0, 0, 50]


def test_ties_go_to_the_larger_weight_then_the_earlier_part():
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate(10, [1, 2, 2, 1], 1) == [2, 3, 3, 2]  # exact 1.67/3.33/3.33/1.67


@pytest.mark.parametrize("bad", [dict(total=-1, weights=[1]), dict(total=1, weights=[]), dict(total=1, weights=[0, 0]),
                                 dict(total=1, weights=[-1, 2]), dict(total=1, weights=[1], step=0)])
def test_refuses_what_cannot_be_split(bad):
    with pytest.raises(ValueError):
        allocate(**bad)


def test_round_half_up():
    assert round_half_up(Decimal("2.5")) == 3
    assert round_half_up(Decimal("-2.5")) == -3
    assert round_half_up(Decimal("15.73"), Decimal("0.1")) == Decimal("15.7")
    assert round_half_up(Decimal("342950"), 100) == 343000

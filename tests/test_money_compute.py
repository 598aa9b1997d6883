"""Pure computations: contributions from a rule, the state allocation model, remuneration."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finsam.compute.fordelningsmodell import allocate_state_funds
from finsam.compute.medlemsinsatser import population_basis, split
from finsam.compute.arvoden import fixed_remuneration
from finsam.model.befolkning import Befolkning
from finsam.model.forbundsordning import Kostnadsfordelning

RULE_16_67 = Kostnadsfordelning.model_validate({
    "stat": 50, "region": 25, "kommuner": 25,
    "kommunfordelning": {"grund": "invanarantal", "aldersgrupp": {"fran": 16, "till": 67},
                         "referensdatum": {"manad": 11, "dag": 1}, "referensar": "aret_fore"},
})
RULE_ALL = Kostnadsfordelning.model_validate({
    "stat": 50, "region": 25, "kommuner": 25,
    "kommunfordelning": {"grund": "invanarantal", "aldersgrupp": "alla",
                         "referensdatum": {"manad": 11, "dag": 1}, "referensar": "aret_fore"},
})


def pop(date, bands, rows):
    return Befolkning.model_validate({
        "referensdatum": date, "beskrivning": "test", "kalla": "x",
        "aldersgrupper": [{"fran": f, "till": t} for f, t in bands],
        "kommuner": [{"kommun": k, "antal": a} for k, a in rows.items()],
    })


def test_exact_band_and_date_give_no_warning():
    p = pop("2023-11-01", [(0, 15), (16, 67), (68, None)], {"a": [1, 100, 5], "b": [2, 300, 7]})
    basis = population_basis("2023-11-01", p, RULE_16_67, 2024, ["a", "b"])
    assert basis.exact and basis.figures == {"a": 100, "b": 300} and basis.band_label == "16–67 år"


def test_narrower_bands_are_used_and_named():
    p = pop("2018-12-31", [(0, 15), (16, 24), (25, 64), (65, None)], {"a": [1, 10, 90, 5]})
    basis = population_basis("2018-12-31", p, RULE_16_67, 2024, ["a"])
    assert basis.figures == {"a": 100}
    assert basis.band_label == "16–64 år"
    assert len(basis.warnings) == 2
    assert "1 november 2023" in basis.warnings[0] and "31 december 2018" in basis.warnings[0]
    assert "16–67 år" in basis.warnings[1] and "16–64 år" in basis.warnings[1]


def test_totals_only_when_no_band_fits():
    p = pop("2024-12-31", [(0, None)], {"a": [1000]})
    basis = population_basis("2024-12-31", p, RULE_16_67, 2024, ["a"])
    assert basis.figures == {"a": 1000} and basis.band_label == "alla åldrar"
    assert "alla åldrar" in basis.warnings[1]


def test_all_ages_rule_sums_every_band():
    p = pop("2022-11-01", [(0, 15), (16, None)], {"a": [10, 90]})
    basis = population_basis("2022-11-01", p, RULE_ALL, 2023, ["a"])
    assert basis.exact and basis.figures == {"a": 100}


def test_missing_municipality_gives_no_basis():
    p = pop("2022-11-01", [(0, None)], {"a": [10]})
    assert population_basis("k", p, RULE_ALL, 2023, ["a", "b"]) is None


def test_split_2023_shape():
    p = pop("2022-11-01", [(0, None)], {"a": [3], "b": [1]})
    basis = population_basis("k", p, RULE_ALL, 2023, ["a", "b"])
    s = split(7525000, RULE_ALL, ["region"], ["a", "b"], basis, 100)
    assert [(x.member, x.amount) for x in s.parts] == [
        ("staten", 3762500), ("region", 1881250), ("a", 1410950), ("b", 470300)]
    assert sum(x.amount for x in s.parts) == 7525000


@given(
    total=st.integers(min_value=0, max_value=10**9),
    pops=st.lists(st.integers(min_value=1, max_value=300000), min_size=1, max_size=12),
    step=st.sampled_from([1, 100, 1000]),
)
@settings(max_examples=200, deadline=None)
def test_split_always_sums_to_the_total(total, pops, step):
    ids = [f"k{i}" for i in range(len(pops))]
    p = pop("2022-11-01", [(0, None)], {k: [n] for k, n in zip(ids, pops)})
    basis = population_basis("k", p, RULE_ALL, 2023, ids)
    s = split(total, RULE_ALL, ["r"], ids, basis, step)
    assert sum(x.amount for x in s.parts) == total
    assert s.amount_for("kommuner") == s.parts[-1].amount + sum(x.amount for x in s.parts[2:-1])
    assert s.amount_for("stat") + s.amount_for("region") + s.amount_for("kommuner") == total


def test_allocation_worked_example():
    a = allocate_state_funds(Decimal(100000), 50, Decimal(400), 75, 25, Decimal(2), Decimal("1.5"), Decimal(2500), 10)
    assert a.remaining_frame == 80000
    assert a.by_support_measure == 1200 and a.by_population == 300
    assert a.model_amount == 1900 and a.floor == 2250
    assert a.floor_applied and a.amount == 2250


def test_allocation_without_previous_year_has_no_floor():
    a = allocate_state_funds(Decimal(10000), 5, Decimal(400), 75, 25, Decimal(20), Decimal(20), None, 10)
    assert a.floor is None and not a.floor_applied and a.amount == 2000


@given(
    frame=st.integers(min_value=40000, max_value=500000),
    count=st.integers(min_value=1, max_value=100),
    support=st.decimals(min_value=0, max_value=100, places=2),
    population=st.decimals(min_value=0, max_value=100, places=2),
    previous=st.one_of(st.none(), st.integers(min_value=0, max_value=50000)),
)
@settings(max_examples=200, deadline=None)
def test_allocation_properties(frame, count, support, population, previous):
    a = allocate_state_funds(Decimal(frame), count, Decimal(400), 75, 25, support, population,
                             Decimal(previous) if previous is not None else None, 10)
    assert a.amount >= 400
    if previous is not None:
        assert a.amount >= Decimal(previous) * Decimal("0.9") - Decimal("0.5")
    assert a.model_amount == a.base + a.by_support_measure + a.by_population


def test_allocation_refuses_impossible_input():
    with pytest.raises(ValueError):
        allocate_state_funds(Decimal(1000), 5, Decimal(400), 75, 25, 1, 1, None, 10)
    with pytest.raises(ValueError):
        allocate_state_funds(Decimal(10000), 5, Decimal(400), 70, 25, 1, 1, None, 10)


def test_remuneration():
    assert fixed_remuneration(Decimal(7), None) is None
    assert fixed_remuneration(Decimal(7), 600000) == 42000
    assert fixed_remuneration(Decimal(5), 12345) == 617  # 617,25 -> 617
    assert fixed_remuneration(Decimal("2.5"), 100) == 3  # 2,5 -> 3 (half up)



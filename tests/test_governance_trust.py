"""Governance pages say only what the sources say: the documents' own numbering,
rules only for the body and period they govern, and "now" computed from the build date."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import FIXTURE, REAL_DATA
from finsam.compute import forbundsordning as fo_views
from finsam.dataset import load_dataset
from finsam.render import Context
from finsam.render import forbundsordning as fo_render

TWO_DATES = (dt.date(2023, 6, 1), dt.date(2027, 2, 1))


@pytest.fixture(scope="module")
def real():
    return load_dataset(REAL_DATA)


@pytest.mark.parametrize("data", [REAL_DATA, FIXTURE], ids=["real", "fixture"])
def test_a_section_carries_only_the_number_its_source_states(data):
    ds = load_dataset(data)
    for doc in ds.forbundsordningar:
        view = next(v for v in fo_views.versions(ds, dt.date(2025, 1, 1)) if v.key == doc.key)
        stated = {p.nummer for p in doc.model.paragrafer if p.nummer is not None}
        for p, s in zip(doc.model.paragrafer, view.sections):
            assert s.heading.startswith(f"{p.nummer} § ") if p.nummer else s.heading == p.rubrik
        page = fo_render.forbundsordning(Context(ds, dt.date(2025, 1, 1)), doc.key)
        shown = {int(n) for n in re.findall(r"(\d+) §", page)} | {int(n) for n in re.findall(r"§ ?(\d+)", page)}
        assert shown <= stated, f"{doc.key}: § numbers {shown - stated} are not in the source"


def test_the_2024_cost_section_is_cited_as_the_proposal_cites_it(real):
    doc = real.forbundsordning("2024-01-01")
    par, _ = doc.model.rule("kostnadsfordelning")
    assert fo_views.section_heading(par).startswith("11 § ")


@pytest.mark.parametrize("today", TWO_DATES)
def test_which_version_is_in_force_is_computed_from_the_build_date(real, today):
    views = fo_views.versions(real, today)
    in_force = [v for v in views if v.status == "galler"]
    for v in in_force:
        assert (v.giltig_fran is None or v.giltig_fran <= today) and (v.giltig_till is None or today <= v.giltig_till)
    shown = [v for v in views if v.shown_on_index]
    assert len(shown) == 1
    said = fo_render.forbundsordning_i_dag(Context(real, today))
    assert shown[0].forbund in said
    if in_force:
        assert shown[0].status == "galler" and "gäller den" in said
    for v in views:
        if v.status == "har_upphort":
            assert v.giltig_till < today

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


@pytest.mark.parametrize("today", TWO_DATES)
def test_the_start_page_says_how_far_the_data_reach_on_the_build_date(real, today):
    from finsam.compute.aktualitet import reach
    from finsam.render.aktualitet import start_aktualitet

    r = reach(real, today)
    out = start_aktualitet(Context(real, today))
    assert out.startswith(f"Uppgifterna nedan gäller den {fo_render.fmt.date(today)}")
    if r.budget is not None:
        assert f"{r.budget.year}" in out and r.budget.forbund in out
        assert ("Budgetåret är slut." in out) == (r.budget.year < today.year)
    if r.board is not None:
        said = {"pagar": "den pågår", "har_gatt_ut": "den har gått ut", "har_inte_borjat": "den har inte börjat"}
        assert said[r.board.term] in out
        assert (r.board.term == "har_gatt_ut") == (today > r.board.till)
    if r.latest_meeting is not None:
        assert r.latest_meeting.date is not None and r.latest_meeting.date < today
    # Whose figures: said exactly when the key figures' budget is another förbund's.
    assert ("Observera:" in out) == (r.figures is not None and r.figures.forbund != r.forbund)


def test_a_meetings_published_documents_reach_the_start_page(fixture_copy):
    from conftest import edit
    from finsam.render import start

    edit(fixture_copy / "moten" / "2026.yaml", "      - slag: kallelse\n        url: null",
         "      - slag: kallelse\n        url: https://exempeldalen.example/kallelse-2026-12-10.pdf")
    ds = load_dataset(fixture_copy)
    out = start.start_kommande(Context(ds, dt.date(2026, 11, 22)))
    assert "**Nästa styrelsemöte:** 10 december 2026, kl. 13:00–15:00. <a href=\"https://exempeldalen.example/kallelse-2026-12-10.pdf\">Kallelse</a>" in out
    assert '<a href="https://exempeldalen.example/protokoll-2026-03-01.pdf">Protokoll</a>' in out  # the latest meeting's


@pytest.mark.parametrize("today", TWO_DATES)
def test_a_plan_whose_year_is_over_says_so(real, today):
    from finsam.compute.verksamhetsplan import verksamhetsplaner
    from finsam.render import verksamhetsplan as plan_render

    ctx = Context(real, today)
    for v in verksamhetsplaner(real, today):
        page = plan_render.verksamhetsplan(ctx, v.year)
        assert (f"Verksamhetsåret {v.year} är slut" in page) == (v.year < today.year)


@pytest.mark.parametrize("today", TWO_DATES)
def test_the_next_meeting_is_a_dated_one_on_or_after_the_build_date(real, today):
    from finsam.compute.aktualitet import reach

    r = reach(real, today)
    assert r.next_meeting is None or (r.next_meeting.date is not None and r.next_meeting.date >= today)

"""The verksamhetsplaner as their pages show them: the activity tables with their
follow-up and the budget lines that finance them, and whether the plan's year is
over on the build date. Pure."""

from __future__ import annotations

import datetime as dt

from .. import urls
from .views import view_source
from ..frozen import frozen


@frozen
class BudgetLineRef:
    id: str
    name: str
    budget_page: str  # the budget year's page; linked only where it exists


@frozen
class ActivityRow:
    id: str
    text: str
    status: str | None  # a STATUS_LABELS key, or None when not known
    note: str | None
    budget_lines: tuple[BudgetLineRef, ...]


@frozen
class GoalArea:
    id: str
    name: str
    goal: str
    activities: tuple[ActivityRow, ...]


@frozen
class PlanView:
    year: int
    forbund: str
    page: str
    decided: dt.date | None
    decided_by: str | None
    year_is_over: bool  # on the build date
    is_current_year: bool
    goal_areas: tuple[GoalArea, ...]


def plan_view(doc, today: dt.date) -> PlanView:
    vp = doc.model
    budget_page = urls.budget_page(vp.ar)
    return PlanView(
        year=vp.ar,
        forbund=vp.forbund,
        page=urls.verksamhetsplan_page(vp.ar),
        decided=vp.faststalld,
        decided_by=vp.faststalld_av,
        year_is_over=vp.ar < today.year,
        is_current_year=vp.ar == today.year,
        goal_areas=tuple(
            GoalArea(
                m.id,
                m.namn,
                m.mal,
                tuple(
                    ActivityRow(
                        a.id,
                        a.text,
                        a.uppfoljning.status if a.uppfoljning else None,
                        a.uppfoljning.notering if a.uppfoljning else None,
                        tuple(BudgetLineRef(b.id, b.namn, budget_page) for b in a.budgetrader),
                    )
                    for a in m.aktiviteter
                ),
            )
            for m in vp.malomraden
        ),
    )


@view_source
def verksamhetsplaner(ds, today: dt.date) -> list[PlanView]:
    """Every plan, newest first."""
    return [plan_view(d, today) for d in sorted(ds.verksamhetsplaner, key=lambda d: d.model.ar, reverse=True)]

"""How far the site's data reach, and whose figures they are, on the build date. Pure.

The start page states this once (render/aktualitet.py), so that no reader takes
an earlier förbund's figures, an old plan or a term that is over for today's.
"""

from __future__ import annotations

import datetime as dt

from .. import urls
from .forbundsordning import shown_version
from .insatser import latest_budget
from .moten import MeetingView, meetings_view
from .styrelse import BoardView, board_view, current_board
from .views import view_source
from ..frozen import frozen


@frozen
class DocumentReach:
    year: int
    forbund: str
    decided: dt.date | None
    page: str


@frozen
class Reach:
    today: dt.date
    forbund: str  # the förbund the site is about (the förbundsordning in force or latest)
    budget: DocumentReach | None  # the latest adopted budget
    figures: DocumentReach | None  # the budget the start page's key figures come from
    plan: DocumentReach | None  # the latest verksamhetsplan
    latest_meeting: MeetingView | None
    next_meeting: MeetingView | None
    board: BoardView | None

    @property
    def figures_are_another_forbunds(self) -> bool:
        return self.figures is not None and self.figures.forbund != self.forbund

    @property
    def plan_is_another_forbunds(self) -> bool:
        return self.plan is not None and self.plan.forbund != self.forbund

    @property
    def budget_year_is_over(self) -> bool:
        return self.budget is not None and self.budget.year < self.today.year


def reach(ds, today: dt.date) -> Reach:
    fo = shown_version(ds, today).model if ds.forbundsordningar else None
    _, name = fo.rule("namn") if fo is not None else (None, None)
    every_budget = latest_budget(ds)
    budgets = sorted((d for d in ds.budgetar if d.model.beslutad is not None), key=lambda d: d.model.ar)
    plans = sorted(ds.verksamhetsplaner, key=lambda d: d.model.ar)
    meetings = meetings_view(ds, today)
    board = current_board(ds, today)
    return Reach(
        today=today,
        forbund=name or (fo.forbund if fo is not None else "förbundet"),
        budget=(
            DocumentReach(b.model.ar, b.model.forbund, b.model.beslutad, urls.budget_page(b.model.ar))
            if (b := budgets[-1] if budgets else None)
            else None
        ),
        figures=(
            DocumentReach(f.model.ar, f.model.forbund, f.model.beslutad, urls.budget_page(f.model.ar))
            if (f := every_budget)
            else None
        ),
        plan=(
            DocumentReach(p.model.ar, p.model.forbund, p.model.faststalld, urls.verksamhetsplan_page(p.model.ar))
            if (p := plans[-1] if plans else None)
            else None
        ),
        latest_meeting=meetings.latest,
        # Only a dated meeting is called the next one; an undated one is listed on the meetings page.
        next_meeting=next((m for m in meetings.upcoming if m.date is not None), None),
        board=board_view(ds, board, today) if board is not None else None,
    )


@view_source
def aktualitet(ds, today: dt.date) -> list[Reach]:
    return [reach(ds, today)]

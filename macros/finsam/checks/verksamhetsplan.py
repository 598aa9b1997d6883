"""Checks of the verksamhetsplaner (data/verksamhetsplan/<year>.yaml)."""

from __future__ import annotations

from . import check


@check("verksamhetsplan_ar", "Varje verksamhetsplan heter som sitt år (2023.yaml har ar: 2023) och fastställs före året.")
def plan_year(ds):
    for doc in ds.verksamhetsplaner:
        vp = doc.model
        if doc.key != str(vp.ar):
            yield doc.problem(("ar",), f"filen heter {doc.path.name} men planen gäller år {vp.ar}")
        if vp.faststalld is not None and vp.faststalld.year > vp.ar:
            yield doc.problem(("faststalld",), f"fastställd {vp.faststalld}, efter året planen gäller")


@check("verksamhetsplan_unika_id", "Målområden, aktiviteter, strategier och regionala mål har egna id och nummer.")
def plan_unique(ds):
    for doc in ds.verksamhetsplaner:
        vp = doc.model
        groups = [
            ("strategier", [s.id for s in vp.strategier], "strategin"),
            ("malomraden", [m.id for m in vp.malomraden], "målområdet"),
            ("uppfoljning", [u.id for u in vp.uppfoljning], "uppföljningen"),
        ]
        for key, ids, label in groups:
            seen: set[str] = set()
            for i, x in enumerate(ids):
                if x in seen:
                    yield doc.problem((key, i, "id"), f"{label} '{x}' finns redan")
                seen.add(x)
        activities: set[str] = set()
        for i, m in enumerate(vp.malomraden):
            for j, a in enumerate(m.aktiviteter):
                if a.id in activities:
                    yield doc.problem(("malomraden", i, "aktiviteter", j, "id"), f"aktiviteten '{a.id}' finns redan")
                activities.add(a.id)
                if len({b.id for b in a.budgetrader}) != len(a.budgetrader):
                    yield doc.problem(("malomraden", i, "aktiviteter", j, "budgetrader"), "samma budgetrad står två gånger")
        if vp.regional_strategi is not None:
            numbers: set[int] = set()
            for i, goal in enumerate(vp.regional_strategi.mal):
                if goal.nummer in numbers:
                    yield doc.problem(("regional_strategi", "mal", i, "nummer"), f"mål #{goal.nummer} finns redan")
                numbers.add(goal.nummer)


@check(
    "verksamhetsplan_budgetrader_finns",
    "En aktivitets budgetrader finns i budgeten för samma år (när den budgeten finns i data/budget/).",
)
def plan_budget_lines_exist(ds):
    from ..compute.budget_sums import post_ids

    budgets = {d.model.ar: d.model for d in ds.budgetar}
    for doc in ds.verksamhetsplaner:
        budget = budgets.get(doc.model.ar)
        if budget is None:
            continue
        known = post_ids(budget)
        for i, area in enumerate(doc.model.malomraden):
            for j, activity in enumerate(area.aktiviteter):
                for k, line in enumerate(activity.budgetrader):
                    if line.id not in known:
                        yield doc.problem(
                            ("malomraden", i, "aktiviteter", j, "budgetrader", k, "id"),
                            f"budgetraden '{line.id}' finns inte i budgeten för {doc.model.ar} (data/budget/{doc.model.ar}.yaml)",
                        )

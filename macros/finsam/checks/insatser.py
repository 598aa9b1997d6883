"""Checks of data/insatser.yaml: ids, references, and budget lines that exist."""

from __future__ import annotations

from ..compute.budget_sums import budget_documents, cost_lines
from . import check


@check("insatser_unika", "Varje insats och grupp av insatser har ett eget id.")
def unique_insatser(ds):
    doc = ds.insatser
    if doc is None:
        return
    seen: set[str] = set()
    for key in ("grupper", "insatser"):
        for i, item in enumerate(getattr(doc.model, key)):
            if item.id in seen:
                yield doc.problem((key, i, "id"), f"id '{item.id}' används redan av en annan insats eller grupp")
            seen.add(item.id)


@check("insatser_hanvisningar", "Insatsernas grupper, parter, kommuner och resultat hänvisar till sådant som finns.")
def references(ds):
    doc = ds.insatser
    if doc is None:
        return
    m = doc.model
    groups = {g.id for g in m.grupper}
    targets = groups | {i.id for i in m.insatser}
    for i, ins in enumerate(m.insatser):
        if ins.grupp is not None and ins.grupp not in groups:
            yield doc.problem(("insatser", i, "grupp"), f"gruppen '{ins.grupp}' finns inte under grupper")
        for j, org in enumerate(ins.parter or []):
            if ds.organisation(org) is None:
                yield doc.problem(("insatser", i, "parter", j), f"organisationen '{org}' finns inte i data/forbund.yaml")
        for j, org in enumerate(ins.kommuner or []):
            found = ds.organisation(org)
            if found is None or found.typ != "kommun":
                yield doc.problem(("insatser", i, "kommuner", j), f"'{org}' är ingen kommun i data/forbund.yaml")
        if not ins.budgetrader:
            yield doc.problem(("insatser", i, "budgetrader"), "ange minst en budgetrad (id i data/budget/<år>.yaml)")
    for i, r in enumerate(m.resultat):
        for j, target in enumerate(r.avser):
            if target not in targets:
                yield doc.problem(("resultat", i, "avser", j), f"'{target}' är varken en insats eller en grupp")
        if (r.varde is None) != (r.enhet is None):
            yield doc.problem(("resultat", i, "varde"), "ange både varde och enhet, eller ingen av dem")
        if r.nyckeltal is not None and r.varde is None:
            yield doc.problem(("resultat", i, "nyckeltal"), "ett nyckeltal behöver ett varde")


@check("insatser_budgetrader_finns", "Varje budgetrad som en insats hänvisar till finns i någon budget i data.")
def budget_lines_exist(ds):
    doc = ds.insatser
    budgets = budget_documents(ds)
    if doc is None or not budgets:
        return
    known: set[str] = set()
    for b in budgets:
        known |= set(cost_lines(b.model))
    for i, ins in enumerate(doc.model.insatser):
        for j, line in enumerate(ins.budgetrader):
            if line not in known:
                yield doc.problem(
                    ("insatser", i, "budgetrader", j),
                    f"budgetraden '{line}' finns inte bland kostnaderna i någon budget (data/budget/)",
                )

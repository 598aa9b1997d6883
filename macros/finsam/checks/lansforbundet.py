"""Checks of data/lansforbundet.yaml: the versions compared exist, the timeline is in order."""

from __future__ import annotations

from . import check


@check("lansforbundet_hanvisningar", "Jämförda förbundsordningar, avvecklade förbund och källan för besluten finns i data.")
def references(ds):
    doc = ds.lansforbundet
    if doc is None:
        return
    keys = {fo.key for fo in ds.forbundsordningar}
    for field in ("fore", "efter"):
        value = getattr(doc.model.jamfor, field)
        if value not in keys:
            yield doc.problem(
                ("jamfor", field),
                f"förbundsordningen '{value}' finns inte (filer: {', '.join(sorted(keys))})",
            )
    if doc.model.beslut_kalla not in ds.source_ids():
        yield doc.problem(("beslut_kalla",), f"källan '{doc.model.beslut_kalla}' finns inte i data/kallor.yaml")
    for i, org in enumerate(doc.model.avvecklas):
        if ds.organisation(org) is None:
            yield doc.problem(("avvecklas", i), f"organisationen '{org}' finns inte i data/forbund.yaml")


@check("lansforbundet_tidsordning", "Tidslinjens daterade händelser står i tidsordning.")
def in_order(ds):
    doc = ds.lansforbundet
    if doc is None:
        return
    previous = None
    for i, e in enumerate(doc.model.tidslinje):
        if e.datum is None:
            continue
        if previous is not None and e.datum < previous:
            yield doc.problem(("tidslinje", i, "datum"), f"{e.datum} står efter {previous}; sortera tidslinjen i tidsordning")
        previous = e.datum

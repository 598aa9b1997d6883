"""Checks of the yearly cycle (data/arshjul.yaml)."""

from __future__ import annotations

import datetime as dt

from . import check


@check(
    "arshjul_handelser",
    "Varje händelse i årshjulet hör till en ring, har ett eget id och har antingen en månad "
    "(med en dag som finns) eller en regel ur förbundsordningen.",
)
def cycle_events(ds):
    doc = ds.arshjul
    if doc is None:
        return
    rings = set()
    for i, ring in enumerate(doc.model.ringar):
        if ring.id in rings:
            yield doc.problem(("ringar", i, "id"), f"ringen '{ring.id}' finns redan")
        rings.add(ring.id)
    seen: set[str] = set()
    for i, e in enumerate(doc.model.handelser):
        if e.id in seen:
            yield doc.problem(("handelser", i, "id"), f"id '{e.id}' används redan av en annan händelse")
        seen.add(e.id)
        if e.ring not in rings:
            yield doc.problem(("handelser", i, "ring"), f"ringen '{e.ring}' finns inte; ringar: {', '.join(sorted(rings))}")
        if e.regel is not None and (e.manad is not None or e.dag is not None):
            yield doc.problem(
                ("handelser", i, "manad"),
                f"datumet hämtas ur förbundsordningens regel '{e.regel}'; skriv manad: null och ingen dag",
            )
        if e.dag is not None and e.manad is None:
            yield doc.problem(("handelser", i, "dag"), "en dag kräver en månad")
        if e.dag is not None and e.manad is not None:
            try:
                dt.date(2023, e.manad, e.dag)  # a common year: 29 February would not recur
            except ValueError:
                yield doc.problem(("handelser", i, "dag"), f"dagen {e.dag}/{e.manad} finns inte varje år")
        if e.regel is not None and not any(fo.model.rule(e.regel)[1] is not None for fo in ds.forbundsordningar):
            yield doc.problem(("handelser", i, "regel"), f"ingen förbundsordning har regeln '{e.regel}'")

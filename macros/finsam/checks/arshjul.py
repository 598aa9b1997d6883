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
        if e.forbundsordning is not None and e.forbundsordning not in {fo.key for fo in ds.forbundsordningar}:
            yield doc.problem(
                ("handelser", i, "forbundsordning"),
                f"förbundsordningen '{e.forbundsordning}' finns inte i forbundsordning/",
            )


@check(
    "arshjul_aterkommer_enligt_kalla",
    "En händelse visas som årlig bara när en regel eller en källa säger att den återkommer; "
    "annars anger den året som datumet gäller.",
)
def cycle_recurrence(ds):
    doc = ds.arshjul
    if doc is None:
        return
    for i, e in enumerate(doc.model.handelser):
        if e.regel is not None and e.ar is not None:
            yield doc.problem(("handelser", i, "ar"), "datumet kommer ur förbundsordningens regel; skriv inget år")
        if e.regel is None and e.manad is not None and e.ar is None and e.aterkommer is None:
            yield doc.problem(
                ("handelser", i, "manad"),
                "ingen källa säger att händelsen sker varje år: skriv året som datumet gäller (ar) "
                "eller, med källans ord, hur den återkommer (aterkommer)",
            )

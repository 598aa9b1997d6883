"""Checks of data/forbund.yaml: organisations and history."""

from __future__ import annotations

from . import check, repeats


@check("organisationer_unika", "Varje organisation har ett eget id och ett eget namn.")
def unique_organisations(ds):
    doc = ds.forbund
    orgs = doc.model.organisationer
    for i in repeats(o.id for o in orgs):
        yield doc.problem(("organisationer", i, "id"), f"id '{orgs[i].id}' används redan av en annan organisation")
    for i in repeats(o.namn for o in orgs):
        yield doc.problem(("organisationer", i, "namn"), f"namnet '{orgs[i].namn}' används redan av en annan organisation")


@check("historik_i_tidsordning", "Historiken står i tidsordning och varje datum hör till sitt år.")
def history_in_order(ds):
    doc = ds.forbund
    previous = None
    for i, event in enumerate(doc.model.historik):
        if event.datum is not None and event.datum.year != event.ar:
            yield doc.problem(("historik", i, "datum"), f"datumet {event.datum} ligger inte år {event.ar}")
        key = (event.ar, event.datum.toordinal() if event.datum else 0)
        if previous is not None and key < previous:
            yield doc.problem(("historik", i, "ar"), "händelsen står före en tidigare händelse; sortera historiken i tidsordning")
        previous = key

"""Checks of data/dokument.yaml (the dokumentbank)."""

from __future__ import annotations

from . import check, repeats


@check("dokument_unika", "Varje dokument i dokumentbanken har ett eget id.")
def unique_documents(ds):
    doc = ds.dokument
    if doc is None:
        return
    docs = doc.model.dokument
    for i in repeats(d.id for d in docs):
        yield doc.problem(("dokument", i, "id"), f"id '{docs[i].id}' används redan av ett annat dokument")


@check("dokument_datum_och_ar", "Ett dokuments datum ligger högst ett år från det år dokumentet gäller.")
def date_and_year(ds):
    doc = ds.dokument
    if doc is None:
        return
    for i, d in enumerate(doc.model.dokument):
        # A plan or budget is decided the year before; a report the year after: never more.
        if d.ar is not None and d.datum is not None and abs(d.datum.year - d.ar) > 1:
            yield doc.problem(("dokument", i, "datum"), f"datumet {d.datum} ligger långt från året {d.ar}; stämmer året?")

"""Checks of the meetings (data/moten/<year>.yaml)."""

from __future__ import annotations

from . import check


@check("moten_ratt_ar", "Varje mötesfil heter som sitt år och varje datum ligger det året.")
def meetings_in_year(ds):
    for doc in ds.moten:
        if not doc.key.isdigit():
            yield doc.problem((), f"filen ska heta efter året, t.ex. 2024.yaml, inte {doc.path.name}")
            continue
        year = int(doc.key)
        for i, m in enumerate(doc.model.moten):
            if m.datum is not None and m.datum.year != year:
                yield doc.problem(("moten", i, "datum"), f"datumet {m.datum} ligger inte år {year}, som filen gäller")


@check("moten_unika", "Varje möte har ett eget id, och mötena står i datumordning.")
def meetings_unique(ds):
    seen: dict[str, str] = {}
    for doc in ds.moten:
        previous = None
        for i, m in enumerate(doc.model.moten):
            if m.id in seen:
                yield doc.problem(("moten", i, "id"), f"id '{m.id}' används redan i {seen[m.id]}")
            seen.setdefault(m.id, doc.display)
            if m.datum is not None:
                if previous is not None and m.datum < previous:
                    yield doc.problem(("moten", i, "datum"), "mötet står före ett tidigare möte; sortera mötena efter datum")
                previous = m.datum


@check("moten_tider", "Ett möte med tid har ett datum, och sluttiden ligger efter starttiden.")
def meeting_times(ds):
    for doc in ds.moten:
        for i, m in enumerate(doc.model.moten):
            if (m.start or m.slut) and m.datum is None:
                yield doc.problem(("moten", i, "start"), "ett möte med klockslag måste ha ett datum")
            if m.start and m.slut and m.slut <= m.start:
                yield doc.problem(("moten", i, "slut"), f"sluttiden {m.slut} ligger inte efter starttiden {m.start}")

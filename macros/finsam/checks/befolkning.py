"""Checks of the population figures (data/befolkning/*.yaml)."""

from __future__ import annotations

from ..format import number
from . import check


@check("befolkning_summerar", "Befolkningssiffrorna har ett tal per åldersgrupp, och åldersgrupperna summerar till angivna totaler.")
def population_sums(ds):
    for doc in ds.befolkning:
        p = doc.model
        if doc.key != p.referensdatum.isoformat():
            yield doc.problem(("referensdatum",), f"filen heter {doc.key}.yaml men gäller {p.referensdatum}; filen ska heta {p.referensdatum}.yaml")
        seen = set()
        total = 0
        for i, k in enumerate(p.kommuner):
            org = ds.organisation(k.kommun)
            if org is None or org.typ != "kommun":
                yield doc.problem(("kommuner", i, "kommun"), f"'{k.kommun}' finns inte som kommun i data/forbund.yaml")
            if k.kommun in seen:
                yield doc.problem(("kommuner", i, "kommun"), f"'{k.kommun}' står två gånger")
            seen.add(k.kommun)
            if len(k.antal) != len(p.aldersgrupper):
                yield doc.problem(("kommuner", i, "antal"), f"{len(k.antal)} tal, men det finns {len(p.aldersgrupper)} åldersgrupper")
                continue
            total += sum(k.antal)
            if k.totalt is not None and sum(k.antal) != k.totalt:
                yield doc.problem(("kommuner", i, "totalt"), f"åldersgrupperna summerar till {number(sum(k.antal))}, inte {number(k.totalt)}")
        if p.lan_totalt is not None and total != p.lan_totalt:
            yield doc.problem(("lan_totalt",), f"kommunerna summerar till {number(total)}, inte {number(p.lan_totalt)}")

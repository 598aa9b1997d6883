"""Checks of member contributions (data/medlemsinsatser/*.yaml)."""

from __future__ import annotations

from ..model.medlemsinsatser import STATE  # not compute's module: validating needs no views
from ..format import number
from . import check


@check("medlemsinsatser_summerar", "Medlemmarnas insatser summerar till den angivna totalen, eller så är skillnaden förklarad.")
def contributions_sum(ds):
    for doc in ds.medlemsinsatser:
        m = doc.model
        if doc.key != str(m.ar):
            yield doc.problem(("ar",), f"filen heter {doc.key}.yaml men gäller år {m.ar}")
        amounts = [i.belopp_kr for i in m.insatser]
        fo = ds.forbundsordning_for_year(m.ar)
        _, members = fo.model.rule("medlemmar") if fo else (None, None)
        complete = members is not None and {i.medlem for i in m.insatser} >= _parties(ds, members)
        if m.total_kr is None or not complete or any(a is None for a in amounts):
            if m.total_avvikelse is not None:
                yield doc.problem(("total_avvikelse",), "avvikelse angiven men alla medlemmars belopp är inte kända, så det finns inget att jämföra")
            continue
        computed = sum(amounts)
        ack = m.total_avvikelse
        if computed != m.total_kr and ack is None:
            yield doc.problem(("total_kr",), f"medlemmarnas belopp summerar till {number(computed)} kr men totalen anges till {number(m.total_kr)} kr; rätta eller förklara under total_avvikelse (beraknat: {computed}, forklaring: ...)")
        elif computed != m.total_kr and ack.beraknat != computed:
            yield doc.problem(("total_avvikelse", "beraknat"), f"avvikelsen gäller {number(ack.beraknat)} kr men beloppen summerar nu till {number(computed)} kr")
        elif computed == m.total_kr and ack is not None:
            yield doc.problem(("total_avvikelse",), "avvikelse angiven men beloppen stämmer med totalen; ta bort avvikelsen")


def _parties(ds, members: list[str]) -> set[str]:
    out = set()
    for m in members:
        org = ds.organisation(m)
        if org is None:
            continue
        out.add(STATE if org.typ == "statlig_myndighet" else m)
    return out


@check("medlemsinsatser_medlemmar_finns", "Varje medlem med en insats är medlem det året (staten skrivs 'staten'), och befolkningsfilen finns.")
def contributions_members(ds):
    for doc in ds.medlemsinsatser:
        m = doc.model
        fo = ds.forbundsordning_for_year(m.ar)
        if fo is None:
            yield doc.problem(("ar",), f"ingen förbundsordning gäller år {m.ar}")
            continue
        _, members = fo.model.rule("medlemmar")
        parties = _parties(ds, members or [])
        seen = set()
        for i, ins in enumerate(m.insatser):
            if ins.medlem not in parties:
                yield doc.problem(("insatser", i, "medlem"), f"'{ins.medlem}' är inte medlem år {m.ar} enligt {fo.display} (staten skrivs 'staten')")
            if ins.medlem in seen:
                yield doc.problem(("insatser", i, "medlem"), f"'{ins.medlem}' står två gånger")
            seen.add(ins.medlem)
        if m.befolkning is not None and ds.by_key("befolkning", m.befolkning) is None:
            yield doc.problem(("befolkning",), f"det finns ingen fil data/befolkning/{m.befolkning}.yaml")

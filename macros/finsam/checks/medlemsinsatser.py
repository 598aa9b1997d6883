"""Checks of member contributions (data/medlemsinsatser/*.yaml) and population figures (data/befolkning/*.yaml)."""

from __future__ import annotations

from ..compute.contributions import STATE
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


@check("arvoden_ar_finns", "Varje år med ett grundbelopp för arvoden har en förbundsordning med en arvodesregel.")
def remuneration_rule(ds):
    for doc in ds.arvoden:
        a = doc.model
        if doc.key != str(a.ar):
            yield doc.problem(("ar",), f"filen heter {doc.key}.yaml men gäller år {a.ar}")
        fo = ds.forbundsordning_for_year(a.ar)
        if fo is None or fo.model.rule("arvode")[1] is None:
            yield doc.problem(("ar",), f"förbundsordningen som gäller år {a.ar} har ingen regel om arvoden")
        if a.grundbelopp_kr is not None and a.kalla is None:
            yield doc.problem(("kalla",), "ange källan till grundbeloppet")

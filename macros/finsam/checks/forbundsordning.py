"""Checks of the förbundsordning versions (data/forbundsordning/*.yaml)."""

from __future__ import annotations

import re

from ..model.forbund import KIND_FUNDING_PART
from . import check

REFERENCE = re.compile(r"\[\[([a-z0-9-]+)\]\]")
MEMBER_KINDS = set(KIND_FUNDING_PART)


def _rule_path(fo, kind: str, *rest) -> tuple:
    for i, p in enumerate(fo.paragrafer):
        if p.regler is not None and getattr(p.regler, kind) is not None:
            return ("paragrafer", i, "regler", kind) + rest
    return ("paragrafer",)


@check("kostnadsandelar_summerar_till_100", "Statens, regionens och kommunernas andelar av kostnaderna är tillsammans 100 %.")
def cost_shares_sum(ds):
    for doc in ds.forbundsordningar:
        _, rule = doc.model.rule("kostnadsfordelning")
        if rule is None:
            continue
        total = rule.stat + rule.region + rule.kommuner
        if total != 100:
            yield doc.problem(
                _rule_path(doc.model, "kostnadsfordelning"),
                f"andelarna är tillsammans {total} % (stat {rule.stat} + region {rule.region} "
                f"+ kommuner {rule.kommuner}), ska vara 100 %",
            )
        if rule.kommunfordelning is not None and rule.kommunfordelning.aldersgrupp != "alla":
            band = rule.kommunfordelning.aldersgrupp
            if band.fran > band.till:
                yield doc.problem(
                    _rule_path(doc.model, "kostnadsfordelning", "kommunfordelning", "aldersgrupp"),
                    f"åldersgruppen börjar ({band.fran}) efter att den slutar ({band.till})",
                )


@check("medlemmar_finns", "Varje medlem i förbundsordningen finns bland organisationerna och kan vara medlem.")
def members_exist(ds):
    for doc in ds.forbundsordningar:
        _, members = doc.model.rule("medlemmar")
        if members is None:
            continue
        seen: set[str] = set()
        for i, org_id in enumerate(members):
            path = _rule_path(doc.model, "medlemmar", i)
            org = ds.organisation(org_id)
            if org is None:
                yield doc.problem(path, f"medlemmen '{org_id}' finns inte bland organisationerna i data/forbund.yaml")
            elif org.typ not in MEMBER_KINDS:
                yield doc.problem(path, f"'{org.namn}' är av typen {org.typ} och kan inte vara medlem")
            if org_id in seen:
                yield doc.problem(path, f"medlemmen '{org_id}' står två gånger")
            seen.add(org_id)


@check(
    "medlemmar_enligt_finsam",
    "Förbundet har medlemmar av alla slag som Finsam-lagen kräver: statlig myndighet, region och minst en kommun.",
)
def members_by_law(ds):
    for doc in ds.forbundsordningar:
        _, members = doc.model.rule("medlemmar")
        if members is None:
            continue
        kinds = {org.typ for m in members if (org := ds.organisation(m)) is not None}
        missing = [k for k in ("statlig_myndighet", "region", "kommun") if k not in kinds]
        if missing:
            yield doc.problem(
                _rule_path(doc.model, "medlemmar"), "medlemmar av slaget " + ", ".join(missing) + " saknas"
            )


@check("sate_ar_medlemskommun", "Förbundets säte är en av medlemskommunerna.")
def seat_is_member(ds):
    for doc in ds.forbundsordningar:
        _, seat = doc.model.rule("sate")
        _, members = doc.model.rule("medlemmar")
        if seat is None:
            continue
        org = ds.organisation(seat)
        if org is None or org.typ != "kommun" or (members is not None and seat not in members):
            yield doc.problem(_rule_path(doc.model, "sate"), f"sätet '{seat}' är inte en av förbundets medlemskommuner")


@check("paragrafer_unika", "Varje paragraf har ett eget nummer och ankare, och varje slags regel står i en paragraf.")
def unique_paragraphs(ds):
    for doc in ds.forbundsordningar:
        numbers: set[int] = set()
        anchors: set[str] = set()
        kinds: dict[str, int] = {}
        previous = 0
        for i, p in enumerate(doc.model.paragrafer):
            if p.nummer is not None:
                if p.nummer in numbers:
                    yield doc.problem(("paragrafer", i, "nummer"), f"§ {p.nummer} finns redan")
                elif p.nummer < previous:
                    yield doc.problem(("paragrafer", i, "nummer"), f"§ {p.nummer} står efter § {previous}")
                numbers.add(p.nummer)
                previous = max(previous, p.nummer)
            if p.ankare in anchors:
                yield doc.problem(("paragrafer", i, "ankare"), f"ankaret '{p.ankare}' finns redan")
            anchors.add(p.ankare)
            for kind in p.regler.kinds() if p.regler else []:
                if kind in kinds:
                    yield doc.problem(
                        ("paragrafer", i, "regler", kind),
                        f"regeln '{kind}' står redan i paragraf {kinds[kind] + 1}",
                    )
                kinds.setdefault(kind, i)


@check("hanvisningar_finns", "Varje hänvisning [[ankare]] i en paragraftext pekar på en paragraf i samma förbundsordning.")
def references_exist(ds):
    for doc in ds.forbundsordningar:
        anchors = {p.ankare for p in doc.model.paragrafer}
        for i, p in enumerate(doc.model.paragrafer):
            for ref in REFERENCE.findall(p.text):
                if ref not in anchors:
                    yield doc.problem(("paragrafer", i, "text"), f"hänvisningen [[{ref}]] pekar inte på någon paragraf")


@check("giltighet_i_ordning", "Förbundsordningarnas giltighetstider är i ordning och överlappar inte.")
def validity_in_order(ds):
    previous = None
    for doc in ds.forbundsordningar:
        fo = doc.model
        if fo.giltig_fran and fo.giltig_till and fo.giltig_till < fo.giltig_fran:
            yield doc.problem(("giltig_till",), f"giltig till {fo.giltig_till} ligger före giltig från {fo.giltig_fran}")
        if previous is not None:
            prev = previous.model
            if prev.giltig_till is None or (fo.giltig_fran is not None and fo.giltig_fran <= prev.giltig_till):
                yield doc.problem(
                    ("giltig_fran",),
                    f"giltighetstiden överlappar förbundsordningen i {previous.display} "
                    f"(giltig till {prev.giltig_till or 'tills vidare'})",
                )
            elif fo.giltig_fran is None:
                yield doc.problem(("giltig_fran",), "bara den äldsta förbundsordningen får ha okänt startdatum")
        previous = doc
        _, formation = fo.rule("bildande")
        if formation is not None and fo.giltig_fran is not None and formation.datum != fo.giltig_fran:
            yield doc.problem(
                _rule_path(fo, "bildande", "datum"),
                f"bildandedatumet {formation.datum} skiljer sig från giltig från {fo.giltig_fran}",
            )


@check(
    "styrelsens_storlek",
    "Styrelsens antal ledamöter och ersättare stämmer med antalet medlemmar gånger platserna per medlem.",
)
def board_size(ds):
    for doc in ds.forbundsordningar:
        _, board = doc.model.rule("styrelse")
        _, members = doc.model.rule("medlemmar")
        if board is None or board.per_medlem is None or members is None:
            continue
        for role, per_member, stated in (
            ("ledamoter", board.per_medlem.ledamoter, board.ledamoter),
            ("ersattare", board.per_medlem.ersattare, board.ersattare),
        ):
            computed = per_member * len(members)
            if computed != stated:
                yield doc.problem(
                    _rule_path(doc.model, "styrelse", role),
                    f"{stated} angivna, men {len(members)} medlemmar × {per_member} per medlem ger {computed}",
                )

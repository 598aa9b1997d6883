"""The chair's and vice chair's fixed remuneration: percentages from the förbundsordning, base amount from data."""

from __future__ import annotations

from ..compute.remuneration import fixed_remuneration
from . import Context, macro
from .. import format as fmt
from . import text
from .downloads import Column, Download

UNKNOWN = "belopp okänt"


def _rows(ds):
    """(year, förbundsordning doc, rule, paragraph, base amount or None, source) per year with data."""
    out = []
    for doc in ds.arvoden:
        a = doc.model
        fo = ds.forbundsordning_for_year(a.ar)
        if fo is None:
            continue
        paragraph, rule = fo.model.rule("arvode")
        if rule is None:
            continue
        out.append((a.ar, fo, rule, paragraph, a.grundbelopp_kr, a.kalla))
    return out


@macro
def arvoden(ctx: Context) -> str:
    out = []
    versions = [(d, *d.model.rule("arvode")) for d in ctx.ds.forbundsordningar]
    versions = [(d, p, r) for d, p, r in versions if r is not None]
    if not versions:
        return "Ingen förbundsordning i data anger arvoden."
    for doc, paragraph, rule in reversed(versions):
        label = f"§ {paragraph.nummer}" if paragraph.nummer else "paragrafen"
        out += [
            f"Enligt [förbundsordningen för {text.inline(doc.model.forbund)}, {label}]"
            f"(../forbundsordning/{doc.key}.md#{paragraph.ankare}) får ordföranden ett fast årligt arvode på "
            f"{fmt.percent(rule.ordforande_procent)} och vice ordföranden {fmt.percent(rule.vice_ordforande_procent)} "
            f"av grundbeloppet: {text.inline(rule.grundbelopp[0].lower() + rule.grundbelopp[1:])}. "
            "Det kommer utöver arvodet för styrelsens sammanträden.",
            "",
        ]
    rows = _rows(ctx.ds)
    out += [
        "| År | Grundbelopp | Ordförande | Vice ordförande |",
        "|---|---:|---:|---:|",
    ]
    if not rows:
        r = versions[-1][2]
        out.append(
            f"| – | {UNKNOWN} | {fmt.percent(r.ordforande_procent)} av grundbeloppet, {UNKNOWN} | "
            f"{fmt.percent(r.vice_ordforande_procent)} av grundbeloppet, {UNKNOWN} |"
        )
    for year, fo, rule, paragraph, base, source in reversed(rows):
        chair = fixed_remuneration(rule.ordforande_procent, base)
        vice = fixed_remuneration(rule.vice_ordforande_procent, base)
        out.append(
            f"| {year} | {fmt.kr(base) if base is not None else UNKNOWN} | "
            f"{fmt.percent(rule.ordforande_procent)}: {fmt.kr(chair) if chair is not None else UNKNOWN} | "
            f"{fmt.percent(rule.vice_ordforande_procent)}: {fmt.kr(vice) if vice is not None else UNKNOWN} |"
        )
    out += [
        "",
        "Beloppen avrundas till hela kronor. Så länge grundbeloppet för ett år inte är känt står det "
        f"”{UNKNOWN}”; förbundets kansli för in beloppet när regionen har fastställt det.",
    ]
    if remuneration_download(ctx.ds):
        from .ekonomi import downloads_list

        out += ["", "## Ladda ner {#ladda-ner}", "", downloads_list(ctx, "arvoden", "data/")]
    return "\n".join(out)


def remuneration_download(ds) -> Download | None:
    rows = _rows(ds)
    if not rows:
        return None
    data = []
    for year, fo, rule, paragraph, base, source in rows:
        for role, pct in (("ordforande", rule.ordforande_procent), ("vice_ordforande", rule.vice_ordforande_procent)):
            data.append({"ar": year, "roll": role, "procent": pct, "grundbelopp": base,
                         "belopp": fixed_remuneration(pct, base)})
    sources = sorted({s for *_, s in rows if s} | {k for _, fo, *_ in rows for k in fo.model.kallor})
    return Download(
        name="arvoden",
        title="Fasta årsarvoden för ordförande och vice ordförande",
        description="Procent av grundbeloppet enligt förbundsordningen; beloppen är tomma så länge grundbeloppet är okänt.",
        unit="kr och procent",
        sources=sources,
        columns=[Column("ar", "År", "integer"), Column("roll", "Roll"), Column("procent", "Procent av grundbeloppet", "decimal"),
                 Column("grundbelopp", "Grundbelopp (kr)", "integer"), Column("belopp", "Arvode (kr)", "integer")],
        rows=data,
        topic="arvoden",
    )

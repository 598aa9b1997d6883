"""The förbundsordning: paragraphs with stable anchors, and their rules as data."""

from __future__ import annotations

from ..compute.board import board_rules
from ..dataset import Document
from ..model.forbundsordning import Forbundsordning, Paragraf
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .forbund import current_forbundsordning

PART_LABELS = {"stat": "staten", "region": "regionen", "kommuner": "kommunerna"}


def paragraph_label(p: Paragraf) -> str:
    return f"§ {p.nummer}" if p.nummer is not None else "§ (nummer okänt)"


def version_title(doc: Document[Forbundsordning]) -> str:
    fo = doc.model
    if fo.giltig_fran is not None:
        return f"{fo.forbund} från {fmt.date(fo.giltig_fran)}"
    return f"{fo.forbund} till och med {fmt.date(fo.giltig_till)}"


def version_page(doc: Document) -> str:
    """Site path of the page for one version."""
    return f"forbundsordning/{doc.key}.md"


@macro
def forbundsordning(ctx: Context, key: str | None = None) -> str:
    """A whole förbundsordning: facts, table of contents, paragraphs with rules."""
    doc = ctx.ds.forbundsordning(key) if key else current_forbundsordning(ctx)
    fo = doc.model
    anchors = {p.ankare: p for p in fo.paragrafer}

    def link(anchor: str) -> str | None:
        p = anchors.get(anchor)
        return f"[{paragraph_label(p)} {text.inline(p.rubrik)}](#{anchor})" if p else None

    sources = {k.id: k for k in ctx.ds.kallor.model.kallor}
    out = [
        '<div class="fo-fakta" markdown>',
        "",
        f"- **Förbund:** {text.inline(fo.forbund)}",
        f"- **Gäller från:** {fmt.date(fo.giltig_fran) if fo.giltig_fran else 'okänt'}",
        f"- **Gäller till:** {fmt.date(fo.giltig_till) if fo.giltig_till else 'tills vidare'}",
        f"- **Beslut:** {text.inline(fo.beslut)}",
        "- **Källor:** " + "; ".join(text.inline(sources[k].titel) for k in fo.kallor if k in sources),
        "",
        "</div>",
        "",
    ]
    if fo.numrering == "ordningsfoljd":
        out += [
            "!!! note \"Numreringen\"",
            "    Källan numrerar inte avsnitten. Paragrafnumren här följer ordningen i källan "
            "och kan skilja sig från den antagna förbundsordningens egen numrering.",
            "",
        ]
    out += ["## Innehåll", ""]
    out += [f"- [{paragraph_label(p)} {text.inline(p.rubrik)}](#{p.ankare})" for p in fo.paragrafer]
    for p in fo.paragrafer:
        out += [
            "",
            f"## {paragraph_label(p)} {text.inline(p.rubrik)} {{#{p.ankare}}}",
            "",
            text.blocks(p.text, link),
        ]
        facts = rule_facts(ctx, fo, p)
        if facts:
            out += [
                "",
                '<div class="regel" markdown>',
                "",
                "**Regeln som data** (används i webbplatsens beräkningar):",
                "",
                *[f"- {label}: {value}" for label, value in facts],
                "",
                "</div>",
            ]
    return "\n".join(out)


def rule_facts(ctx: Context, fo: Forbundsordning, p: Paragraf) -> list[tuple[str, str]]:
    """Each rule a paragraph states, as (label, value) in Swedish."""
    r = p.regler
    if r is None:
        return []
    facts: list[tuple[str, str]] = []
    if r.namn:
        facts.append(("Namn", text.inline(r.namn)))
    if r.sate:
        org = ctx.ds.organisation(r.sate)
        facts.append(("Säte", text.inline(org.namn if org else r.sate)))
    if r.medlemmar is not None:
        facts.append(("Antal medlemmar", str(len(r.medlemmar))))
    if r.styrelse:
        b = board_rules(fo)
        size = f"{b.ledamoter} ledamöter och {b.ersattare} ersättare"
        if b.per_member and b.members:
            size += f" ({b.per_member[0]} ledamot och {b.per_member[1]} ersättare per medlem × {b.members} medlemmar)"
        facts.append(("Styrelsens storlek", size))
        if r.styrelse.ersattare_narvaro_och_yttranderatt:
            facts.append(("Ersättarna", "har närvaro- och yttranderätt"))
    if r.beslutforhet:
        b = board_rules(fo)
        facts.append(
            ("Beslutförhet", f"minst {b.quorum} av {b.ledamoter} ledamöter närvarande (fler än hälften)")
        )
    if r.utslagsrost:
        facts.append(("Utslagsröst vid lika röstetal", "ordföranden"))
    if r.forbundschef:
        facts.append(("Förbundschef", "anställs av styrelsen"))
    if r.kostnadsfordelning:
        k = r.kostnadsfordelning
        facts.append(
            (
                "Kostnadsfördelning",
                ", ".join(f"{PART_LABELS[part]} {fmt.percent(getattr(k, part))}" for part in PART_LABELS),
            )
        )
        if k.kommunfordelning:
            kf = k.kommunfordelning
            band = "alla åldrar" if kf.aldersgrupp == "alla" else f"{kf.aldersgrupp.fran}–{kf.aldersgrupp.till} år"
            facts.append(
                (
                    "Kommunernas inbördes fördelning",
                    f"efter invånarantal ({band}) den {fmt.day_month(kf.referensdatum.manad, kf.referensdatum.dag)} "
                    "året före det år som fördelningen avser",
                )
            )
    if r.budget:
        bud = r.budget
        facts.append(
            (
                "Budget för nästkommande kalenderår beslutas senast",
                fmt.day_month(bud.beslutas_senast.manad, bud.beslutas_senast.dag)
                + (", efter samråd med medlemmarna" if bud.samrad_med_medlemmar else ""),
            )
        )
        if bud.forsta_aret_faststalls_av:
            facts.append(("Första årets budget fastställs av", "medlemmarna"))
    if r.revision:
        facts.append(("Revisor för varje medlems räkning", "ja" if r.revision.revisor_per_medlem else "nej"))
        for val in r.revision.gemensamma_revisorer:
            facts.append(
                ("Gemensam revisor för " + " och ".join(PART_LABELS[a] for a in val.avser), "utses av " + text.inline(val.utses_av))
            )
    if r.uppsagningstid_ar:
        facts.append(("Uppsägningstid", f"{r.uppsagningstid_ar} år"))
    if r.arvode:
        a = r.arvode
        facts.append(("Fast årligt arvode, ordförande", f"{fmt.percent(a.ordforande_procent)} av grundbeloppet"))
        facts.append(("Fast årligt arvode, vice ordförande", f"{fmt.percent(a.vice_ordforande_procent)} av grundbeloppet"))
        facts.append(("Grundbelopp", text.inline(a.grundbelopp)))
    if r.arkivtillsyn:
        facts.append(("Arkivtillsyn", text.inline(r.arkivtillsyn)))
    if r.bildande:
        facts.append(("Bildas", f"{fmt.date(r.bildande.datum)}; villkor: {text.inline(r.bildande.villkor)}"))
    return facts


@macro
def forbundsordning_versioner(ctx: Context) -> str:
    """Table of every version, the one in force marked."""
    current = current_forbundsordning(ctx)
    rows = ["| Version | Gäller från | Gäller till | Status |", "|---|---|---|---|"]
    for doc in reversed(ctx.ds.forbundsordningar):
        fo = doc.model
        page = doc.key + ".md"  # relative to forbundsordning/index.md
        rows.append(
            f"| [{text.inline(fo.forbund)}]({page}) | "
            f"{fmt.date(fo.giltig_fran) if fo.giltig_fran else 'okänt'} | "
            f"{fmt.date(fo.giltig_till) if fo.giltig_till else 'tills vidare'} | "
            f"{'gäller nu' if doc is current else ''} |"
        )
    return "\n".join(rows)


@page_source
def forbundsordning_pages(ds) -> list[GeneratedPage]:
    """One page per version: forbundsordning/<file name>.md."""
    return [
        GeneratedPage(
            path=version_page(doc),
            title=version_title(doc),
            parent="forbundsordning/index.md",
            sources=(doc.path,),
            # The heading is Markdown that Jinja also reads: text from data goes through inline().
            content=heading(f"Förbundsordning: {version_title(doc)}") + "\n\n" + call("forbundsordning", doc.key) + "\n",
        )
        for doc in reversed(ds.forbundsordningar)
    ]

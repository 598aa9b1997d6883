"""The förbundsordning: paragraphs with stable anchors, and their rules as data."""

from __future__ import annotations

from ..compute.board import board_rules
from ..compute.forbundsordning import section_heading, version_page, versions
from ..dataset import Document
from ..model.forbundsordning import Forbundsordning, Paragraf
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .forbund import current_forbundsordning
from .templating import render_template

PART_LABELS = {"stat": "staten", "region": "regionen", "kommuner": "kommunerna"}
STATUS_LABELS = {"galler": "gäller", "har_upphort": "gäller inte längre", "har_inte_borjat": "har inte börjat gälla"}


def paragraph_title(p: Paragraf) -> str:
    """How a section is cited: ``11 § Rubrik`` where the source numbers it, else its heading."""
    return section_heading(p)


def version_title(doc: Document[Forbundsordning]) -> str:
    fo = doc.model
    if fo.giltig_fran is not None:
        return f"{fo.forbund} från {fmt.date(fo.giltig_fran)}"
    return f"{fo.forbund} till och med {fmt.date(fo.giltig_till)}"


def _view(ctx: Context, key: str):
    return next(v for v in versions(ctx.ds, ctx.today) if v.key == key)


@macro
def forbundsordning(ctx: Context, key: str | None = None) -> str:
    """A whole förbundsordning: facts, table of contents, sections with their rules."""
    doc = ctx.ds.forbundsordning(key) if key else current_forbundsordning(ctx)
    fo = doc.model
    view = _view(ctx, doc.key)
    anchors = {s.anchor: s for s in view.sections}

    def link(anchor: str) -> str | None:
        s = anchors.get(anchor)
        return f"[{text.inline(s.heading)}](#{anchor})" if s else None

    sources = {k.id: k for k in ctx.ds.kallor.model.kallor}
    out = [
        render_template(
            "forbundsordning/fakta.html",
            fo=fo,
            today=ctx.today,
            status=STATUS_LABELS[view.status],
            sources=[sources[k].titel for k in fo.kallor if k in sources],
        ),
        "",
    ]
    out += ["## Innehåll", ""]
    out += [f"- [{text.inline(s.heading)}](#{s.anchor})" for s in view.sections]
    for p, s in zip(fo.paragrafer, view.sections):
        out += ["", f"## {text.inline(s.heading)} {{#{s.anchor}}}", "", text.blocks(p.text, link)]
        facts = rule_facts(ctx, fo, p)
        if facts:
            out += ["", render_template("forbundsordning/regel.html", facts=facts)]
    return "\n".join(out)


def rule_facts(ctx: Context, fo: Forbundsordning, p: Paragraf) -> list[tuple[str, str]]:
    """Each rule a paragraph states, as (label, value) in Swedish: plain text, the
    template escapes it."""
    r = p.regler
    if r is None:
        return []
    facts: list[tuple[str, str]] = []
    if r.namn:
        facts.append(("Namn", r.namn))
    if r.sate:
        org = ctx.ds.organisation(r.sate)
        facts.append(("Säte", org.namn if org else r.sate))
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
            band = (
                "källan anger ingen åldersgräns"
                if kf.aldersgrupp == "alla"
                else f"i åldern {kf.aldersgrupp.fran}–{kf.aldersgrupp.till} år"
            )
            facts.append(
                (
                    "Kommunernas inbördes fördelning",
                    f"efter invånarantalet ({band}) den {fmt.day_month(kf.referensdatum.manad, kf.referensdatum.dag)} "
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
                ("Gemensam revisor för " + " och ".join(PART_LABELS[a] for a in val.avser), "utses av " + val.utses_av)
            )
    if r.uppsagningstid_ar:
        facts.append(("Uppsägningstid", f"{r.uppsagningstid_ar} år"))
    if r.arvode:
        a = r.arvode
        facts.append(("Fast årligt arvode, ordförande", f"{fmt.percent(a.ordforande_procent)} av grundbeloppet"))
        facts.append(("Fast årligt arvode, vice ordförande", f"{fmt.percent(a.vice_ordforande_procent)} av grundbeloppet"))
        facts.append(("Grundbelopp", a.grundbelopp))
    if r.arkivtillsyn:
        facts.append(("Arkivtillsyn", r.arkivtillsyn))
    if r.bildande:
        facts.append(("Bildas", f"{fmt.date(r.bildande.datum)}; villkor: {r.bildande.villkor}"))
    return facts


@macro
def forbundsordning_versioner(ctx: Context) -> str:
    """Every version with its period and its status on the build date (a list: readable at any width)."""
    rows = []
    for v in versions(ctx.ds, ctx.today):
        start = f"från {fmt.date(v.giltig_fran)}" if v.giltig_fran else "från okänt datum"
        end = f"till och med {fmt.date(v.giltig_till)}" if v.giltig_till else "tills vidare"
        rows.append(
            f"- [{text.inline(v.forbund)}]({v.key}.md): {start} {end}; "
            f"{STATUS_LABELS[v.status]} den {fmt.date(ctx.today)}."
        )
    return "\n".join(rows)


@macro
def forbundsordning_i_dag(ctx: Context) -> str:
    """Which version the page shows, said against the build date."""
    shown = next(v for v in versions(ctx.ds, ctx.today) if v.shown_on_index)
    if shown.status == "galler":
        return f"Nedan visas den förbundsordning som gäller den {fmt.date(ctx.today)}: {text.inline(shown.forbund)}."
    return (
        f"Ingen förbundsordning i uppgifterna gäller den {fmt.date(ctx.today)}. Nedan visas den senaste: "
        f"{text.inline(shown.forbund)} ({STATUS_LABELS[shown.status]})."
    )


@page_source
def forbundsordning_pages(ds) -> list[GeneratedPage]:
    """One page per version: forbundsordning/<file name>.md."""
    return [
        GeneratedPage(
            path=version_page(doc.key),
            title=version_title(doc),
            parent="forbundsordning/index.md",
            sources=(doc.path,),
            # The heading is Markdown that Jinja also reads: text from data goes through inline().
            content=heading(f"Förbundsordning: {version_title(doc)}") + "\n\n" + call("forbundsordning", doc.key) + "\n",
        )
        for doc in reversed(ds.forbundsordningar)
    ]

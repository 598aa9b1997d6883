"""Member contributions per year: the rule, the figures used, the split, the comparison.

Formatting only: every figure and selection comes from
``compute.medlemsinsatser`` (``MedlemsinsatserAr``, ``MedlemsEkonomi``); the
tables are templates in ``templates/medlemsinsatser/``.
"""

from __future__ import annotations

from .. import urls
from ..compute.medlemsinsatser import medlem_belopp, medlemsinsatser_view, page_path
from ..model.figurslag import FIGURSLAG
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .downloads import downloads_list, source_title
from .forbundsordning import PART_LABELS, version_title
from .links import link_if_page, relative
from .pengar import money_template

# What the source's amounts are, as the page's first words say it.
LEAD = {
    "askat": "Det här är vad förbundet äskade (begärde) av medlemmarna för {ar}",
    "uppskattning": "Det här är en uppskattning av medlemsinsatserna för {ar}",
    "beslutat": "Det här är de beslutade medlemsinsatserna för {ar}",
}
LIST_LABEL = {"askat": "Äskat", "uppskattning": "Uppskattning", "beslutat": "Beslutat"}


def _kr(value, approx: bool = False) -> str:
    if value is None:
        return "anges inte i källan"
    return ("ca " if approx else "") + fmt.kr(value)


@macro
def medlemsinsatser_ar(ctx: Context, year) -> str:
    doc = ctx.ds.by_key("medlemsinsatser", str(year))
    if doc is None:
        raise ValueError(f"inga medlemsinsatser för {year}")
    v = medlemsinsatser_view(ctx.ds, doc)
    page = v.page
    out = [
        LEAD[v.stated_kind].format(ar=v.year) + f", enligt {source_title(ctx, v.kalla)}. "
        f"Vad medlemmarna betalade {v.year} finns inte i källorna."
        if not v.paid_known
        else LEAD[v.stated_kind].format(ar=v.year) + f", enligt {source_title(ctx, v.kalla)}.",
        "",
        text.blocks(v.beskrivning),
        "",
    ]
    if v.medskick:
        out += ['!!! note "Medskick till medlemmarna"', "    " + text.inline(v.medskick), ""]
    if v.budgeted is not None:
        b = v.budgeted
        where = link_if_page(ctx, page, b.page, b.anchor)
        amount = fmt.tkr(b.amount) if b.unit == "tkr" else fmt.kr(b.amount)
        label = f"[{amount}]({where})" if where else amount
        out += [
            f"Den beslutade budgeten för {v.year} ({text.inline(b.column)}) räknar med {label} i medel från medlemmarna.",
            "",
        ]
    if v.shares is None or v.total is None:
        return "\n".join(out + ["Fördelningen kan inte räknas fram: totalen eller förbundsordningens regel för kostnaderna saknas."])
    fo_doc = ctx.ds.forbundsordning(v.forbundsordning_key)
    link = relative(page, urls.forbundsordning_page(fo_doc.key)) + (f"#{v.paragraph_anchor}" if v.paragraph_anchor else "")
    para = f"{v.paragraph_label} " if v.paragraph_label else ""
    rule_text = (
        f"Enligt [förbundsordningen {para}({text.inline(version_title(fo_doc))})]({link}), som gäller {v.year}, betalar "
        + ", ".join(f"{PART_LABELS[p]} {fmt.percent(v.shares[p])}" for p in PART_LABELS)
        + " av medlemsinsatserna."
    )
    if v.band_label is not None:
        rule_text += (
            f" Kommunernas del fördelas efter antalet invånare ({v.band_label}) den "
            f"{fmt.date(v.reference_date)}."
        )
    if v.warnings:
        out += ['!!! warning "Befolkningssiffrorna är inte de som förbundsordningen anger"']
        out += [f"    - {text.inline(w[0].upper() + w[1:])}." for w in v.warnings]
        out += [
            "",
            "    Fördelningen nedan visar därför hur regeln fördelar med de siffror som finns, "
            "inte exakt de belopp som regeln ger.",
            "",
        ]
    if v.rows:
        out += [
            "## Fördelning {#fordelning}",
            "",
            f"Tabellen visar för varje medlem beloppet enligt källan ({FIGURSLAG[v.stated_kind]}) och det belopp "
            f"som förbundsordningens fördelning av totalen ger ({FIGURSLAG[v.computed_kind]}).",
            "",
            money_template("medlemsinsatser/fordelning.html", view=v),
            "",
        ]
    out += ["## Så räknas fördelningen {#sa-raknas-de}", "", rule_text, ""]
    total = _kr(v.total, v.total_approximate)
    out.append(f"- **Totalt ({FIGURSLAG[v.stated_kind]}):** {total} enligt källan.")
    if v.basis is not None:
        pop_doc = ctx.ds.by_key("befolkning", v.basis_key)
        out.append(
            f"- **Befolkningssiffror:** {text.inline(pop_doc.model.beskrivning)} "
            f"({source_title(ctx, pop_doc.model.kalla)}); åldrar som räknas: {v.basis.band_label}."
        )
    out.append("")
    out += [
        '??? note "Så avrundas beloppen"',
        f"    Statens, regionens och kommunernas delar räknas i hela kronor. Varje kommuns belopp avrundas till "
        f"hela {fmt.kr(v.step)} så att kommunernas belopp tillsammans blir exakt kommunernas del: varje kommun får "
        f"först de hela {fmt.number(v.step)}-kronorsbelopp som ryms i dess exakta andel, och de som blir över går "
        "till de kommuner vars exakta andel ligger närmast nästa hela belopp."
        + (
            f" Kommunernas del ({fmt.kr(v.municipal_total)}) går inte jämnt upp i {fmt.kr(v.step)}; de "
            f"{fmt.kr(v.municipal_remainder)} som blir kvar läggs på den kommun som ligger längst under sin exakta andel."
            if v.municipal_remainder
            else ""
        ),
        "",
    ]
    if v.kommentar:
        out += ['??? note "Vilka befolkningssiffror källan bygger på"', "    " + text.blocks(v.kommentar).replace("\n", "\n    "), ""]
    if v.comparison is not None:
        c = v.comparison
        intro = "Samma regel räknad med var och en av de befolkningssiffror som webbplatsen har för alla medlemskommuner"
        intro += ", jämförd med källans belopp för kommunerna." if c.stated_known else "."
        if c.none_exact:
            intro += " Ingen av dem är från den dag och för de åldrar som förbundsordningen anger."
        out += ["## Jämförelse av befolkningssiffror {#jamforelse}", "", intro, "",
                money_template("medlemsinsatser/jamforelse.html", view=c), ""]
        if c.closest is not None:
            out += [
                f"Närmast källans belopp kommer siffrorna från {fmt.date(c.closest.reference_date)} "
                f"({c.closest.band_label}): kommunernas belopp skiljer sig då sammanlagt "
                f"{fmt.kr(c.closest.municipal_difference)} från källans.",
                "",
            ]
    dl = downloads_list(ctx, f"medlemsinsatser:{v.year}", page)
    if dl:
        out += ["## Ladda ner {#ladda-ner}", "", dl, ""]
    return "\n".join(out)


@macro
def medlemsinsatser_lista(ctx: Context) -> str:
    if not ctx.ds.medlemsinsatser:
        return "Det finns inga medlemsinsatser ännu."
    out = ["| År | Vad beloppen är | Totalt | Källa |", "|---|---|---:|---|"]
    for doc in reversed(ctx.ds.medlemsinsatser):
        v = medlemsinsatser_view(ctx.ds, doc)
        out.append(
            f"| [{v.year}]({v.year}.md) | {LIST_LABEL[v.stated_kind]} | {_kr(v.total, v.total_approximate)} | "
            f"{source_title(ctx, v.kalla)} |"
        )
    return "\n".join(out)


def medlem_ekonomi(ctx: Context, org_id: str, from_page: str) -> list[str]:
    """The money lines of a member's page: each of the newest years' amount with what kind
    of amount it is, then the older years as links to their pages (compute.recent)."""
    lines = []
    belopp = medlem_belopp(ctx.ds, org_id)
    for a in belopp.amounts:
        target = link_if_page(ctx, from_page, a.page, a.anchor)
        amount = ("ca " if a.approximate else "") + fmt.kr(a.amount)
        what = FIGURSLAG[a.kind]
        what = what[0].upper() + what[1:]
        extra = ""
        if not a.from_source:
            extra += f", förbundsordningens fördelning av {'ca ' if a.total_approximate else ''}{fmt.kr(a.total)}"
        if a.joint_state:
            extra += ", statens gemensamma insats"
        year = f"[{a.year}]({target})" if target else str(a.year)
        notes = []
        if a.medskick:
            notes.append(text.inline(a.medskick))
        if not a.paid_known:
            notes.append("Vad som betalades finns inte i källorna.")
        lines.append(f"- **Medlemsinsats {year}:** {what}: {amount}{extra}." + "".join(f" {n}" for n in notes))
    if belopp.older:
        years = []
        for o in belopp.older:
            target = link_if_page(ctx, from_page, o.page, o.anchor)
            years.append(f"[{o.year}]({target})" if target else str(o.year))
        lines.append(f"- **Medlemsinsats tidigare år:** {', '.join(years)} (beloppet och vad det är står på årets sida).")
    return lines


def _sources(ds, doc) -> tuple:
    """The data files a year's page is made from: the year's file, population, budget, förbundsordning."""
    out = [doc.path] + [p.path for p in ds.befolkning]
    budget = ds.by_key("budgetar", str(doc.model.ar))
    fo = ds.forbundsordning_for_year(doc.model.ar)
    out += [d.path for d in (budget, fo) if d is not None]
    return tuple(out)


@page_source
def contribution_pages(ds) -> list[GeneratedPage]:
    return [
        GeneratedPage(
            path=page_path(doc.model.ar),
            title=f"Medlemsinsatser {doc.model.ar}",
            parent=urls.MEDLEMSINSATSER,
            content=heading(f"Medlemsinsatser {doc.model.ar}") + "\n\n" + call("medlemsinsatser_ar", doc.model.ar) + "\n",
            sources=_sources(ds, doc),
            year=doc.model.ar,
        )
        for doc in reversed(ds.medlemsinsatser)
    ]

"""Member contributions per year: the rule, the figures used, the split, the comparison."""

from __future__ import annotations

from ..compute.contributions import STATE, year_contributions
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .downloads import Column, Download  # noqa: F401  (re-exported for tests)
from .ekonomi import _source_title, downloads_list
from .forbundsordning import PART_LABELS, version_title

STATUS = {
    "begard": "Begärda medlemsinsatser",
    "uppskattad": "Uppskattade medlemsinsatser",
    "beslutad": "Beslutade medlemsinsatser",
}
STATE_NAME = "Staten (Arbetsförmedlingen och Försäkringskassan)"


def _name(ctx: Context, member: str) -> str:
    if member == STATE:
        return STATE_NAME
    org = ctx.ds.organisation(member)
    return org.namn if org else member


def _state_members(ctx: Context) -> list[str]:
    return [o.id for o in ctx.ds.forbund.model.organisationer if o.typ == "statlig_myndighet"]


def _kr(value, approx: bool = False) -> str:
    if value is None:
        return "uppgift saknas"
    return ("ca " if approx else "") + fmt.kr(value)


@macro
def medlemsinsatser_ar(ctx: Context, year) -> str:
    doc = ctx.ds.by_key("medlemsinsatser", str(year))
    if doc is None:
        raise ValueError(f"inga medlemsinsatser för {year}")
    m = doc.model
    view = year_contributions(ctx.ds, doc)
    out = [f"{STATUS[m.status]} för {m.ar} enligt {_source_title(ctx, m.kalla)}.", "", text.blocks(m.beskrivning), ""]
    if m.kommentar:
        out += [text.blocks(m.kommentar), ""]
    if view is None:
        return "\n".join(out + ["Insatserna kan inte räknas fram: totalen eller förbundsordningens regel saknas."])
    if view.warnings:
        out += ['!!! warning "Befolkningssiffrorna är inte de som förbundsordningen anger"']
        out += [f"    - {text.inline(w[0].upper() + w[1:])}." for w in view.warnings]
        out += [
            "",
            "    De beräknade beloppen nedan visar därför hur regeln fördelar med de siffror som finns, "
            "inte exakt de belopp som regeln ger.",
            "",
        ]
    fo_doc = ctx.ds.forbundsordning(view.forbundsordning_key)
    link = f"../../forbundsordning/{fo_doc.key}.md" + (f"#{view.paragraph_anchor}" if view.paragraph_anchor else "")
    r = view.rule
    kf = r.kommunfordelning
    out += ["## Så räknas insatserna {#sa-raknas-de}", ""]
    para = f"{view.paragraph_label} " if view.paragraph_label else ""
    rule_text = (
        f"Enligt [förbundsordningen {para}({text.inline(version_title(fo_doc))})]({link}), som gäller {m.ar}, betalar "
        + ", ".join(f"{PART_LABELS[p]} {fmt.percent(getattr(r, p))}" for p in PART_LABELS)
        + " av medlemsinsatserna."
    )
    if kf is not None:
        band = "alla åldrar" if kf.aldersgrupp == "alla" else f"{kf.aldersgrupp.fran}–{kf.aldersgrupp.till} år"
        rule_text += (
            f" Kommunernas del fördelas efter invånarantalet ({band}) den "
            f"{fmt.day_month(kf.referensdatum.manad, kf.referensdatum.dag)} året före, för {m.ar} alltså den "
            f"{fmt.date(kf.referensdatum.in_year(m.ar - 1))}."
        )
    out += [rule_text, ""]
    total = _kr(view.total, view.total_approximate)
    out += [f"- **Totalt:** {total} enligt källan{' (ungefärligt belopp)' if view.total_approximate else ''}."]
    basis = view.split.basis if view.split else None
    if basis is not None:
        pop_doc = ctx.ds.by_key("befolkning", basis.key)
        out.append(
            f"- **Befolkningssiffror som används:** {text.inline(pop_doc.model.beskrivning)} "
            f"({_source_title(ctx, pop_doc.model.kalla)}); åldrar som räknas: {basis.band_label}."
        )
    muni = view.split.amount_for("kommuner") if view.split else None
    out.append(
        f"- **Avrundning:** statens, regionens och kommunernas delar räknas i hela kronor. Kommunernas belopp "
        f"avrundas till hela {fmt.kr(view.step)}: varje kommun får först de hela {fmt.number(view.step)}-kronorsbelopp "
        "som ryms i dess exakta andel, och de som då blir över går till de kommuner som har störst rest."
        + (
            f" Kommunernas del ({fmt.kr(muni)}) är inte jämnt delbar med {fmt.kr(view.step)}; det som blir kvar "
            f"({fmt.kr(muni % view.step)}) läggs på den kommun som ligger längst under sin exakta andel."
            if muni is not None and muni % view.step
            else ""
        )
        + " Så blir delarna tillsammans exakt helheten."
    )
    out.append("")
    if view.split is not None:
        out += ["## Fördelning {#fordelning}", "", _split_table(ctx, view), ""]
    if len(view.alternatives) > 1:
        out += ["## Jämförelse av befolkningssiffror {#jamforelse}", "", _alternatives(ctx, view), ""]
    dl = downloads_list(ctx, f"medlemsinsatser:{m.ar}", "../data/")
    if dl:
        out += ["## Ladda ner {#ladda-ner}", "", dl, ""]
    return "\n".join(out)


def _split_table(ctx: Context, view) -> str:
    rows = []
    stated_known = any(v is not None for v in view.stated.values())
    for member, kind in view.parties:
        part = view.split.part(member)
        stated = view.stated.get(member)
        approx = member in view.approximate
        diff = "–"
        if stated is not None:
            d = part.amount - stated
            diff = text.html_text(("ca " if approx else "") + fmt.kr(d))
        # The state pays jointly; its row also answers links to each state member's id.
        extra = "".join(f'<span id="{text.attr(o)}"></span>' for o in _state_members(ctx)) if member == STATE else ""
        cells = [
            f'<th scope="row">{extra}{text.html_text(_name(ctx, member))}</th>',
            f'<td>{PART_LABELS[kind].capitalize()}</td>',
            f'<td class="tal">{text.html_text(fmt.number(part.population)) if part.population is not None else "–"}</td>',
            f'<td class="tal">{text.html_text(fmt.percent(part.share, 2))}</td>',
            f'<td class="tal">{text.html_text(fmt.kr(part.amount))}</td>',
            f'<td class="tal">{text.html_text(_kr(stated, approx))}</td>',
            f'<td class="tal">{diff}</td>',
        ]
        rows.append(f'<tr id="{text.attr(member)}">{"".join(cells)}</tr>')
    all_stated = all(view.stated.get(m) is not None for m, _ in view.parties)
    total_stated = sum(v for v in view.stated.values() if v is not None) if stated_known and all_stated else None
    rows.append(
        '<tr class="summa"><th scope="row"><strong>Summa</strong></th><td></td>'
        f'<td class="tal">{text.html_text(fmt.number(sum(p.population for p in view.split.parts if p.population is not None))) if any(p.population for p in view.split.parts) else "–"}</td>'
        '<td class="tal">100 %</td>'
        f'<td class="tal"><strong>{text.html_text(fmt.kr(sum(p.amount for p in view.split.parts)))}</strong></td>'
        f'<td class="tal">{text.html_text(fmt.kr(total_stated)) if total_stated is not None else "–"}</td><td></td></tr>'
    )
    num_class = ' class="tal"'
    head = "".join(
        f'<th scope="col"{num_class if i > 1 else ""}>{h}</th>'
        for i, h in enumerate(["Medlem", "Del", "Invånare i underlaget", "Andel av totalen", "Beräknat belopp", "Enligt källan", "Skillnad (beräknat − källan)"])
    )
    note = ""
    if total_stated is not None and total_stated != view.total and all(view.stated.get(m) is not None for m, _ in view.parties):
        note = (
            f"<p>Källans belopp summerar till {text.html_text(fmt.kr(total_stated))}, medan källans total är "
            f"{text.html_text(fmt.kr(view.total))}.</p>"
        )
    return (
        '<div class="insats-tabell" markdown="0"><table>'
        f"<caption>Medlemsinsatser {view.year}: beräknat enligt förbundsordningen och enligt källan</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}</div>"
    )


def _alternatives(ctx: Context, view) -> str:
    munis = [m for m, kind in view.parties if kind == "kommuner"]
    known = [a for a in view.alternatives if a.municipal_difference is not None]
    best = min(known, key=lambda a: a.municipal_difference) if known else None
    stated = bool(known)
    exact = [a for a in view.alternatives if a.basis.exact]
    out = [
        "Samma regel räknad med varje uppsättning befolkningssiffror i data som täcker alla medlemskommuner"
        + (", jämförd med källans belopp för kommunerna." if stated else ".")
        + ("" if exact else " Ingen av dem är från den dag och i det åldersspann som förbundsordningen anger."),
        "",
        "| Kommun | " + " | ".join(
            f"{fmt.date(a.basis.reference_date)}, {a.basis.band_label}" for a in view.alternatives
        ) + (" | Enligt källan |" if stated else " |"),
        "|---|" + "---:|" * (len(view.alternatives) + (1 if stated else 0)),
    ]
    for m in munis:
        cells = [fmt.kr(a.split.part(m).amount) for a in view.alternatives]
        out.append(
            f"| {text.inline(_name(ctx, m))} | " + " | ".join(cells) + (f" | {_kr(view.stated.get(m))} |" if stated else " |")
        )
    if stated:
        out.append(
            "| **Summa av skillnaderna mot källan (belopp)** | "
            + " | ".join(
                ("**" + fmt.kr(a.municipal_difference) + "**") if a.municipal_difference is not None else "–"
                for a in view.alternatives
            )
            + " | |"
        )
    if best is not None:
        out += [
            "",
            f"Närmast källans belopp kommer siffrorna från {fmt.date(best.basis.reference_date)} "
            f"({best.basis.band_label}): kommunernas belopp skiljer sig då sammanlagt {fmt.kr(best.municipal_difference)} "
            "från källans.",
        ]
    return "\n".join(out)


@macro
def medlemsinsatser_lista(ctx: Context) -> str:
    if not ctx.ds.medlemsinsatser:
        return "Det finns inga medlemsinsatser i data ännu."
    out = ["| År | Underlag | Totalt | Källa |", "|---|---|---:|---|"]
    for doc in reversed(ctx.ds.medlemsinsatser):
        m = doc.model
        out.append(
            f"| [{m.ar}]({m.ar}.md) | {STATUS[m.status]} | {_kr(m.total_kr, m.total_ungefarlig)} | {_source_title(ctx, m.kalla)} |"
        )
    return "\n".join(out)


@page_source
def contribution_pages(ds) -> list[GeneratedPage]:
    return [
        GeneratedPage(
            path=f"ekonomi/medlemsinsatser/{doc.model.ar}.md",
            title=f"Medlemsinsatser {doc.model.ar}",
            parent="ekonomi/medlemsinsatser/index.md",
            content=heading(f"Medlemsinsatser {doc.model.ar}") + "\n\n" + call("medlemsinsatser_ar", doc.model.ar) + "\n",
        )
        for doc in reversed(ds.medlemsinsatser)
    ]

"""The insatser: an overview by kind, and one page per insats.

Budget amounts come from compute.insatser, which reads the budget data; the
insatser data only names the budget lines.
"""

from __future__ import annotations

from .. import urls
from ..compute import insatser as calc
from ..model.insatser import KIND_LABELS
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .links import link, page_url
from .templating import render_template

INDEX = "insatser/index.md"
MISSING = "uppgift saknas"
KIND_SINGULAR = {"individinriktad": "individinriktad insats", "strukturinriktad": "strukturinriktad insats"}


def insats_page(insats_id: str) -> str:
    return urls.insats_page(insats_id)


def money(value, unit: str) -> str:
    if value is None:
        return MISSING
    return fmt.tkr(value) if unit == "tkr" else fmt.kr(value)


def _sources(ctx: Context, ids) -> str:
    by_id = {k.id: k for k in ctx.ds.kallor.model.kallor}
    return "; ".join(text.inline(by_id[k].titel) for k in ids if k in by_id)


def _result_line(ctx: Context, r) -> str:
    year = f"{r.ar}: " if r.ar else ""
    return f"- {year}{text.inline(r.text)} *(Källa: {_sources(ctx, [r.kalla])})*"


def budget_table(ctx: Context, line_ids, from_page: str) -> str:
    history = calc.insats_budget(ctx.ds, line_ids)
    if not history.cells:
        return "Webbplatsen har ännu ingen budget, så beloppen saknas."
    rows = ["| Budgetkolumn | Belopp | Budgetdokument |", "|---|--:|---|"]
    for c in history.cells:
        # The budget page gives each line's row its id as anchor.
        where = link(ctx, from_page, f"{c.page}#{c.anchor}", f"Budget {c.document_year}")
        if c.missing:
            amount = "raden finns inte i den här budgeten"
        else:
            amount = money(c.cost, c.unit)
        rows.append(f"| {text.inline(c.heading)} | {amount} | {where} |")
    out = [
        "Beloppen kommer ur förbundets budgetar, där insatsen har en egen rad. "
        "Kostnader visas som positiva belopp.",
        "",
        *rows,
    ]
    if history.older:
        links = [
            link(ctx, from_page, f"{o.page}#{o.anchor}" if o.anchor else o.page, f"Budget {o.year}")
            + ("" if o.anchor else " (utan rad för insatsen)")
            for o in history.older
        ]
        out += ["", "Tidigare budgetar, med beloppen på budgetens sida: " + ", ".join(links) + "."]
    return "\n".join(out)


@macro
def insats(ctx: Context, insats_id: str) -> str:
    """One insats: what it is, who runs it, target group, budget over the years, results."""
    data = ctx.ds.insatser.model
    ins = data.insats(insats_id)
    group = data.grupp_for(insats_id)
    page = insats_page(insats_id)
    facts = render_template(
        "insatser/fakta.html",
        ins=ins,
        slag=KIND_SINGULAR[ins.slag],
        grupp=group,
        grupp_url=page_url(page, f"{INDEX}#{group.id}") if group is not None else None,
        parter=[(o.namn if o else "?") for o in map(ctx.ds.organisation, ins.parter)] if ins.parter is not None else None,
        kommuner=[ctx.ds.organisation(k).namn for k in (ins.kommuner or [])],
        kontakt_url=page_url(page, "kontakt.md"),
    )
    results = calc.results_for(data, insats_id)
    out = [
        text.blocks(ins.beskrivning),
        "",
        facts,
        "",
        "## Budget över åren",
        "",
        budget_table(ctx, ins.budgetrader, page),
        "",
        "## Resultat",
        "",
    ]
    if results:
        own = [r for r in results if insats_id in r.avser]
        shared = [r for r in results if insats_id not in r.avser]
        out += [_result_line(ctx, r) for r in own]
        if shared and group is not None:
            if own:
                out.append("")
            out += [
                f"Källorna redovisar dessa resultat för {text.inline(group.namn.lower())} tillsammans, "
                "inte för varje insats för sig:",
                "",
                *[_result_line(ctx, r) for r in shared],
            ]
    else:
        out.append("Källorna redovisar inga resultat för den här insatsen.")
    out += ["", "## Källor", "", _sources(ctx, ins.kallor) + "."]
    return "\n".join(out)


@macro
def insatser_oversikt(ctx: Context) -> str:
    """The insatser by kind, each with its budget in the latest budget year."""
    if ctx.ds.insatser is None:
        return "Webbplatsen har ännu inga uppgifter om insatser."
    latest = calc.latest_budget(ctx.ds)
    year = latest.model.ar if latest is not None else None
    by_kind = calc.overview(ctx.ds, year)
    data = ctx.ds.insatser.model
    out = []
    if year is not None:
        out += [
            f"Beloppen är budgeten för {year}, den senaste budgeten på webbplatsen "
            f"({link(ctx, INDEX, calc.budget_page(latest), f'budget {year}')}). "
            "Varje insats har en egen sida med budgeten för alla år som webbplatsen har.",
            "",
        ]
    else:
        out += ["Webbplatsen har ännu ingen budget, så beloppen saknas.", ""]
    others = calc.other_lines(ctx.ds, year) if year is not None else []
    for kind, label in KIND_LABELS.items():
        rows = by_kind.get(kind, [])
        if not rows:
            continue
        out += [f"## {label} {{#{kind}}}", ""]
        heading = f"Budget {year}" if year is not None else "Budget"
        out += [f"| Insats | {heading} |", "|---|--:|"]
        for row in rows:
            amount = money(row.cell.cost, row.cell.unit) if row.cell is not None else MISSING
            out.append(f"| [{text.inline(row.insats.namn)}]({row.insats.id}.md) | {amount} |")
        if year is not None:
            unit = rows[0].cell.unit if rows[0].cell is not None else "tkr"
            out.append(f"| **Summa** | **{money(calc.kind_total(rows), unit)}** |")
        out.append("")
        for group in data.grupper:
            members = [r for r in rows if r.insats.grupp == group.id]
            if not members:
                continue
            group_results = [r for r in data.resultat if group.id in r.avser]
            out += [
                f"### {text.inline(group.namn)} {{#{group.id}}}",
                "",
                text.blocks(group.beskrivning),
                "",
            ]
            if group_results:
                out += ["Resultat som källorna redovisar:", "", *[_result_line(ctx, r) for r in group_results], ""]
    if others:
        out += [
            "## Övriga rader i budgeten {#ovriga-rader}",
            "",
            f"Budgetens grupper för insatser {year} har också rader som inte är egna insatser:",
            "",
            *[f"- {text.inline(line.namn)}: {money(cost, latest.model.enhet)}" for line, cost in others],
            "",
        ]
    return "\n".join(out)


@page_source
def insats_pages(ds) -> list[GeneratedPage]:
    """One page per insats: insatser/<id>.md."""
    if ds.insatser is None:
        return []
    return [
        GeneratedPage(
            path=insats_page(ins.id),
            title=ins.namn,
            parent=INDEX,
            content=heading(ins.namn) + "\n\n" + call("insats", ins.id) + "\n",
            # The insats, and the budgets its amounts come from.
            sources=(ds.insatser.path, *(b.path for b in ds.budgetar)),
        )
        for ins in ds.insatser.model.insatser
    ]

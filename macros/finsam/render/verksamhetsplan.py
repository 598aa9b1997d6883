"""The verksamhetsplan of each year: one generated page per data file."""

from __future__ import annotations

from .. import urls
from ..compute.verksamhetsplan import plan_view, verksamhetsplaner as plan_views
from ..model.verksamhetsplan import STATUS_LABELS
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .links import link_if_page

INDEX = "verksamhetsplan/index.md"


def plan_page(year: int | str) -> str:
    return urls.verksamhetsplan_page(year)


def _plan(ctx: Context, year: int):
    return next(d for d in ctx.ds.verksamhetsplaner if d.model.ar == year)


@macro
def verksamhetsplan(ctx: Context, year: int) -> str:
    """A whole plan: vision, strategies, target groups, målområden with activities
    and their follow-up, links to the budget lines that finance them."""
    doc = _plan(ctx, year)
    vp = doc.model
    view = plan_view(doc, ctx.today)
    page = view.page
    sources = {k.id: k for k in ctx.ds.kallor.model.kallor}
    decided = (
        f"Fastställd {fmt.date(vp.faststalld)}" if vp.faststalld else "Datum för fastställandet är okänt"
    ) + (f" av {text.inline(vp.faststalld_av.lower())}" if vp.faststalld_av else "") + "."
    over = f" Verksamhetsåret {vp.ar} är slut ({fmt.date(ctx.today)})." if view.year_is_over else ""
    out = [
        f"**{text.inline(vp.forbund)}**, verksamhetsår {vp.ar}. {decided}{over} "
        f"Källa: {text.inline(sources[vp.kalla].titel) if vp.kalla in sources else 'okänd'}.",
        "",
        "## Vision",
        "",
        f"> {text.inline(vp.vision)}",
        "",
        "## Strategier",
        "",
    ]
    for s in vp.strategier:
        out += [f"### {text.inline(s.rubrik)}", "", text.blocks(s.text), ""]
    if vp.regional_strategi:
        rs = vp.regional_strategi
        name = text.external_link(rs.url, rs.namn) if rs.url else text.inline(rs.namn)
        out += ["### Koppling till regionala mål", "", f"Planen kan kopplas till dessa delmål i {name}:", ""]
        out += [f"- {text.inline(f'#{g.nummer}')}: {text.inline(g.text)}" for g in rs.mal]
        out.append("")
    out += ["## Målgrupper", "", text.blocks(vp.malgrupper.beskrivning), "", "Angelägna grupper att nå:", ""]
    out += [f"- {text.inline(g)}" for g in vp.malgrupper.angelagna]
    out += ["", "## Inriktning", "", text.blocks(vp.inriktning), "", "## Målområden och aktiviteter", ""]
    out += [f"- [{text.inline(m.namn)}](#{m.id}): {text.inline(m.mal)}" for m in vp.malomraden]
    out.append("")
    for m, area in zip(vp.malomraden, view.goal_areas):
        out += [f"### {text.inline(area.name)} – {text.inline(area.goal)} {{#{area.id}}}", "", text.blocks(m.beskrivning), ""]
        out += ["| Aktivitet | Uppföljning | Finansieras av |", "|---|---|---|"]
        for a in area.activities:
            out.append(f"| {text.inline(a.text)} | {_follow_up(a)} | {_budget_links(ctx, page, a)} |")
        out.append("")
    out += ["## Uppföljning och utvärdering", ""]
    for u in vp.uppfoljning:
        out += [f"### {text.inline(u.rubrik)}", "", text.blocks(u.text), ""]
    return "\n".join(out)


def _follow_up(a) -> str:
    status = STATUS_LABELS[a.status] if a.status else "Status okänd"
    return status + (f": {text.inline(a.note)}" if a.note else "")


def _budget_links(ctx: Context, page: str, activity) -> str:
    parts = []
    for line in activity.budget_lines:
        link = link_if_page(ctx, page, line.budget_page, line.id)
        parts.append(f"[{text.inline(line.name)}]({link})" if link else text.inline(line.name))
    return ", ".join(parts) if parts else "–"


@macro
def verksamhetsplaner(ctx: Context) -> str:
    """The list of plans, newest first."""
    views = plan_views(ctx.ds, ctx.today)
    if not views:
        return "Det finns inga verksamhetsplaner i uppgifterna."
    out = [
        f"- [Verksamhetsplan {v.year}]({v.year}.md) – {text.inline(v.forbund)}"
        + (f", fastställd {fmt.date(v.decided)}" if v.decided else "")
        + (" (verksamhetsåret är slut)" if v.year_is_over else "")
        for v in views
    ]
    if not any(v.is_current_year or not v.year_is_over for v in views):
        out += ["", f"Det finns ingen verksamhetsplan för {ctx.today.year} i uppgifterna."]
    return "\n".join(out)


@page_source
def plan_pages(ds) -> list[GeneratedPage]:
    """One page per verksamhetsplan file: verksamhetsplan/<year>.md."""
    return [
        GeneratedPage(
            path=plan_page(d.model.ar),
            title=f"Verksamhetsplan {d.model.ar}",
            parent=INDEX,
            sources=(d.path,),
            year=d.model.ar,
            content=heading(f"Verksamhetsplan {d.model.ar}") + "\n\n" + call("verksamhetsplan", d.model.ar) + "\n",
        )
        for d in sorted(ds.verksamhetsplaner, key=lambda d: d.model.ar, reverse=True)
    ]

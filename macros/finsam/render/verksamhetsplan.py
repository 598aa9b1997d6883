"""The verksamhetsplan of each year: one generated page per data file."""

from __future__ import annotations

from ..model.verksamhetsplan import STATUS_LABELS
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .links import link_if_page

INDEX = "verksamhetsplan/index.md"


def plan_page(year: int | str) -> str:
    return f"verksamhetsplan/{year}.md"


def _plan(ctx: Context, year: int):
    return next(d for d in ctx.ds.verksamhetsplaner if d.model.ar == year)


@macro
def verksamhetsplan(ctx: Context, year: int) -> str:
    """A whole plan: vision, strategies, target groups, målområden with activities
    and their follow-up, links to the budget lines that finance them."""
    doc = _plan(ctx, year)
    vp = doc.model
    page = plan_page(year)
    sources = {k.id: k for k in ctx.ds.kallor.model.kallor}
    decided = (
        f"Fastställd {fmt.date(vp.faststalld)}" if vp.faststalld else "Datum för fastställandet är okänt"
    ) + (f" av {text.inline(vp.faststalld_av.lower())}" if vp.faststalld_av else "") + "."
    out = [
        f"**{text.inline(vp.forbund)}**, verksamhetsår {vp.ar}. {decided} "
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
        name = f"[{text.inline(rs.namn)}]({rs.url})" if rs.url else text.inline(rs.namn)
        out += ["### Koppling till regionala mål", "", f"Planen kan kopplas till dessa delmål i {name}:", ""]
        out += [f"- {text.inline(f'#{g.nummer}')}: {text.inline(g.text)}" for g in rs.mal]
        out.append("")
    out += ["## Målgrupper", "", text.blocks(vp.malgrupper.beskrivning), "", "Angelägna grupper att nå:", ""]
    out += [f"- {text.inline(g)}" for g in vp.malgrupper.angelagna]
    out += ["", "## Inriktning", "", text.blocks(vp.inriktning), "", "## Målområden och aktiviteter", ""]
    out += [f"- [{text.inline(m.namn)}](#{m.id}): {text.inline(m.mal)}" for m in vp.malomraden]
    out.append("")
    budget_page = f"ekonomi/budget/{vp.ar}.md"
    for m in vp.malomraden:
        out += [f"### {text.inline(m.namn)} – {text.inline(m.mal)} {{#{m.id}}}", "", text.blocks(m.beskrivning), ""]
        out += ["| Aktivitet | Uppföljning | Finansieras av |", "|---|---|---|"]
        for a in m.aktiviteter:
            out.append(f"| {text.inline(a.text)} | {_follow_up(a)} | {_budget_links(ctx, page, budget_page, a)} |")
        out.append("")
    out += ["## Uppföljning och utvärdering", ""]
    for u in vp.uppfoljning:
        out += [f"### {text.inline(u.rubrik)}", "", text.blocks(u.text), ""]
    return "\n".join(out)


def _follow_up(activity) -> str:
    f = activity.uppfoljning
    if f is None or (f.status is None and f.notering is None):
        return "Status okänd"
    status = STATUS_LABELS[f.status] if f.status else "Status okänd"
    return status + (f": {text.inline(f.notering)}" if f.notering else "")


def _budget_links(ctx: Context, page: str, budget_page: str, activity) -> str:
    parts = []
    for line in activity.budgetrader:
        link = link_if_page(ctx, page, budget_page, line.id)
        parts.append(f"[{text.inline(line.namn)}]({link})" if link else text.inline(line.namn))
    return ", ".join(parts) if parts else "–"


@macro
def verksamhetsplaner(ctx: Context) -> str:
    """The list of plans, newest first."""
    docs = sorted(ctx.ds.verksamhetsplaner, key=lambda d: d.model.ar, reverse=True)
    if not docs:
        return "Det finns inga verksamhetsplaner i uppgifterna."
    return "\n".join(
        f"- [Verksamhetsplan {d.model.ar}]({d.model.ar}.md) – {text.inline(d.model.forbund)}"
        + (f", fastställd {fmt.date(d.model.faststalld)}" if d.model.faststalld else "")
        for d in docs
    )


@page_source
def plan_pages(ds) -> list[GeneratedPage]:
    """One page per verksamhetsplan file: verksamhetsplan/<year>.md."""
    return [
        GeneratedPage(
            path=plan_page(d.model.ar),
            title=f"Verksamhetsplan {d.model.ar}",
            parent=INDEX,
            sources=(d.path,),
            content=heading(f"Verksamhetsplan {d.model.ar}") + "\n\n" + call("verksamhetsplan", d.model.ar) + "\n",
        )
        for d in sorted(ds.verksamhetsplaner, key=lambda d: d.model.ar, reverse=True)
    ]

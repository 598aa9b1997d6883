"""The start page: vision and purpose, key figures, what happens next, news.

Every figure is computed (compute.insatser.key_figures and friends) from the
latest budget year in data, and links to the page that shows how.
"""

from __future__ import annotations

from markupsafe import Markup

from ..compute import insatser as calc
from . import Context, macro
from .. import format as fmt
from . import text
from .templating import render_template
from ..sidor import shortcuts
from ..urls import relative
from .links import link, page_exists

PAGE = "index.md"
MISSING = "uppgift saknas"


def latest_plan(ds):
    """The latest verksamhetsplan, or None when there is none."""
    plans = ds.verksamhetsplaner
    return max(plans, key=lambda d: d.model.ar) if plans else None


@macro
def start_vision(ctx: Context) -> str:
    """The vision (latest verksamhetsplan) and the purpose (data/forbund.yaml)."""
    out = []
    plan = latest_plan(ctx.ds)
    vision = plan.model.vision if plan is not None else None
    if vision:
        out += [render_template("start/vision.html", ar=plan.model.ar, vision=vision), ""]
    out.append(text.blocks(ctx.ds.forbund.model.syfte))
    return "\n".join(out)


def _card(value: str, label: str, how: str) -> dict:
    """A key-figure card for templates/start/nyckeltal.html: ``label`` and ``how`` are safe Markdown."""
    return {"value": value, "label": Markup(label), "how": Markup(how)}


@macro
def senaste_budgetar(ctx: Context) -> str:
    """'Siffrorna är från budgeten för 2023, den senaste på webbplatsen.' (or that there is none)."""
    doc = calc.latest_budget(ctx.ds)
    if doc is None:
        return "Webbplatsen har ännu ingen budget."
    return f"Siffrorna är från budgeten för {doc.model.ar}, den senaste på webbplatsen."


def money_key_figures(ctx: Context):
    """The money key figures (adopted budget, with their kind) as HTML cards; None without a budget."""
    from ..compute.budget import key_figures_view
    from .pengar import money_template

    kf = key_figures_view(ctx.ds)
    if kf is None:
        return None
    from ..compute.medlemsinsatser import medlemsinsatser_view, page_path

    member_page = page_path(kf.year)
    has_member_page = page_exists(ctx, member_page)
    member_doc = ctx.ds.by_key("medlemsinsatser", str(kf.year))
    member_kind = medlemsinsatser_view(ctx.ds, member_doc).stated_kind if member_doc is not None else None
    links = {
        "budget": relative(PAGE, kf.page + "#budgettabell"),
        "medlemsinsatser": relative(PAGE, member_page if has_member_page else kf.page + "#budgettabell"),
        "medlemsinsatser_page": has_member_page and member_kind is not None,
        "medlemsinsatser_kind": member_kind,
        "fordelning": relative(PAGE, kf.page + "#fordelning"),
    }
    return money_template("budget/nyckeltal.html", kf=kf, links=links)


@macro
def start_nyckeltal(ctx: Context) -> str:
    """Key figures of the latest budget year, each linking to where it is computed."""
    kf = calc.key_figures(ctx.ds)
    insatser_link = link(ctx, PAGE, "insatser/index.md", "Alla insatser")
    cards: list[dict] = []
    money = None
    if kf is None:
        cards.append(_card(MISSING, "Total budget", "Det finns ingen budget på webbplatsen ännu."))
    else:
        money = money_key_figures(ctx)
        count = calc.financed_count(ctx.ds, kf.year)
        cards.append(_card(
            str(count) if count is not None else MISSING,
            f"Insatser med budget {kf.year}",
            f"Se: {insatser_link}",
        ))
    reach = calc.reach_per_year(ctx.ds.insatser.model) if ctx.ds.insatser is not None else None
    if reach is not None:
        value = ("ca " if reach.ungefar else "") + fmt.number(reach.varde)
        data = ctx.ds.insatser.model
        target = reach.avser[0]
        group = next((g for g in data.grupper if g.id == target), None)
        if group is not None:  # a group's results are shown under its heading in the overview
            where, name = f"insatser/index.md#{group.id}", group.namn
        else:
            where, name = f"insatser/{target}.md", data.insats(target).namn
        cards.append(_card(
            value,
            f"Personer per år ({text.inline(name)})",
            "Källa och resultat: " + link(ctx, PAGE, where, text.inline(name)),
        ))
    return str(render_template("start/nyckeltal.html", money=money, cards=cards))


# -- what happens next -----------------------------------------------------------
# The meetings (render/moten.py: ``start_lines``, with their published documents) and
# the yearly cycle's dated events (compute/arshjul.py: ``cycle_view``). How far the
# data reach is stated by render/aktualitet.py (``start_aktualitet``).


def _cycle(ctx: Context):
    """The yearly cycle's dated events in the coming twelve months, or None when absent."""
    from ..compute.arshjul import cycle_view

    view = cycle_view(ctx.ds, ctx.today)
    return None if view is None else list(view.upcoming)


@macro
def start_kommande(ctx: Context, n: int = 4) -> str:
    """Next board meeting and the next ``n`` events and deadlines of the yearly cycle."""
    cycle = _cycle(ctx)
    calendar = link(ctx, PAGE, "arshjul/index.md", "årshjulet")
    if cycle is None:
        return f"Nästa styrelsemöte och kommande sista dagar visas här när årshjulet finns i data (se {calendar})."
    out = []
    from .moten import start_lines

    out += start_lines(ctx, PAGE)
    out += ["", f"**Närmast i {calendar}:**", ""]
    if not cycle:
        out.append("- Källorna ger inget datum för de kommande tolv månaderna.")
    for o in cycle[:n]:
        deadline = " (sista dag enligt förbundsordningen)" if o.event.rule is not None else ""
        out.append(f"- {fmt.date(o.date)}: {text.inline(o.event.rubrik)}{deadline}")
    return "\n".join(out)


def latest_news(posts, n: int = 3, from_page: str = PAGE) -> str:
    """The ``n`` newest posts as a list: date, linked title, description."""
    if not posts:
        return "Inga nyheter ännu."
    out = []
    for p in posts[:n]:
        desc = f"  \n{text.inline(p.description)}" if p.description else ""
        out.append(
            f"- {fmt.date(p.date)}: "
            f"[{text.inline(p.title)}]({relative(from_page, p.path)}){desc}"
        )
    return "\n".join(out)


# Where to go next: (page, label, what it holds). A page this build lacks is left out,
# so the list grows as the other parts of the site are added.
SHORTCUTS = (
    ("stod/index.md", "Få stöd", "vad förbundet finansierar i varje kommun och vem som driver det"),
    ("kontakt.md", "Kontakt", "hur du når förbundet"),
    ("insatser/index.md", "Insatser", "vad förbundet finansierar, vad det kostar och vilka resultat källorna redovisar"),
    ("ekonomi/index.md", "Ekonomi", "budget, medlemmarnas insatser och hur statens medel fördelas"),
    ("styrelse/index.md", "Styrelsen", "ledamöter och ersättare"),
    ("moten/index.md", "Möten", "kommande och tidigare möten"),
    ("arshjul/index.md", "Årshjulet", "förbundets år, med kalenderfil"),
    ("verksamhetsplan/index.md", "Verksamhetsplan", "mål och aktiviteter"),
    ("dokument/index.md", "Dokument", "planer, budgetar, förbundsordningar och andra dokument, efter typ och år"),
    ("om/index.md", "Om förbundet", "syfte, medlemmar och historik"),
    ("forbundsordning/index.md", "Förbundsordningen", "förbundets regler, med de regler som beräkningarna bygger på"),
)


@macro
def start_genvagar(ctx: Context) -> str:
    """Links to the site's main sections that exist in this build."""
    items = [f"- {link(ctx, PAGE, page, label)}: {about}." for page, label, about in SHORTCUTS if page_exists(ctx, page)]
    # The förbund's own pages (data/sidor/) marked ``genvag: true``.
    items += [
        f"- {link(ctx, PAGE, p.path, text.inline(p.title))}: {text.inline(p.description or '')}."
        for p in shortcuts(ctx.ds.root)
    ]
    return "\n".join(items)

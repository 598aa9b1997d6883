"""Each year's outcome (utfall): result against budget, equity, cost distribution. Formatting only.

The Ekonomi page shows the newest years in full (compute.recent's rule); when there
are older years they are shown in full on a page of their own (``OLDER_PAGE``), and
the Ekonomi page links each of them there. So the section's main page does not grow
with every year (at 25 years of data it was 128 KB, most of it old outcomes), and
every year's outcome stays one click away.
"""

from __future__ import annotations

from .. import urls
from ..compute.equity import utfall_views
from ..compute.recent import newest_and_older
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .downloads import source_title
from .pengar import money_template

SHARE_OF = {"budgeterade_intakter": "de budgeterade intäkterna", "medlemsbidrag": "medlemsbidragen"}


OLDER_PAGE = "ekonomi/utfall-tidigare-ar.md"
OLDER_TITLE = "Utfall tidigare år"


def _split(ds):
    return newest_and_older(utfall_views([d.model for d in ds.utfall]), lambda v: v.year)


@macro
def utfall(ctx: Context) -> str:
    newest, older = _split(ctx.ds)
    if not newest:
        return "Det finns inget utfall ännu."
    out = _years(ctx, newest)
    if older:
        here = urls.EKONOMI
        links = ", ".join(f"[{v.year}]({urls.relative(here, f'{OLDER_PAGE}#utfall-{v.year}')})" for v in older)
        out += [f"Utfallet för tidigare år står på sidan [{OLDER_TITLE}]({urls.relative(here, OLDER_PAGE)}): {links}.", ""]
    return "\n".join(out)


@macro
def utfall_tidigare(ctx: Context) -> str:
    """The outcomes of the years the Ekonomi page does not show in full, newest first."""
    _, older = _split(ctx.ds)
    return "\n".join(_years(ctx, older, "##")) if older else "Det finns inget utfall för tidigare år."


@page_source
def older_outcomes_page(ds) -> list[GeneratedPage]:
    _, older = _split(ds)
    if not older:
        return []
    years = {v.year for v in older}
    return [GeneratedPage(
        path=OLDER_PAGE,
        title=OLDER_TITLE,
        parent=urls.EKONOMI,
        # Like the older years of every yearly series, left out of search (finsam/search.py).
        content="---\nsearch:\n  exclude: true\n---\n\n" + heading(OLDER_TITLE) + "\n\n"
        + f"Förbundets utfall {fmt.years(years)}: resultatet mot budgeten, eget kapital och kostnadsfördelningen. "
        + f"De senaste åren står på sidan [Ekonomi]({urls.relative(OLDER_PAGE, urls.EKONOMI + '#utfall')}).\n\n"
        + call("utfall_tidigare") + "\n",
        sources=tuple(d.path for d in ds.utfall if d.model.ar in years),
    )]


def _years(ctx: Context, views, level: str = "###") -> list[str]:
    out = []
    for v in views:
        out += [f"{level} Utfall {v.year}", ""]
        facts = []
        if v.result is not None:
            r = f"Resultatet blev {fmt.tkr(v.result)} (utfall)"
            if v.budgeted_result is not None:
                r += f"; styrelsen hade budgeterat {fmt.tkr(v.budgeted_result)}"
            facts.append(r + ".")
        if v.equity is not None:
            e = f"Eget kapital den 31 december {v.year} var {fmt.tkr(v.equity)}"
            if v.equity_share is not None:
                e += f", enligt källan {fmt.percent(v.equity_share)} av {SHARE_OF[v.equity_share_of]}"
            facts.append(e + ".")
        out += [" ".join(facts), ""]
        if v.comment:
            out += [text.blocks(v.comment), ""]
        if v.costs:
            out += [money_template("utfall/kostnader.html", view=v), ""]
        out += [f"Källa: {source_title(ctx, v.kalla)}.", ""]
    return out

"""Each year's outcome (utfall): result against budget, equity, cost distribution. Formatting only."""

from __future__ import annotations

from ..compute.equity import utfall_views
from . import Context, macro
from .. import format as fmt
from . import text
from .downloads import source_title
from .pengar import money_template

SHARE_OF = {"budgeterade_intakter": "de budgeterade intäkterna", "medlemsbidrag": "medlemsbidragen"}


@macro
def utfall(ctx: Context) -> str:
    views = utfall_views([d.model for d in ctx.ds.utfall])
    if not views:
        return "Det finns inget utfall ännu."
    out = []
    for v in views:
        out += [f"### Utfall {v.year}", ""]
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
    return "\n".join(out)

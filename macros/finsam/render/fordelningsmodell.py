"""Försäkringskassan's allocation model: the rule in words, and a worked example with invented figures.

Formatting only: the figures come from ``compute.fordelningsmodell.model_view``.
"""

from __future__ import annotations

from decimal import Decimal

from .. import urls
from ..compute.fordelningsmodell import model_view
from . import Context, macro
from .. import format as fmt
from . import text
from .downloads import downloads_list, source_title
from .pengar import money_template

PAGE = urls.FORDELNINGSMODELL


def _tkr(v: Decimal, decimals: int = 0) -> str:
    return f"{fmt.number(v, decimals)}\u00a0tkr"


@macro
def fordelningsmodell(ctx: Context) -> str:
    if not ctx.ds.fordelningsmodeller:
        return "Fördelningsmodellen finns inte på webbplatsen."
    v = model_view(ctx.ds.fordelningsmodeller[-1])
    band = f"{v.band[0]}–{v.band[1]} år"
    out = [
        f"Försäkringskassan fördelar statens medel till samordningsförbunden efter en modell, som den beskrivs "
        f"i {source_title(ctx, v.kalla)} (inför {v.year}).",
        "",
        "## Modellen {#modellen}",
        "",
        f"1. Varje förbund får en **grundtilldelning** på {_tkr(v.base)}.",
        f"2. Resten av statens ram fördelas till {fmt.percent(v.support_weight)} efter förbundets andel av "
        f"**försörjningsmåttet** och till {fmt.percent(v.population_weight)} efter förbundets andel av **invånarna i "
        f"åldern {band}** i förbundens områden.",
        f"3. En **spärr** gör att ett förbund får högst {fmt.percent(v.max_decrease)} mindre än året före.",
        "",
        "Som formel:",
        "",
        f"> tilldelning = {fmt.number(v.base)} tkr + (statens ram − antal förbund × "
        f"{fmt.number(v.base)} tkr) × ({fmt.percent(v.support_weight)} × förbundets andel av "
        f"försörjningsmåttet + {fmt.percent(v.population_weight)} × förbundets andel av invånarna {band}),",
        f"> men minst {fmt.percent(v.least_share_of_previous)} av föregående års tilldelning.",
        "",
        text.blocks(v.beskrivning),
        "",
        "Källan anger inte statens ram, antalet förbund, hur försörjningsmåttet räknas, förbundets andelar eller "
        "hur spärren finansieras. Webbplatsen räknar därför inte fram någon verklig tilldelning.",
        "",
    ]
    if v.steps:
        out += [
            "## Räkneexempel {#rakneexempel}",
            "",
            '!!! example "Fiktiva siffror"',
            f"    {text.inline(v.example_note)}",
            "",
            money_template("fordelningsmodell/exempel.html", view=v),
            "",
            (
                "I exemplet ger nycklarna mindre än spärren tillåter, så förbundet får spärrens belopp."
                if v.floor_applied
                else "I exemplet ger nycklarna mer än spärren, så spärren påverkar inte."
            ),
            "",
        ]
        dl = downloads_list(ctx, "fordelningsmodell", PAGE)
        if dl:
            out += ["## Ladda ner {#ladda-ner}", "", dl, ""]
    return "\n".join(out)

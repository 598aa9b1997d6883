"""The chair's and vice chair's fixed remuneration: percentages from the förbundsordning, base amount from data.

Formatting only: the figures come from ``compute.arvoden.remuneration_view``.
"""

from __future__ import annotations

from .. import urls
from ..compute.arvoden import remuneration_view
from . import Context, macro
from .. import format as fmt
from . import text
from .downloads import downloads_list
from .links import relative
from .pengar import money_template

PAGE = urls.ARVODEN
UNKNOWN = "inte känt"


@macro
def arvoden(ctx: Context) -> str:
    v = remuneration_view(ctx.ds)
    if not v.rules:
        return "Ingen förbundsordning på webbplatsen anger arvoden."
    out = []
    for r in v.rules:
        label = f"§ {r.paragraph_number}" if r.paragraph_number else "avsnittet om arvoden"
        link = relative(PAGE, urls.forbundsordning_page(r.forbundsordning_key)) + f"#{r.paragraph_anchor}"
        out += [
            f"Enligt [förbundsordningen för {text.inline(r.forbund)}, {label}]({link}) får ordföranden ett fast "
            f"årligt arvode på {fmt.percent(r.chair_percent)} och vice ordföranden {fmt.percent(r.vice_percent)} "
            f"av grundbeloppet: {text.inline(r.base_text[0].lower() + r.base_text[1:])}. "
            "Det kommer utöver arvodet för styrelsens sammanträden.",
            "",
        ]
    out += [money_template("arvoden/tabell.html", view=v, unknown=UNKNOWN), ""]
    unknown_years = [y.year for y in v.years if y.base_amount is None]
    out.append(
        "Beloppen är beräknade enligt förbundsordningen och avrundade till hela kronor."
        + (
            f" Grundbeloppet för {', '.join(str(y) for y in unknown_years)} finns inte i källorna, så arvodet i "
            "kronor är inte känt."
            if unknown_years or not v.years
            else ""
        )
    )
    dl = downloads_list(ctx, "arvoden", PAGE)
    if dl:
        out += ["", "## Ladda ner {#ladda-ner}", "", dl]
    return "\n".join(out)

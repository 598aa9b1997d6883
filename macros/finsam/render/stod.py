"""The Få stöd page: per member municipality, what the förbund finances there.

Headings are Markdown (so they reach the table of contents); each section's body
comes from templates/stod/ filled with compute/stod.py's view.
"""

from __future__ import annotations

from ..compute.kontakt import PAGE as KONTAKT
from ..compute.stod import stod_view
from . import Context, macro
from . import text
from .links import page_url
from .templating import render_template


@macro
def stod_kommuner(ctx: Context) -> str:
    """One section per member municipality, then the insatser the sources place nowhere."""
    view = stod_view(ctx.ds, ctx.today)

    def url(target: str) -> str:
        return page_url(view.page, target)

    if not view.kommuner:
        return "Förbundsordningen anger inga kommuner som medlemmar."
    out = []
    if view.malgrupp:
        out += [render_template("stod/malgrupp.html", v=view), ""]
    for k in view.kommuner:
        out += [
            f"## {text.inline(k.namn)} {{#{k.id}}}",
            "",
            render_template(
                "stod/kommun.html", k=k, budget_ar=view.budget_ar, url=url, kontakt=KONTAKT,
                utan_ort=bool(view.utan_ort),
            ),
            "",
        ]
    if view.utan_ort:
        out += [
            "## Insatser utan känd ort {#utan-ort}",
            "",
            render_template("stod/utan_ort.html", insatser=view.utan_ort, budget_ar=view.budget_ar, url=url),
            "",
        ]
    return "\n".join(out)

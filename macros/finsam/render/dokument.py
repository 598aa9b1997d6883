"""The dokumentbank: every document, filterable by type and year.

The page works without JavaScript: it is one table with every document. A small
first-party script (docs/javascripts/dokumentfilter.js) adds two select boxes
that hide rows; with scripts off, the table simply shows everything, and the
per-type and per-year lists below it stay reachable through their anchors.
The view object is compute/dokument.py's ``DokumentbankView``; the HTML comes
from templates/dokument/. Headings stay Markdown, for the table of contents.
"""

from __future__ import annotations

from ..compute.dokument import PAGE, dokumentbank_view
from . import Context, macro
from .links import page_exists, page_url
from .templating import render_template

MISSING = "okänt"


@macro
def dokumentbank(ctx: Context) -> str:
    """Filter form, one table of every document, and lists per type and per year."""
    view = dokumentbank_view(ctx.ds, ctx.today)
    if view is None:
        return "Webbplatsen har ännu inga dokument."
    # Links only to pages this build has (a strict build fails on a broken link).
    urls = {r.sida: page_url(PAGE, r.sida) for r in view.rader if r.sida and page_exists(ctx, r.sida)}
    out = [render_template("dokument/bank.html", v=view, urls=urls, okant=MISSING), ""]
    out += ["## Efter typ", "", " · ".join(f"[{g.rubrik}](#{g.id})" for g in view.typer), ""]
    for g in view.typer:
        out += [f"### {g.rubrik} {{#{g.id}}}", "", render_template("dokument/lista.html", g=g, urls=urls), ""]
    out += ["## Efter år", "", " · ".join(f"[{g.rubrik}](#{g.id})" for g in view.ar), ""]
    for g in view.ar:
        out += [f"### {g.rubrik} {{#{g.id}}}", "", render_template("dokument/lista.html", g=g, urls=urls), ""]
    if view.saknade_typer:
        out += [
            '!!! note "Dokument som saknas"',
            "    Webbplatsen har ännu inga dokument av typen "
            + ", ".join(k.lower() for k in view.saknade_typer) + ".",
            "",
        ]
    return "\n".join(out)

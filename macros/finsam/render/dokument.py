"""The dokumentbank: every document, filterable by type and year.

The page works without JavaScript: it is one table with every document (a
Markdown table, so MkDocs checks its links). A small first-party script
(docs/javascripts/dokumentfilter.js) adds two select boxes that hide rows; with
scripts off, the table simply shows everything, and the per-type and per-year
lists below it stay reachable through their anchors.
"""

from __future__ import annotations

from ..compute.dokument import by_kind, years
from ..model.dokument import KIND_LABELS
from . import Context, macro
from .. import format as fmt
from . import text
from ..urls import relative
from .links import page_exists

PAGE = "dokument/index.md"
MISSING = "okänt"


def year_anchor(year: int | None) -> str:
    return f"ar-{year}" if year is not None else "ar-okant"


def _where(ctx: Context, d) -> str:
    """Where to read the document: this site's page and/or the förbund's published copy."""
    where = []
    if d.sida and page_exists(ctx, d.sida):
        where.append(f"[Visas på webbplatsen]({relative(PAGE, d.sida)})")
    if d.lank:
        where.append(text.external_link(d.lank, "Förbundets publicerade version"))
    return "<br>".join(where) if where else "Ingen länk"


def _row(ctx: Context, d) -> str:
    small = text.inline(d.forbund) + "." + (f" {text.inline(d.anmarkning)}" if d.anmarkning else "")
    return (
        f"| {text.inline(d.titel)}<br><small>{small}</small> | {_kind_singular(d.typ)} | "
        f"{d.ar if d.ar is not None else MISSING} | {fmt.date(d.datum) if d.datum else MISSING} | "
        f"{text.inline(d.beslutsorgan) if d.beslutsorgan else MISSING} | {_where(ctx, d)} |"
    )


SINGULAR = {
    "verksamhetsplan": "Verksamhetsplan",
    "budget": "Budget",
    "arsredovisning": "Årsredovisning",
    "forbundsordning": "Förbundsordning",
    "protokoll": "Protokoll",
    "minnesanteckningar": "Minnesanteckningar",
    "skrivelse": "Skrivelse",
    "brev": "Brev",
    "presentation": "Presentation",
    "reglemente": "Reglemente",
    "arshjul": "Årshjul",
    "instruktion": "Instruktion",
    "avsiktsforklaring": "Avsiktsförklaring",
}


def _kind_singular(kind: str) -> str:
    return SINGULAR[kind]


@macro
def dokumentbank(ctx: Context) -> str:
    """Filter form, one table of every document, and lists per type and per year."""
    if ctx.ds.dokument is None:
        return "Det finns inga dokument i data."
    docs = ctx.ds.dokument.model.dokument
    kinds = by_kind(docs)
    all_years = years(docs)
    # Option values are the cells' text, which is what the script compares.
    type_options = "".join(f'<option value="{_kind_singular(k)}">{KIND_LABELS[k]}</option>' for k, _ in kinds)
    year_options = "".join(
        f'<option value="{y if y is not None else MISSING}">{y if y is not None else "År okänt"}</option>'
        for y in all_years
    )
    ordered = [d for _, ds_ in kinds for d in ds_]
    out = [
        # The filter is hidden until the script shows it: without JavaScript every row is shown.
        '<form class="dokumentfilter" id="dokumentfilter" hidden aria-label="Filtrera dokumenten">',
        '<label for="filter-typ">Typ</label> <select id="filter-typ" name="typ">'
        f'<option value="">Alla typer</option>{type_options}</select>',
        '<label for="filter-ar">År</label> <select id="filter-ar" name="ar">'
        f'<option value="">Alla år</option>{year_options}</select>',
        '<p class="dokumentfilter__antal" role="status" aria-live="polite"></p>',
        "</form>",
        "",
        # The script reads each row's type and year from these columns (0-based).
        '<div class="dokumentbank" id="dokument-alla" data-typ-kolumn="1" data-ar-kolumn="2" markdown>',
        "",
        "| Dokument | Typ | År | Datum | Beslutat av | Läs |",
        "|---|---|---|---|---|---|",
        *[_row(ctx, d) for d in ordered],
        "",
        "</div>",
        "",
        "## Efter typ",
        "",
        " · ".join(f"[{KIND_LABELS[k]}](#{k})" for k, _ in kinds),
        "",
    ]
    for kind, kdocs in kinds:
        out += [f"### {KIND_LABELS[kind]} {{#{kind}}}", ""]
        out += [_list_item(ctx, d) for d in kdocs]
        out.append("")
    out += ["## Efter år", "", " · ".join(f"[{y if y is not None else 'År okänt'}](#{year_anchor(y)})" for y in all_years), ""]
    for y in all_years:
        ydocs = [d for d in ordered if d.ar == y]
        out += [f"### {y if y is not None else 'År okänt'} {{#{year_anchor(y)}}}", ""]
        out += [_list_item(ctx, d) for d in ydocs]
        out.append("")
    missing = [KIND_LABELS[k] for k in ("protokoll",) if not any(d.typ == k for d in docs)]
    if missing:
        out += [
            "!!! note \"Dokument som saknas\"",
            "    " + ", ".join(missing) + " finns ännu inte i webbplatsens data.",
            "",
        ]
    return "\n".join(out)


def _list_item(ctx: Context, d) -> str:
    parts = [text.inline(d.titel)]
    if d.sida and page_exists(ctx, d.sida):
        parts[0] = f"[{parts[0]}]({relative(PAGE, d.sida)})"
    when = fmt.date(d.datum) if d.datum else (str(d.ar) if d.ar else "år okänt")
    extra = f" ({text.external_link(d.lank, 'förbundets version')})" if d.lank else ""
    return f"- {parts[0]}, {_kind_singular(d.typ).lower()}, {when}{extra}"

"""Budget pages: one per year, and the list of years. Formatting only.

Every figure, difference and selection comes from ``compute.budget``
(``BudgetSida``, ``BudgetListRad``); the tables are templates in
``templates/budget/``.
"""

from __future__ import annotations

from .. import urls
from ..compute.budget import budget_list_view, budget_page_view, page_path
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .downloads import downloads_list, source_title
from .pengar import href, money_template


def _figure(value, unit: str) -> str:
    return f"{fmt.number(value)} {unit}"


def _agreeing(items, unit: str) -> str:
    return "; ".join(f"{text.inline(where)} ({_figure(value, unit)})" for where, value in items)


@macro
def budget_ar(ctx: Context, year) -> str:
    """A whole budget page: table, shares with chart, overview, financing, deviations, downloads."""
    doc = ctx.ds.by_key("budgetar", str(year))
    if doc is None:
        raise ValueError(f"ingen budget för {year}")
    v = budget_page_view(ctx.ds, doc)
    decided = (
        f"Budgeten beslutades {fmt.date(v.beslutad)}" + (f" av {text.inline(v.beslutad_av)}" if v.beslutad_av else "") + "."
        if v.beslutad
        else "När budgeten beslutades är inte känt."
    )
    unit_words = "tusental kronor (tkr)" if v.unit == "tkr" else "kronor"
    out = [
        f"{text.inline(v.forbund)}. {decided} Källa: {source_title(ctx, v.kalla)}. "
        f"Belopp i {unit_words}; kostnader med minustecken.",
        "",
    ]
    if v.deviations:
        out += [
            '!!! warning "Några av källans summor stämmer inte med beloppen under dem"',
            f"    Tabellerna visar de summor, resultat och andelar som står i budgeten. På {len(v.deviations)} ställen "
            "ger beloppen under summan något annat; det står då med liten stil bredvid, och varje skillnad "
            "förklaras under [Avvikelser mot källan](#avvikelser).",
            "",
        ]
    if v.kommentar:
        out += [text.blocks(v.kommentar), ""]
    out += ["## Budgeten {#budgettabell}", "", money_template("budget/tabell.html", view=v.table), ""]
    if v.shares is not None:
        out += [
            "## Fördelning per kategori {#fordelning}",
            "",
            f"Kostnaderna i {text.inline(v.shares.column)} fördelade på kategorier, i procent av summan av "
            "kostnaderna. Andelen enligt budgeten är den som står i budgeten; bredvid står andelen räknad ur "
            "beloppen.",
            "",
            money_template("budget/andelar.html", view=v.shares),
            "",
            '??? note "Så avrundas andelarna"',
            "    Varje andel avrundas för sig till hela procent, som budgeten gör: från ,5 uppåt. Därför blir de "
            "avrundade andelarna inte alltid 100 % tillsammans. En andel i budgeten som är den rätt avrundade "
            "andelen räknas inte som en avvikelse.",
            "",
        ]
    if v.overview:
        out += [
            "## Budgetöversikt {#oversikt}",
            "",
            "Budgetöversikten som den står i källan, kontrollerad mot budgettabellen och mot föregående års eget kapital.",
            "",
            money_template("budget/oversikt.html", rows=v.overview, unit=v.unit),
            "",
        ]
    if v.financing is not None:
        f = v.financing
        out += [
            "## Finansiering {#finansiering}",
            "",
            f"Enligt källan finansieras kostnaderna {fmt.tkr(f.costs)} med medlemsintäkter "
            f"{fmt.tkr(f.member_funds)}, övriga intäkter {fmt.tkr(f.other_income)} och "
            f"{fmt.tkr(f.from_equity)} ur eget kapital. Beloppen stämmer med budgettabellen.",
            "",
        ]
    if v.deviations:
        out += [
            "## Avvikelser mot källan {#avvikelser}",
            "",
            "Här är varje ställe där en summa, ett resultat eller en andel i källan inte stämmer med beloppen "
            "under den. Källans siffra är den som gäller; det beräknade beloppet är en kontroll.",
            "",
        ]
        for d in v.deviations:
            out += [
                f"### {d.number}. {text.inline(d.what)}, {text.inline(d.column)} {{#avvikelse-{d.number}}}",
                "",
                f"Källan anger **{fmt.number(d.stated)} {d.unit}**; beloppen under ger "
                f"**{fmt.number(d.computed)} {d.unit}** (skillnad {fmt.number(d.difference)} "
                f"{d.difference_unit[:-2] if d.difference_unit == 'procentenheter' and abs(d.difference) == 1 else d.difference_unit}).",
                "",
            ]
            if d.agrees_with_stated:
                out += [
                    f"Samma siffra som källan anger står också i: {_agreeing(d.agrees_with_stated, d.unit)}. "
                    "Den står därför kvar som siffran, och skillnaden tyder på att något belopp under den är fel "
                    "återgivet.",
                    "",
                ]
            if d.agrees_with_computed:
                out += [
                    f"Däremot stämmer {_agreeing(d.agrees_with_computed, d.unit)} med beloppen under och inte med "
                    "den här siffran. De övriga siffrorna stöder alltså det beräknade beloppet.",
                    "",
                ]
            out += [text.blocks(d.explanation) if d.explanation else "Källan förklarar inte skillnaden.", ""]
    dl = downloads_list(ctx, f"budget:{v.year}", v.page)
    if dl:
        out += ["## Ladda ner {#ladda-ner}", "", dl, ""]
    return "\n".join(out)


@macro
def budget_lista(ctx: Context) -> str:
    """The budget years, newest first, with their adopted totals."""
    rows = budget_list_view(ctx.ds)
    if not rows:
        return "Det finns ingen budget ännu."
    here = urls.BUDGET
    return str(money_template("budget/lista.html", rows=rows, links={r.year: href(here, r.page) for r in rows}))


def budget_title(b) -> str:
    return f"Budget {b.ar}"


@page_source
def budget_pages(ds) -> list[GeneratedPage]:
    return [
        GeneratedPage(
            path=page_path(doc.model.ar),
            title=budget_title(doc.model),
            parent=urls.BUDGET,
            content=heading(budget_title(doc.model)) + "\n\n" + call("budget_ar", doc.model.ar) + "\n",
            sources=(doc.path,) + tuple(u.path for u in ds.utfall),
            year=doc.model.ar,
        )
        for doc in reversed(ds.budgetar)
    ]


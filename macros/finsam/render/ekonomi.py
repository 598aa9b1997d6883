"""Money pages: budget per year, the 2022 outcome, equity and its target.

Loops and formatting only; every figure comes from ``compute``. Tables that
carry anchors (a budget line's id) are HTML, with all text escaped.
"""

from __future__ import annotations

from decimal import Decimal

from ..compute.budget import Group, differences, overview_comparisons, shares, table
from ..compute.equity import policy_tests, roll_forward
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .downloads import for_topic

UTFALL_LABELS = {
    "direkta_insatser": "Direkta insatskostnader",
    "individ": "varav individinsatser",
    "struktur": "varav strukturpåverkande insatser",
    "processtod": "varav processtöd samverkansinsatser (förbundspersonal)",
    "administration": "Administrativa kostnader",
}
BASIS_LABELS = {"utfall": "utfall", "prognos": "prognos", "budget": "budget"}


def _budget_doc(ctx: Context, year):
    doc = ctx.ds.by_key("budgetar", str(year))
    if doc is None:
        raise ValueError(f"ingen budget för {year}")
    return doc


def _source_title(ctx: Context, source_id: str) -> str:
    k = next((k for k in ctx.ds.kallor.model.kallor if k.id == source_id), None)
    return text.inline(k.titel) if k else text.inline(source_id)


def _num(v) -> str:
    return "uppgift saknas" if v is None else fmt.number(v)


def downloads_list(ctx: Context, topic: str, prefix: str) -> str:
    """Links to a topic's CSV and JSON files, with their metadata in words."""
    return _download_items(ctx, for_topic(ctx.ds, topic), prefix)


def _download_items(ctx: Context, items, prefix: str) -> str:
    if not items:
        return ""
    out = []
    for d in items:
        sources = "; ".join(_source_title(ctx, s) for s in d.sources)
        out.append(
            f"- {text.inline(d.title)}: [CSV]({prefix}{d.name}.csv) "
            f"([beskrivning av CSV-filen]({prefix}{d.name}.csv-metadata.json)), [JSON]({prefix}{d.name}.json). "
            f"Enhet: {text.inline(d.unit)}. Källa: {sources}. Skapad {fmt.date(ctx.today)}."
        )
    return "\n".join(out)


# -- budget ------------------------------------------------------------------

@macro
def budget_ar(ctx: Context, year) -> str:
    """A whole budget page: table, shares with chart, overview, financing, differences, downloads."""
    doc = _budget_doc(ctx, year)
    b = doc.model
    diffs = differences(b)
    numbers = {d.key: n for n, d in enumerate(diffs, start=1)}
    decided = (
        f"Budgeten beslutades {fmt.date(b.beslutad)}"
        + (f" av {text.inline(b.beslutad_av)}" if b.beslutad_av else "")
        + "."
        if b.beslutad
        else "När budgeten beslutades är inte känt."
    )
    out = [
        f"{text.inline(b.forbund)}. {decided} Källa: {_source_title(ctx, b.kalla)}. "
        f"Belopp i {'tusental kronor (tkr)' if b.enhet == 'tkr' else 'kronor'}; kostnader med minustecken.",
        "",
    ]
    if diffs:
        out += [
            '!!! warning "Källans summor stämmer inte alltid med raderna"',
            f"    {len(diffs)} av de summor, resultat och andelar som källan anger skiljer sig från vad raderna "
            "ger. Tabellerna visar det som raderna ger; källans siffra står bredvid, och varje skillnad "
            "förklaras under [Avvikelser mot källan](#avvikelser).",
            "",
        ]
    if b.kommentar:
        out += [text.blocks(b.kommentar), ""]
    out += ["## Budgeten {#budgettabell}", "", budget_table_html(ctx, b, numbers), ""]
    col = b.budget_column()
    if col is not None and shares(b, col.id):
        out += ["## Fördelning per kategori {#fordelning}", "", budget_shares(ctx, b, col, numbers), ""]
    if b.oversikt:
        out += ["## Budgetöversikt {#oversikt}", "", overview_table(ctx, b, numbers), ""]
    if b.finansiering:
        f = b.finansiering
        out += [
            "## Finansiering {#finansiering}",
            "",
            f"Kostnaderna {fmt.tkr(f.kostnader)} finansieras med medlemsintäkter {fmt.tkr(f.medlemsintakter)}, "
            f"övriga intäkter {fmt.tkr(f.ovriga_intakter)} och {fmt.tkr(f.fran_eget_kapital)} ur eget kapital "
            "(enligt källans text; kontrollerat mot tabellen).",
            "",
        ]
    if diffs:
        out += ["## Avvikelser mot källan {#avvikelser}", ""]
        out += [
            "Här är varje siffra som källan anger men som inte stämmer med raderna, med båda siffrorna "
            "och förbundets förklaring.",
            "",
        ]
        for n, d in enumerate(diffs, start=1):
            is_share = bool(d.key) and d.key[0] == "andel"
            unit = "%" if is_share else b.enhet
            diff_unit = "procentenheter" if is_share else b.enhet
            out += [
                f"### {n}. {text.inline(d.what)}, {text.inline(d.column)} {{#avvikelse-{n}}}",
                "",
                f"Källan anger **{fmt.number(d.stated)} {unit}**; beräknat blir det "
                f"**{fmt.number(d.computed)} {unit}** (källan minus beräknat: {fmt.number(d.stated - d.computed)} {diff_unit}).",
                "",
                text.blocks(d.avvikelse.forklaring) if d.avvikelse else "Ingen förklaring.",
                "",
            ]
    dl = downloads_list(ctx, f"budget:{b.ar}", "../data/")
    if dl:
        out += ["## Ladda ner {#ladda-ner}", "", dl, ""]
    return "\n".join(out)


def _cell(comp, number: int | None, unit: str) -> str:
    value = "uppgift saknas" if comp.computed is None else text.html_text(fmt.number(comp.computed))
    if comp.differs:
        link = f' <a href="#avvikelse-{number}">avvikelse {number}</a>' if number else ""
        value += f'<br><small>källan: {text.html_text(fmt.number(comp.stated))}{link}</small>'
    return value


def budget_table_html(ctx: Context, b, numbers: dict) -> str:
    tab = table(b)
    cols = [(c.id, c.rubrik) for c in b.kolumner]
    head = "".join(f'<th scope="col" class="tal">{text.html_text(r)}</th>' for _, r in cols)
    rows: list[str] = []

    def line_row(line, indent=False):
        cells = "".join(
            f'<td class="tal">{"uppgift saknas" if line.amounts[c] is None else text.html_text(fmt.number(line.amounts[c]))}</td>'
            for c, _ in cols
        )
        name = text.html_text(line.name)
        if line.note:
            name += f"<br><small>{text.html_text(line.note)}</small>"
        cls = ' class="indrag"' if indent else ""
        return f'<tr id="{text.attr(line.id)}"><th scope="row"{cls}>{name}</th>{cells}</tr>'

    def group_rows(g):
        cells = "".join(f'<td class="tal"><strong>{_cell(g.sums[c], numbers.get((g.id, c)), b.enhet)}</strong></td>' for c, _ in cols)
        out = [f'<tr id="{text.attr(g.id)}" class="grupp"><th scope="row"><strong>{text.html_text(g.name)}</strong></th>{cells}</tr>']
        return out + [line_row(line, indent=True) for line in g.lines]

    def total_row(kind, label):
        cells = "".join(
            f'<td class="tal"><strong>{_cell(tab.totals[kind][c], numbers.get((kind, c)), b.enhet)}</strong></td>' for c, _ in cols
        )
        return f'<tr class="summa"><th scope="row"><strong>{label}</strong></th>{cells}</tr>'

    for section, posts, label in (("intakter", tab.income, "Intäkter"), ("kostnader", tab.costs, "Kostnader")):
        rows.append(f'<tr class="avsnitt"><th scope="rowgroup" colspan="{len(cols) + 1}">{label}</th></tr>')
        for post in posts:
            rows += group_rows(post) if isinstance(post, Group) else [line_row(post)]
        rows.append(total_row(section, "Summa intäkter" if section == "intakter" else "Summa kostnader"))
    rows.append(total_row("resultat", "Resultat"))
    caption = f"Budget {b.ar} med jämförelser ({'tkr' if b.enhet == 'tkr' else 'kr'})"
    return (
        '<div class="budget-tabell" markdown="0">'
        f'<table><caption>{text.html_text(caption)}</caption>'
        f'<thead><tr><th scope="col">Post</th>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>'
    )


def budget_shares(ctx: Context, b, col, numbers: dict) -> str:
    items = shares(b, col.id)
    out = [
        f"Kostnaderna i {text.inline(col.rubrik)} fördelade på kategorier, i procent av summan av kostnaderna "
        "räknad ur raderna. Procenten är avrundade till hela procent så att de tillsammans blir 100 %: "
        "varje andel avrundas först nedåt, och de procentenheter som då fattas går till de andelar som har "
        "störst rest (största-rest-metoden).",
        "",
        share_chart(b, col, items),
        "",
        f"| Kategori | Kostnad ({b.enhet}) | Andel, oavrundad | Andel | Enligt källan |",
        "|---|---:|---:|---:|---:|",
    ]
    for s in items:
        stated = "–" if s.stated is None else fmt.percent(s.stated)
        if s.differs:
            n = numbers.get(("andel", s.category))
            stated += f" ([avvikelse {n}](#avvikelse-{n}))" if n else ""
        out.append(
            f"| {text.inline(s.label)} | {fmt.number(abs(s.amount))} | {fmt.percent(s.exact, 1)} | {fmt.percent(s.shown)} | {stated} |"
        )
    total = sum(abs(s.amount) for s in items)
    out.append(f"| **Summa** | **{fmt.number(total)}** | **{fmt.percent(sum(s.exact for s in items), 1)}** | **{fmt.percent(sum(s.shown for s in items))}** | |")
    return "\n".join(out)


def share_chart(b, col, items) -> str:
    """A horizontal bar chart as inline SVG; the table below is its twin."""
    width, label_w, value_w, row_h, top = 640, 250, 120, 34, 10
    bar_w = width - label_w - value_w
    biggest = max(abs(s.amount) for s in items) or 1
    height = top * 2 + row_h * len(items)
    desc = "; ".join(
        f"{s.label}: {fmt.number(abs(s.amount))} {b.enhet}, {fmt.percent(s.shown)}" for s in items
    )
    title_id = f"diagram-andelar-{b.ar}-titel"
    desc_id = f"diagram-andelar-{b.ar}-beskrivning"
    parts = [
        f'<figure class="diagram" markdown="0">'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px">'
        f'<title id="{title_id}">{text.html_text(f"Kostnader per kategori, {col.rubrik}")}</title>'
        f'<desc id="{desc_id}">{text.html_text(desc)}</desc>'
    ]
    for i, s in enumerate(items):
        y = top + i * row_h
        w = Decimal(bar_w) * abs(s.amount) / biggest
        short = s.label.split(" (")[0]
        parts.append(
            f'<text x="{label_w - 8}" y="{y + row_h / 2 + 5}" text-anchor="end" font-size="14" fill="currentColor">{text.html_text(short)}</text>'
            f'<rect x="{label_w}" y="{y + 6}" width="{w.quantize(Decimal("0.1"))}" height="{row_h - 12}" class="stapel" fill="#3f51b5"></rect>'
            f'<text x="{label_w + float(w) + 6:.1f}" y="{y + row_h / 2 + 5}" font-size="14" fill="currentColor">'
            f'{text.html_text(fmt.percent(s.shown))}</text>'
        )
    parts.append(
        "</svg>"
        f"<figcaption>{text.html_text(f'Kostnader per kategori, {col.rubrik}. Samma siffror står i tabellen nedan.')}</figcaption>"
        "</figure>"
    )
    return "".join(parts)


def overview_table(ctx: Context, b, numbers: dict) -> str:
    out = [
        "Budgetöversikten som källan anger den, kontrollerad mot tabellen och mot föregående års eget kapital.",
        "",
        f"| År | Intäkter ({b.enhet}) | Kostnader ({b.enhet}) | Resultat ({b.enhet}) | Prognos utfall ({b.enhet}) | Eget kapital 31 december ({b.enhet}) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for i, row in enumerate(b.oversikt):
        comps = overview_comparisons(b, i)

        def cell(kind, value):
            s = _num(value)
            comp = comps.get(kind)
            if comp is not None and comp.differs:
                n = numbers.get(("oversikt", row.ar, kind))
                s += f" (beräknat {fmt.number(comp.computed)}, [avvikelse {n}](#avvikelse-{n}))"
            return s

        equity = cell("eget_kapital_31_dec", row.eget_kapital_31_dec)
        if row.eget_kapital_avser and row.eget_kapital_31_dec is not None:
            equity += f" ({BASIS_LABELS[row.eget_kapital_avser]})"
        out.append(
            f"| {row.ar} | {cell('intakter', row.intakter)} | {cell('kostnader', row.kostnader)} | "
            f"{cell('resultat', row.resultat)} | {cell('prognos_resultat', row.prognos_resultat) if row.prognos_resultat is not None else '–'} | {equity} |"
        )
    return "\n".join(out)


def budget_title(b) -> str:
    return f"Budget {b.ar}"


@macro
def budget_lista(ctx: Context) -> str:
    """The budget years, newest first, with their results."""
    if not ctx.ds.budgetar:
        return "Det finns ingen budget i data ännu."
    out = ["| År | Förbund | Intäkter | Kostnader | Resultat |", "|---|---|---:|---:|---:|"]
    for doc in reversed(ctx.ds.budgetar):
        b = doc.model
        col = b.budget_column()
        tab = table(b)
        t = {k: tab.totals[k][col.id].computed for k in tab.totals} if col else {}
        out.append(
            f"| [{b.ar}]({b.ar}.md) | {text.inline(b.forbund)} | {_num(t.get('intakter'))} {b.enhet} | "
            f"{_num(t.get('kostnader'))} {b.enhet} | {_num(t.get('resultat'))} {b.enhet} |"
        )
    return "\n".join(out)


@page_source
def budget_pages(ds) -> list[GeneratedPage]:
    return [
        GeneratedPage(
            path=f"ekonomi/budget/{doc.model.ar}.md",
            title=budget_title(doc.model),
            parent="ekonomi/budget/index.md",
            content=heading(budget_title(doc.model)) + "\n\n" + call("budget_ar", doc.model.ar) + "\n",
        )
        for doc in reversed(ds.budgetar)
    ]


# -- outcome, equity, equity target ---------------------------------------------

@macro
def utfall(ctx: Context) -> str:
    """Each year's outcome: result against budget, equity, cost distribution."""
    if not ctx.ds.utfall:
        return "Det finns inget utfall i data ännu."
    out = []
    for doc in reversed(ctx.ds.utfall):
        u = doc.model
        out += [f"### Utfall {u.ar}", ""]
        facts = []
        if u.resultat_tkr is not None:
            r = f"Resultatet blev {fmt.tkr(u.resultat_tkr)}"
            if u.budgeterat_resultat_tkr is not None:
                r += f" mot budgeterade {fmt.tkr(u.budgeterat_resultat_tkr)}"
            facts.append(r + ".")
        if u.eget_kapital_31_dec_tkr is not None:
            e = f"Eget kapital den 31 december {u.ar} var {fmt.tkr(u.eget_kapital_31_dec_tkr)}"
            if u.eget_kapital_andel:
                of = "budgeterade intäkter" if u.eget_kapital_andel.av == "budgeterade_intakter" else "medlemsbidragen"
                e += f", enligt källan {fmt.percent(u.eget_kapital_andel.procent)} av {of}"
            facts.append(e + ".")
        out += [" ".join(facts), ""]
        if u.kommentar:
            out += [text.blocks(u.kommentar), ""]
        if u.kostnadsfordelning:
            out += ["| Kostnadsfördelning enligt källan | Andel |", "|---|---:|"]
            out += [f"| {UTFALL_LABELS[k.kategori]} | {fmt.percent(k.procent)} |" for k in u.kostnadsfordelning]
            out.append("")
        out += [f"Källa: {_source_title(ctx, u.kalla)}.", ""]
    return "\n".join(out)


@macro
def eget_kapital(ctx: Context) -> str:
    """Equity year by year, from each source, with the derived opening figures."""
    rows = roll_forward([d.model for d in ctx.ds.budgetar], [d.model for d in ctx.ds.utfall])
    if not rows:
        return "Det finns inga uppgifter om eget kapital i data ännu."
    out = [
        "Ingående eget kapital är föregående års utgående eget kapital, eller, där det inte finns, "
        "utgående eget kapital minus årets resultat. Belopp i tkr.",
        "",
        "| År | Underlag | Ingående | Årets resultat | Utgående, beräknat | Utgående, enligt källan |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        stated = _num(r.closing_stated) if r.closing_stated is not None else "–"
        if r.differs:
            stated += " (skiljer sig från beräkningen)"
        out.append(
            f"| {r.year} | {text.inline(r.source_label)} ({BASIS_LABELS[r.basis]}) | {_num(r.opening)} | "
            f"{_num(r.result)} | {_num(r.closing_computed)} | {stated} |"
        )
    out += ["", "Så är de ingående beloppen framtagna:", ""]
    out += [f"- {r.year}, {text.inline(r.source_label)}: {text.inline(r.opening_from)}." for r in rows]
    return "\n".join(out)


@macro
def eget_kapital_mal(ctx: Context) -> str:
    """The equity target, tested for every year with an equity figure."""
    pol = ctx.ds.ekonomisk_policy
    if pol is None:
        return "Förbundets mål för eget kapital finns inte i data."
    out = []
    for t in pol.model.eget_kapital:
        out += [f"Målet enligt {_source_title(ctx, t.kalla)}: *{text.inline(t.text)}*", ""]
    tests = policy_tests([d.model for d in ctx.ds.budgetar], [d.model for d in ctx.ds.utfall], pol.model.eget_kapital)
    if not tests:
        return "\n".join(out + ["Det finns inget år att pröva målet mot."])
    out += [
        "Målet är formulerat mot årets medlemsbidrag. Årsredovisningen 2022 anger i stället eget kapital i "
        "procent av de budgeterade intäkterna (som också innehåller övriga intäkter); båda visas nedan.",
        "",
        "| År | Underlag | Eget kapital 31 dec | Årets medlemsbidrag | Tak (andel av medlemsbidragen) | Andel av medlemsbidragen | Andel av budgeterade intäkter | Golv | Målet |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for t in tests:
        if t.met is None:
            verdict = "kan inte prövas (medlemsbidragen okända)"
        elif t.met:
            verdict = "uppfyllt"
        else:
            reasons = []
            if t.below_ceiling is False:
                reasons.append(f"över taket {fmt.tkr(t.ceiling)}")
            if not t.above_floor:
                reasons.append(f"under golvet {fmt.tkr(t.floor)}")
            verdict = "inte uppfyllt (" + ", ".join(reasons) + ")"
        out.append(
            f"| {t.year} | {BASIS_LABELS[t.basis]} | {fmt.tkr(t.equity)} | "
            f"{fmt.tkr(t.member_contributions) if t.member_contributions is not None else 'uppgift saknas'} | "
            f"{fmt.tkr(t.ceiling) if t.ceiling is not None else '–'} | "
            f"{fmt.percent(t.share_of_contributions, 1) if t.share_of_contributions is not None else '–'} | "
            f"{fmt.percent(t.share_of_revenue, 1) if t.share_of_revenue is not None else '–'} | "
            f"{fmt.tkr(t.floor)} | **{verdict}** |"
        )
    out += [
        "",
        "Årets medlemsbidrag är budgetens rad för medel från medlemmarna (prognosen när det finns en). "
        "Budgeterade intäkter är budgetens summa av intäkterna.",
    ]
    return "\n".join(out)


@macro
def ekonomi_nedladdningar(ctx: Context) -> str:
    """Every download of the money pages, from ekonomi/index.md."""
    from .downloads import downloads

    items = downloads(ctx.ds)
    if not items:
        return "Det finns inga tabeller att ladda ner ännu."
    return _download_items(ctx, items, "data/")



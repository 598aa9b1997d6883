"""Machine-readable downloads (CSV and JSON) of every table the money pages compute.

Pure: each table is built from the same view-models the pages use, then written
as text. The MkDocs hook only places the text at ``urls.download_csv(name)`` and
``download_json`` (plus ``<name>.csv-metadata.json``, a CSV on the Web description).
Numbers are written the machine way (``-748``, ``70.42``); the unit is in the
metadata and in an ``enhet`` column.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import field
from decimal import Decimal
from typing import Any

from .. import urls
from ..compute.arvoden import remuneration_view
from ..compute.budget import budget_page_view
from ..compute.equity import BASIS_KINDS, policy_tests, roll_forward
from ..compute.fordelningsmodell import model_view
from ..compute.medlemsinsatser import medlemsinsatser_view
from ..memo import by_identity
from ..model.figurslag import FIGURSLAG
from ..pages import file_source
from .. import format as fmt
from . import macro, text
from .links import relative
from .text import spreadsheet_safe
from ..frozen import frozen



@frozen
class Column:
    name: str
    title: str
    datatype: str = "string"  # string, integer, decimal, boolean


@frozen
class Download:
    name: str  # file name without extension
    title: str
    description: str
    unit: str
    sources: list[str]  # source ids (data/kallor.yaml)
    columns: list[Column]
    rows: list[dict[str, Any]]
    topic: str  # which page lists it, e.g. "budget:2023"
    notes: list[str] = field(default_factory=list)


def _value(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else format(v.normalize(), "f")
    return v


def csv_cell(value: Any) -> str:
    """The text of one CSV cell (header or data): the one place a value becomes CSV text."""
    if value is None:
        return ""
    if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
        return str(_value(value))  # a number stays a number, a negative one too
    text = spreadsheet_safe(str(_value(value)))  # text never runs as a formula (OWASP CSV injection)
    return text.replace("\r\n", "\n").replace("\r", "\n")  # the writer quotes \n, not a lone \r


def to_csv(d: Download) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([csv_cell(c.name) for c in d.columns])
    for row in d.rows:
        w.writerow([csv_cell(row.get(c.name)) for c in d.columns])
    return buf.getvalue()


def _metadata(d: Download, ds, today) -> dict:
    titles = {k.id: k.titel for k in ds.kallor.model.kallor}
    return {
        "titel": d.title,
        "beskrivning": d.description,
        "enhet": d.unit,
        "kallor": [{"id": s, "titel": titles.get(s, s)} for s in d.sources],
        "genererad": today.isoformat(),
        "anmarkningar": d.notes,
    }


def to_json(d: Download, ds, today) -> str:
    def plain(v):
        if isinstance(v, Decimal):
            return int(v) if v == v.to_integral_value() else float(v)
        return v

    data = {
        "metadata": _metadata(d, ds, today),
        "kolumner": [{"namn": c.name, "titel": c.title, "datatyp": c.datatype} for c in d.columns],
        "rader": [{c.name: plain(row.get(c.name)) for c in d.columns} for row in d.rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv_metadata(d: Download, ds, today) -> str:
    """A CSV on the Web (W3C) description of the CSV file: title, source, date, columns."""
    meta = _metadata(d, ds, today)
    data = {
        "@context": "http://www.w3.org/ns/csvw",
        "url": f"{d.name}.csv",
        "dc:title": d.title,
        "dc:description": d.description,
        "dc:source": [k["titel"] for k in meta["kallor"]],
        "dc:created": meta["genererad"],
        "dc:language": "sv",
        "enhet": d.unit,
        "tableSchema": {
            "columns": [{"name": c.name, "titles": c.title, "datatype": c.datatype} for c in d.columns]
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- the tables -----------------------------------------------------------------

def budget_download(ds, doc) -> Download:
    v = budget_page_view(ds, doc)
    t = v.table
    rows: list[dict] = []
    group = None
    for section in t.sections + [None]:
        for r in (section.rows if section is not None else [t.result]):
            if r.kind == "grupp":
                group = r.id
            elif r.kind in ("rad", "summa", "resultat"):
                group = None
            for col, c in zip(t.columns, r.cells):
                rows.append({
                    "typ": {"rad": "rad", "underrad": "rad", "grupp": "delsumma", "summa": "summa", "resultat": "summa"}[r.kind],
                    "id": r.id or {"Summa intäkter": "intakter", "Summa kostnader": "kostnader", "Resultat": "resultat"}[r.name],
                    "namn": r.name,
                    "grupp": group if r.kind == "underrad" else None,
                    "kolumn": col.rubrik,
                    "figurslag": col.kind,
                    "belopp": c.figure,
                    "beraknat": c.computed if r.kind in ("grupp", "summa", "resultat") else None,
                    "avviker": c.differs if r.kind in ("grupp", "summa", "resultat") else None,
                    "enhet": t.unit,
                })
    return Download(
        name=f"budget-{v.year}",
        title=f"Budget {v.year}, {v.forbund}",
        description=(
            "Budgetens rader per kolumn. 'belopp' är beloppet som det står i budgeten (för delsummor och summor "
            "källans summa där den anger en); 'beraknat' är summan av raderna, en kontroll; 'figurslag' säger vad "
            "kolumnens siffror är (beslutad budget, prognos, utfall)."
        ),
        unit=v.unit,
        sources=[v.kalla],
        columns=[Column("typ", "Typ (rad, delsumma, summa)"), Column("id", "Id"), Column("namn", "Namn"),
                 Column("grupp", "Grupp"), Column("kolumn", "Kolumn"), Column("figurslag", "Slag av siffra"),
                 Column("belopp", "Belopp (som i budgeten)", "integer"),
                 Column("beraknat", "Summan av raderna (kontroll)", "integer"),
                 Column("avviker", "Budgetens summa skiljer sig från raderna", "boolean"),
                 Column("enhet", "Enhet")],
        rows=rows,
        topic=f"budget:{v.year}",
    )


def shares_download(ds, doc) -> Download | None:
    v = budget_page_view(ds, doc)
    sh = v.shares
    if sh is None:
        return None
    return Download(
        name=f"budgetandelar-{v.year}",
        title=f"Budgetens fördelning per kategori {v.year}",
        description=(
            "Kostnaderna per kategori i procent av summan av kostnaderna. 'procent' är andelen som den står i "
            "budgeten (annars den avrundade); 'procent_exakt' och 'procent_avrundad' är räknade ur raderna, "
            "avrundade till hela procent som budgeten avrundar."
        ),
        unit=f"{v.unit} och procent",
        sources=[v.kalla],
        columns=[Column("kategori", "Kategori"), Column("namn", "Namn"), Column("belopp", f"Belopp ({v.unit})", "integer"),
                 Column("figurslag", "Slag av siffra"),
                 Column("procent", "Procent (som i budgeten)", "decimal"),
                 Column("procent_exakt", "Procent räknad ur raderna (två decimaler)", "decimal"),
                 Column("procent_avrundad", "Procent räknad ur raderna, avrundad", "integer"),
                 Column("avviker", "Budgetens andel skiljer sig från den avrundade", "boolean")],
        rows=[{"kategori": r.category, "namn": r.label, "belopp": r.amount, "figurslag": v.kind,
               "procent": r.figure, "procent_exakt": r.exact.quantize(Decimal("0.01")),
               "procent_avrundad": r.rounded, "avviker": r.differs} for r in sh.rows],
        topic=f"budget:{v.year}",
    )


def contributions_download(ds, doc) -> Download | None:
    v = medlemsinsatser_view(ds, doc)
    if not v.rows:
        return None
    rows = [
        {
            "medlem": r.member, "namn": r.name, "slag": r.party,
            "befolkning": r.population,
            "andel_procent": r.share.quantize(Decimal("0.0001")),
            "belopp_beraknat": r.computed,
            "beraknat_figurslag": v.computed_kind,
            "belopp_angivet": r.stated,
            "angivet_figurslag": v.stated_kind if r.stated is not None else None,
            "angivet_ungefarligt": r.stated_approximate if r.stated is not None else None,
            "skillnad": r.difference,
            "betalat_kant": v.paid_known,
        }
        for r in v.rows
    ]
    notes = [f"Varning: {w}." for w in v.warnings]
    if v.basis is not None:
        notes.insert(0, f"Befolkning: {v.basis.band_label}, {v.basis.reference_date.isoformat()} (data/befolkning/{v.basis_key}.yaml).")
    if v.total_approximate:
        notes.append("Totalen är ungefärlig i källan.")
    notes.append(
        f"Figurslag: belopp_angivet är {FIGURSLAG[v.stated_kind]} enligt källan; belopp_beraknat är "
        f"{FIGURSLAG[v.computed_kind]} (förbundsordningens fördelning av totalen). Inget av dem är vad medlemmen betalade"
        + ("." if not v.paid_known else "; se betalat_kant.")
    )
    return Download(
        name=f"medlemsinsatser-{v.year}",
        title=f"Medlemsinsatser {v.year}",
        description=(
            f"Medlemsinsatserna {v.year} fördelade enligt förbundsordningen ({v.forbundsordning_key}), "
            f"bredvid de belopp som källan anger ({FIGURSLAG[v.stated_kind]})."
        ),
        unit="kr",
        sources=[v.kalla] + ([basis_source(ds, v.basis_key)] if v.basis_key is not None else []),
        columns=[Column("medlem", "Medlem (id)"), Column("namn", "Namn"), Column("slag", "Part (stat, region, kommuner)"),
                 Column("befolkning", "Invånare i underlaget", "integer"),
                 Column("andel_procent", "Andel av totalen (procent)", "decimal"),
                 Column("belopp_beraknat", "Belopp enligt förbundsordningens fördelning (kr)", "integer"),
                 Column("beraknat_figurslag", "Vad det beräknade beloppet är (figurslag)"),
                 Column("belopp_angivet", "Belopp enligt källan (kr)", "integer"),
                 Column("angivet_figurslag", "Vad källans belopp är (figurslag)"),
                 Column("angivet_ungefarligt", "Källans belopp är ungefärligt", "boolean"),
                 Column("skillnad", "Skillnad, beräknat minus angivet (kr)", "integer"),
                 Column("betalat_kant", "Det betalade beloppet är känt", "boolean")],
        rows=rows,
        topic=f"medlemsinsatser:{v.year}",
        notes=notes,
    )


def basis_source(ds, key: str) -> str:
    doc = ds.by_key("befolkning", key)
    return doc.model.kalla


def equity_download(ds) -> Download | None:
    budgets = [d.model for d in ds.budgetar]
    outcomes = [d.model for d in ds.utfall]
    rows = roll_forward(budgets, outcomes)
    if not rows:
        return None
    sources = sorted({d.model.kalla for d in ds.budgetar} | {d.model.kalla for d in ds.utfall})
    return Download(
        name="eget-kapital",
        title="Eget kapital år för år",
        description="Ingående eget kapital, årets resultat och utgående eget kapital per år och underlag.",
        unit="tkr",
        sources=sources,
        columns=[Column("ar", "År", "integer"), Column("underlag", "Underlag (utfall, prognos, budget)"), Column("figurslag", "Slag av siffra"),
                 Column("kalla", "Källa"), Column("ingaende", "Ingående eget kapital", "integer"),
                 Column("ingaende_fran", "Hur det ingående beloppet är framtaget"),
                 Column("resultat", "Årets resultat", "integer"),
                 Column("utgaende_beraknat", "Utgående eget kapital, beräknat", "integer"),
                 Column("utgaende_angivet", "Utgående eget kapital, angivet", "integer")],
        rows=[{"ar": r.year, "underlag": r.basis, "figurslag": BASIS_KINDS[r.basis], "kalla": r.source_label, "ingaende": r.opening,
               "ingaende_fran": r.opening_from, "resultat": r.result, "utgaende_beraknat": r.closing_computed,
               "utgaende_angivet": r.closing_stated} for r in rows],
        topic="ekonomi",
    )


def policy_download(ds) -> Download | None:
    if ds.ekonomisk_policy is None:
        return None
    tests = policy_tests([d.model for d in ds.budgetar], [d.model for d in ds.utfall], ds.ekonomisk_policy.model.eget_kapital)
    if not tests:
        return None
    return Download(
        name="eget-kapital-mal",
        title="Målet för eget kapital prövat år för år",
        description="Eget kapital vid årets slut mot målet: under en andel av årets medlemsbidrag och inte under ett golv.",
        unit="tkr och procent",
        sources=sorted({t.kalla for t in ds.ekonomisk_policy.model.eget_kapital}),
        columns=[Column("ar", "År", "integer"), Column("underlag", "Underlag"), Column("figurslag", "Slag av siffra"), Column("eget_kapital", "Eget kapital 31 december", "integer"),
                 Column("medlemsbidrag", "Årets medlemsbidrag", "integer"), Column("tak", "Tak (andel av medlemsbidragen)", "decimal"),
                 Column("golv", "Golv", "integer"), Column("procent_av_medlemsbidrag", "Eget kapital i procent av medlemsbidragen", "decimal"),
                 Column("procent_av_intakter", "Eget kapital i procent av budgeterade intäkter", "decimal"),
                 Column("uppfyllt", "Målet uppfyllt", "boolean")],
        rows=[{"ar": t.year, "underlag": t.basis, "figurslag": BASIS_KINDS[t.basis], "eget_kapital": t.equity, "medlemsbidrag": t.member_contributions,
               "tak": t.ceiling, "golv": t.floor, "procent_av_medlemsbidrag": t.share_of_contributions,
               "procent_av_intakter": t.share_of_revenue, "uppfyllt": t.met} for t in tests],
        topic="ekonomi",
    )


def allocation_downloads(ds) -> list[Download]:
    out = []
    for doc in ds.fordelningsmodeller:
        v = model_view(doc)
        if not v.steps:
            continue
        out.append(
            Download(
                name=f"fordelningsmodell-{v.year}-exempel",
                title=f"Statens fördelningsmodell {v.year}: räkneexempel med fiktiva siffror",
                description="Räkneexempel som visar modellen. Siffrorna är fiktiva, inte uppgifter om något förbund.",
                unit="tkr",
                sources=[v.kalla],
                columns=[Column("steg", "Steg"), Column("namn", "Namn"), Column("belopp", "Belopp (tkr)", "decimal"),
                         Column("exempel", "Fiktivt exempel", "boolean"), Column("figurslag", "Slag av siffra")],
                rows=[{"steg": s.key, "namn": s.label,
                       "belopp": s.amount.quantize(Decimal("0.1")) if s.amount is not None else None,
                       "exempel": True, "figurslag": v.example_kind} for s in v.steps],
                topic="fordelningsmodell",
                notes=["Fiktiva siffror: visar bara hur modellen räknar."],
            )
        )
    return out


def remuneration_download(ds) -> Download | None:
    v = remuneration_view(ds)
    if not v.years:
        return None
    data = []
    for y in v.years:
        for role, pct, amount in (("ordforande", y.chair_percent, y.chair), ("vice_ordforande", y.vice_percent, y.vice)):
            data.append({"ar": y.year, "roll": role, "procent": pct, "grundbelopp": y.base_amount,
                         "belopp": amount, "figurslag": y.kind})
    sources = sorted({y.kalla for y in v.years if y.kalla} | {k for y in v.years for k in y.rule_sources})
    return Download(
        name="arvoden",
        title="Fasta årsarvoden för ordförande och vice ordförande",
        description="Procent av grundbeloppet enligt förbundsordningen; beloppen är tomma så länge grundbeloppet inte är känt.",
        unit="kr och procent",
        sources=sources,
        columns=[Column("ar", "År", "integer"), Column("roll", "Roll"), Column("procent", "Procent av grundbeloppet", "decimal"),
                 Column("grundbelopp", "Grundbelopp (kr)", "integer"), Column("belopp", "Arvode (kr)", "integer"),
                 Column("figurslag", "Slag av siffra")],
        rows=data,
        topic="arvoden",
    )


@by_identity  # several pages list the downloads; computed once per data set
def downloads(ds) -> list[Download]:
    out: list[Download] = []
    for doc in ds.budgetar:
        out.append(budget_download(ds, doc))
        s = shares_download(ds, doc)
        if s:
            out.append(s)
    for doc in ds.medlemsinsatser:
        c = contributions_download(ds, doc)
        if c:
            out.append(c)
    for d in (equity_download(ds), policy_download(ds)):
        if d:
            out.append(d)
    out += allocation_downloads(ds)
    r = remuneration_download(ds)
    if r:
        out.append(r)
    return out


def for_topic(ds, topic: str) -> list[Download]:
    return [d for d in downloads(ds) if d.topic == topic]


@file_source
def download_files(ds, today) -> list[tuple[str, str]]:
    files = []
    for d in downloads(ds):
        files.append((urls.download_csv(d.name), to_csv(d)))
        files.append((urls.download_csv_metadata(d.name), to_csv_metadata(d, ds, today)))
        files.append((urls.download_json(d.name), to_json(d, ds, today)))
    return files


# -- the download lists on the pages ---------------------------------------------

def source_title(ctx, source_id: str) -> str:
    """A source's title as safe Markdown (its id if the source is not listed)."""
    k = next((k for k in ctx.ds.kallor.model.kallor if k.id == source_id), None)
    return text.inline(k.titel) if k else text.inline(source_id)


def download_items(ctx, items: list[Download], from_page: str) -> str:
    """A Markdown list of downloads: CSV, its description, JSON, with unit, source and date."""
    out = []
    for d in items:
        sources = "; ".join(source_title(ctx, s) for s in d.sources)
        out.append(
            f"- {text.inline(d.title)}: [CSV]({relative(from_page, urls.download_csv(d.name))}) "
            f"([beskrivning av CSV-filen]({relative(from_page, urls.download_csv_metadata(d.name))})), "
            f"[JSON]({relative(from_page, urls.download_json(d.name))}). "
            f"Enhet: {text.inline(d.unit)}. Källa: {sources}. Skapad {fmt.date(ctx.today)}."
        )
    return "\n".join(out)


def downloads_list(ctx, topic: str, from_page: str) -> str:
    """The downloads of one topic, listed for the page ``from_page``."""
    return download_items(ctx, for_topic(ctx.ds, topic), from_page)


# The yearly downloads: (series label, the year of a download or None, where a year's
# downloads are listed in full). Budget and medlemsinsatser: the year's own page;
# the state's allocation model: its one page, which lists every year.
_YEARLY = re.compile(r"^(?:budget|medlemsinsatser):(?P<year>[0-9]{4})$")
_MODEL = re.compile(r"^fordelningsmodell-(?P<year>[0-9]{4})-")


def _year_of(pattern: re.Pattern, value: str) -> int | None:
    m = pattern.match(value)
    return int(m.group("year")) if m else None


_SERIES = (
    ("Budget", lambda d: _year_of(_YEARLY, d.topic) if d.topic.startswith("budget:") else None,
     lambda y: urls.budget_page(y) + "#ladda-ner"),
    ("Medlemsinsatser", lambda d: _year_of(_YEARLY, d.topic) if d.topic.startswith("medlemsinsatser:") else None,
     lambda y: urls.medlemsinsatser_page(y) + "#ladda-ner"),
    ("Statens fördelningsmodell", lambda d: _year_of(_MODEL, d.name) if d.topic == "fordelningsmodell" else None,
     lambda y: urls.FORDELNINGSMODELL + "#ladda-ner"),
)


@macro
def ekonomi_nedladdningar(ctx) -> str:
    """Every download of the money pages, listed on ekonomi/index.md: each yearly series'
    newest years (compute.recent) in full, its older years as links to the page that
    lists them in full (the list grew by several entries a year: 37 KB of the page at
    25 years of data)."""
    from ..compute.recent import newest_and_older

    items = downloads(ctx.ds)
    if not items:
        return "Det finns inga tabeller att ladda ner ännu."
    left_out: set[int] = set()
    lines = []
    for label, year_of, target in _SERIES:
        yearly = [(d, y) for d in items if (y := year_of(d)) is not None]
        _, old = newest_and_older(yearly, lambda t: t[1])
        if not old:
            continue
        left_out |= {id(d) for d, _ in old}
        years = sorted({y for _, y in old}, reverse=True)
        targets = {target(y) for y in years}
        if len(targets) == 1:  # one page lists them all
            links = f"[{fmt.years(years)}]({relative(urls.EKONOMI, targets.pop())})"
        else:
            links = ", ".join(f"[{y}]({relative(urls.EKONOMI, target(y))})" for y in years)
        lines.append(f"- {label}, tidigare år: {links}.")
    out = download_items(ctx, [d for d in items if id(d) not in left_out], urls.EKONOMI)
    return "\n".join([out, *lines]) if lines else out

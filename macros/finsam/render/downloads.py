"""Machine-readable downloads (CSV and JSON) of every table the money pages compute.

Pure: each table is built from the same view-models the pages use, then written
as text. The MkDocs hook only places the text at ``ekonomi/data/<name>.csv`` and
``.json`` (plus ``<name>.csv-metadata.json``, a CSV on the Web description).
Numbers are written the machine way (``-748``, ``70.42``); the unit is in the
metadata and in an ``enhet`` column.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..compute.budget import Group, shares, table
from ..compute.contributions import STATE, year_contributions
from ..compute.equity import policy_tests, roll_forward
from ..memo import by_identity
from ..pages import file_source
from .text import spreadsheet_safe

DIR = "ekonomi/data"


@dataclass(frozen=True)
class Column:
    name: str
    title: str
    datatype: str = "string"  # string, integer, decimal, boolean


@dataclass(frozen=True)
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

def budget_download(doc) -> Download:
    b = doc.model
    tab = table(b)
    rubrik = {c.id: c.rubrik for c in b.kolumner}
    rows: list[dict] = []

    def line_rows(line, group=None):
        for col in tab.columns:
            rows.append({"typ": "rad", "id": line.id, "namn": line.name, "grupp": group, "kategori": line.category,
                         "kolumn": rubrik[col], "belopp": line.amounts[col], "angivet": None, "enhet": b.enhet})

    for section, posts in (("intakter", tab.income), ("kostnader", tab.costs)):
        for post in posts:
            if isinstance(post, Group):
                for line in post.lines:
                    line_rows(line, post.id)
                for col, comp in post.sums.items():
                    rows.append({"typ": "delsumma", "id": post.id, "namn": post.name, "grupp": None, "kategori": None,
                                 "kolumn": rubrik[col], "belopp": comp.computed, "angivet": comp.stated, "enhet": b.enhet})
            else:
                line_rows(post)
    names = {"intakter": "Summa intäkter", "kostnader": "Summa kostnader", "resultat": "Resultat"}
    for kind, by_col in tab.totals.items():
        for col, comp in by_col.items():
            rows.append({"typ": "summa", "id": kind, "namn": names[kind], "grupp": None, "kategori": None,
                         "kolumn": rubrik[col], "belopp": comp.computed, "angivet": comp.stated, "enhet": b.enhet})
    return Download(
        name=f"budget-{b.ar}",
        title=f"Budget {b.ar}, {b.forbund}",
        description=(
            "Budgetens rader per kolumn. 'belopp' är radens belopp eller, för delsummor och summor, "
            "summan av raderna; 'angivet' är den summa som källan anger."
        ),
        unit=b.enhet,
        sources=[b.kalla],
        columns=[Column("typ", "Typ (rad, delsumma, summa)"), Column("id", "Id"), Column("namn", "Namn"),
                 Column("grupp", "Grupp"), Column("kategori", "Kategori"), Column("kolumn", "Kolumn"),
                 Column("belopp", "Belopp (beräknat)", "integer"), Column("angivet", "Angivet i källan", "integer"),
                 Column("enhet", "Enhet")],
        rows=rows,
        topic=f"budget:{b.ar}",
    )


def shares_download(doc) -> Download | None:
    b = doc.model
    col = b.budget_column()
    if col is None:
        return None
    items = shares(b, col.id)
    if not items:
        return None
    return Download(
        name=f"budgetandelar-{b.ar}",
        title=f"Budgetens fördelning per kategori {b.ar}",
        description=(
            "Kostnaderna per kategori i procent av summan av kostnaderna. 'procent_visad' är avrundad till hela "
            "procent med största-rest-metoden så att andelarna blir 100 tillsammans."
        ),
        unit=f"{b.enhet} och procent",
        sources=[b.kalla],
        columns=[Column("kategori", "Kategori"), Column("namn", "Namn"), Column("belopp", f"Belopp ({b.enhet})", "integer"),
                 Column("procent_exakt", "Procent (oavrundat, två decimaler)", "decimal"),
                 Column("procent_visad", "Procent (avrundat)", "integer"),
                 Column("procent_angiven", "Procent enligt källan", "decimal")],
        rows=[{"kategori": s.category, "namn": s.label, "belopp": s.amount,
               "procent_exakt": s.exact.quantize(Decimal("0.01")), "procent_visad": s.shown,
               "procent_angiven": s.stated} for s in items],
        topic=f"budget:{b.ar}",
    )


def contributions_download(ds, doc) -> Download | None:
    view = year_contributions(ds, doc)
    if view is None or view.split is None:
        return None
    m = doc.model
    rows = []
    for member, kind in view.parties:
        part = view.split.part(member)
        name = "Staten (Arbetsförmedlingen och Försäkringskassan)" if member == STATE else ds.organisation(member).namn
        stated = view.stated.get(member)
        rows.append({
            "medlem": member, "namn": name, "slag": kind,
            "befolkning": part.population if part else None,
            "andel_procent": part.share.quantize(Decimal("0.0001")) if part else None,
            "belopp_beraknat": part.amount if part else None,
            "belopp_angivet": stated,
            "angivet_ungefarligt": member in view.approximate if stated is not None else None,
            "skillnad": (part.amount - stated) if part and stated is not None else None,
        })
    basis = view.split.basis
    notes = [f"Varning: {w}." for w in view.warnings]
    if basis is not None:
        notes.insert(0, f"Befolkning: {basis.band_label}, {basis.reference_date.isoformat()} (data/befolkning/{basis.key}.yaml).")
    if view.total_approximate:
        notes.append("Totalen är ungefärlig i källan.")
    return Download(
        name=f"medlemsinsatser-{m.ar}",
        title=f"Medlemsinsatser {m.ar}",
        description=(
            f"Medlemsinsatserna {m.ar} räknade enligt förbundsordningen ({view.forbundsordning_key}), "
            "bredvid de belopp som källan anger."
        ),
        unit="kr",
        sources=[m.kalla] + ([basis_source(ds, basis.key)] if basis is not None else []),
        columns=[Column("medlem", "Medlem (id)"), Column("namn", "Namn"), Column("slag", "Slag (stat, region, kommuner)"),
                 Column("befolkning", "Invånare i underlaget", "integer"),
                 Column("andel_procent", "Andel av totalen (procent)", "decimal"),
                 Column("belopp_beraknat", "Beräknat belopp (kr)", "integer"),
                 Column("belopp_angivet", "Belopp enligt källan (kr)", "integer"),
                 Column("angivet_ungefarligt", "Källans belopp är ungefärligt", "boolean"),
                 Column("skillnad", "Skillnad, beräknat minus angivet (kr)", "integer")],
        rows=rows,
        topic=f"medlemsinsatser:{m.ar}",
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
        columns=[Column("ar", "År", "integer"), Column("underlag", "Underlag (utfall, prognos, budget)"),
                 Column("kalla", "Källa"), Column("ingaende", "Ingående eget kapital", "integer"),
                 Column("ingaende_fran", "Hur det ingående beloppet är framtaget"),
                 Column("resultat", "Årets resultat", "integer"),
                 Column("utgaende_beraknat", "Utgående eget kapital, beräknat", "integer"),
                 Column("utgaende_angivet", "Utgående eget kapital, angivet", "integer")],
        rows=[{"ar": r.year, "underlag": r.basis, "kalla": r.source_label, "ingaende": r.opening,
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
        columns=[Column("ar", "År", "integer"), Column("underlag", "Underlag"), Column("eget_kapital", "Eget kapital 31 december", "integer"),
                 Column("medlemsbidrag", "Årets medlemsbidrag", "integer"), Column("tak", "Tak (andel av medlemsbidragen)", "decimal"),
                 Column("golv", "Golv", "integer"), Column("procent_av_medlemsbidrag", "Eget kapital i procent av medlemsbidragen", "decimal"),
                 Column("procent_av_intakter", "Eget kapital i procent av budgeterade intäkter", "decimal"),
                 Column("uppfyllt", "Målet uppfyllt", "boolean")],
        rows=[{"ar": t.year, "underlag": t.basis, "eget_kapital": t.equity, "medlemsbidrag": t.member_contributions,
               "tak": t.ceiling, "golv": t.floor, "procent_av_medlemsbidrag": t.share_of_contributions,
               "procent_av_intakter": t.share_of_revenue, "uppfyllt": t.met} for t in tests],
        topic="ekonomi",
    )


@by_identity  # several pages list the downloads; computed once per data set
def downloads(ds) -> list[Download]:
    out: list[Download] = []
    for doc in ds.budgetar:
        out.append(budget_download(doc))
        s = shares_download(doc)
        if s:
            out.append(s)
    for doc in ds.medlemsinsatser:
        c = contributions_download(ds, doc)
        if c:
            out.append(c)
    for d in (equity_download(ds), policy_download(ds)):
        if d:
            out.append(d)
    from .fordelningsmodell import allocation_downloads
    from .arvoden import remuneration_download

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
        files.append((f"{DIR}/{d.name}.csv", to_csv(d)))
        files.append((f"{DIR}/{d.name}.csv-metadata.json", to_csv_metadata(d, ds, today)))
        files.append((f"{DIR}/{d.name}.json", to_json(d, ds, today)))
    return files

"""The dokumentbank grouped for listing and filtering by type and year."""

from __future__ import annotations

from ..model.dokument import KIND_LABELS
from ..frozen import frozen


def by_kind(documents) -> list[tuple[str, list]]:
    """(kind, documents) in the order of KIND_LABELS, newest year first; empty kinds left out."""
    out = []
    for kind in KIND_LABELS:
        docs = [d for d in documents if d.typ == kind]
        if docs:
            out.append((kind, sorted(docs, key=_newest_first)))
    return out


def years(documents) -> list[int | None]:
    """Every year that occurs, newest first; None (unknown year) last if it occurs."""
    known = sorted({d.ar for d in documents if d.ar is not None}, reverse=True)
    return known + ([None] if any(d.ar is None for d in documents) else [])


def _newest_first(doc) -> tuple:
    return (-(doc.ar or 0), -(doc.datum.toordinal() if doc.datum else 0), doc.titel)


# -- the dokumentbank as one view object -------------------------------------

import datetime as dt  # noqa: E402
from dataclasses import dataclass  # noqa: E402

from .views import view_source  # noqa: E402

PAGE = "dokument/index.md"

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


def year_anchor(year: int | None) -> str:
    return f"ar-{year}" if year is not None else "ar-okant"


@frozen(kw_only=True)
class DokumentRad:
    titel: str
    forbund: str
    anmarkning: str | None
    typ: str  # the kind's id
    typ_namn: str  # singular label, also what the filter compares
    ar: int | None
    datum: dt.date | None
    beslutsorgan: str | None
    sida: str | None  # the page on this site that shows the document's facts
    lank: str | None  # the förbund's published copy


@frozen(kw_only=True)
class DokumentGrupp:
    id: str  # anchor
    rubrik: str
    rader: tuple[DokumentRad, ...]


@frozen(kw_only=True)
class DokumentbankView:
    rader: tuple[DokumentRad, ...]  # every document, grouped by kind, newest first
    typer: tuple[DokumentGrupp, ...]
    ar: tuple[DokumentGrupp, ...]
    saknade_typer: tuple[str, ...]  # kinds the site expects but has none of (plural labels)
    page: str = PAGE


EXPECTED_KINDS = ("protokoll",)


def dokumentbank_view(ds, today: dt.date | None = None) -> DokumentbankView | None:
    if ds.dokument is None:
        return None
    docs = ds.dokument.model.dokument

    def row(d) -> DokumentRad:
        return DokumentRad(
            titel=d.titel, forbund=d.forbund, anmarkning=d.anmarkning, typ=d.typ,
            typ_namn=SINGULAR[d.typ], ar=d.ar, datum=d.datum, beslutsorgan=d.beslutsorgan,
            sida=d.sida, lank=d.lank,
        )

    kinds = by_kind(docs)
    ordered = tuple(row(d) for _, kd in kinds for d in kd)
    types = tuple(DokumentGrupp(id=k, rubrik=KIND_LABELS[k], rader=tuple(row(d) for d in kd)) for k, kd in kinds)
    per_year = tuple(
        DokumentGrupp(
            id=year_anchor(y),
            rubrik=str(y) if y is not None else "År okänt",
            rader=tuple(r for r in ordered if r.ar == y),
        )
        for y in years(docs)
    )
    missing = tuple(KIND_LABELS[k] for k in EXPECTED_KINDS if not any(d.typ == k for d in docs))
    return DokumentbankView(rader=ordered, typer=types, ar=per_year, saknade_typer=missing)


@view_source
def dokumentbank(ds, today: dt.date) -> list[DokumentbankView]:
    view = dokumentbank_view(ds, today)
    return [view] if view is not None else []

"""The dokumentbank grouped for listing and filtering by type and year."""

from __future__ import annotations

from ..model.dokument import KIND_LABELS


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

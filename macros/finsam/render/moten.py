"""Meetings: upcoming and past, split by the build date."""

from __future__ import annotations

from ..compute.moten import DatedMeeting, split
from ..model.moten import DOCUMENT_LABELS, KIND_LABELS
from . import Context, macro
from .. import format as fmt
from . import text
from .links import link_if_page

MEETINGS_PAGE = "moten/index.md"


def _all(ctx: Context) -> list[DatedMeeting]:
    return [DatedMeeting(m, int(doc.key)) for doc in ctx.ds.moten if doc.key.isdigit() for m in doc.model.moten]


def _when(dm: DatedMeeting) -> str:
    m = dm.meeting
    if m.datum is None:
        return f"{dm.year}, datum okänt"
    out = fmt.date(m.datum)
    if m.start:
        out += f", kl. {m.start}" + (f"–{m.slut}" if m.slut else "")
    return out


def _documents(ctx: Context, dm: DatedMeeting) -> str:
    parts = []
    for d in dm.meeting.dokument:
        label = DOCUMENT_LABELS[d.slag]
        if d.url:
            parts.append(text.external_link(d.url, label))
        elif d.sida and (link := link_if_page(ctx, MEETINGS_PAGE, d.sida)):
            parts.append(f"[{label} (sammanfattning)]({link})")
        else:
            parts.append(f"{label} (inte publicerad här)")
    return "; ".join(parts) if parts else "–"


def _title(m) -> str:
    kind = KIND_LABELS[m.slag]
    return kind if m.rubrik == kind else f"{kind}: {text.inline(m.rubrik)}"


def _table(ctx: Context, meetings: list[DatedMeeting]) -> str:
    rows = ["| När | Möte | Vem | Om mötet | Handlingar |", "|---|---|---|---|---|"]
    for dm in meetings:
        m = dm.meeting
        about = text.inline(m.beskrivning) if m.beskrivning else ""
        if m.plats:
            about = (about + " " if about else "") + f"Plats: {text.inline(m.plats)}."
        rows.append(
            f"| {_when(dm)} | {_title(m)} | {text.inline(m.organ)} | "
            f"{about} | {_documents(ctx, dm)} |"
        )
    return "\n".join(rows)


@macro
def moten_kommande(ctx: Context) -> str:
    """Meetings on or after the build date."""
    upcoming, _ = split(_all(ctx), ctx.today)
    if not upcoming:
        return f"Det finns inga kommande möten i uppgifterna (per {fmt.date(ctx.today)})."
    return _table(ctx, upcoming)


@macro
def moten_tidigare(ctx: Context) -> str:
    """Meetings before the build date, newest first."""
    _, past = split(_all(ctx), ctx.today)
    if not past:
        return "Det finns inga tidigare möten i uppgifterna."
    return _table(ctx, past)

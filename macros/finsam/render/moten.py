"""Meetings: upcoming and past by the build date, with their documents where
published, and one note for the documents that are missing (compute.moten)."""

from __future__ import annotations

from .. import urls
from ..compute.moten import MeetingView, meetings_view
from . import Context, macro
from .. import format as fmt
from . import text
from .links import link, link_if_page

MEETINGS_PAGE = urls.MOTEN
CONTACT_PAGES = ("kontakt/index.md", "kontakt.md", "om/kontakt.md")


def contact_link(ctx: Context, from_page: str) -> str:
    """``förbundets kansli``, linked to the contact page where the site has one."""
    for page in CONTACT_PAGES:
        link = link_if_page(ctx, from_page, page)
        if link:
            return f"[förbundets kansli]({link})"
    return "förbundets kansli"


def when(m: MeetingView) -> str:
    if m.date is None:
        return f"{m.year}, datum okänt"
    out = fmt.date(m.date)
    if m.start:
        out += f", kl. {m.start}" + (f"–{m.end}" if m.end else "")
    return out


def document_links(ctx: Context, m: MeetingView, from_page: str) -> list[str]:
    """Markdown links to the meeting's published documents."""
    parts = []
    for d in m.published_documents:
        if d.url:
            parts.append(text.external_link(d.url, d.label))
        elif d.file and (link := link_if_page(ctx, from_page, d.file)):
            parts.append(f"[{d.label}]({link})")
        elif d.page and (link := link_if_page(ctx, from_page, d.page)):
            parts.append(f"[{d.label} (sammanfattning)]({link})")
    return parts


def _list(ctx: Context, meetings: tuple[MeetingView, ...]) -> str:
    """One list item per meeting (readable at any width): when, what, who, about, documents."""
    rows = []
    for m in meetings:
        parts = [f"- **{when(m)}:** {text.inline(m.title)} ({text.inline(m.organ)})."]
        if m.about:
            parts.append(text.inline(m.about))
        if m.place:
            parts.append(f"Plats: {text.inline(m.place)}.")
        docs = document_links(ctx, m, MEETINGS_PAGE)
        if docs:
            parts.append(f"Handlingar: {'; '.join(docs)}.")
        rows.append(" ".join(parts))
    return "\n".join(rows)


@macro
def moten_handlingar(ctx: Context) -> str:
    """One note for the kinds of document no meeting has published, instead of a gap in every row."""
    view = meetings_view(ctx.ds, ctx.today)
    if not view.kinds_missing or view.first_year is None:
        return ""
    years = str(view.first_year) if view.first_year == view.last_year else f"{view.first_year}–{view.last_year}"
    kinds = " och ".join([", ".join(view.kinds_missing[:-1]), view.kinds_missing[-1]] if len(view.kinds_missing) > 1 else view.kinds_missing)
    return "\n".join(
        [
            '!!! info "Handlingar som saknas"',
            f"    {kinds.capitalize()} finns inte publicerade här för något av mötena {years}, "
            f"och källorna länkar inte till dem. Vill du läsa dem kan du fråga {contact_link(ctx, MEETINGS_PAGE)}.",
        ]
    )


@macro
def moten_kommande(ctx: Context) -> str:
    """Meetings on or after the build date."""
    view = meetings_view(ctx.ds, ctx.today)
    if not view.upcoming:
        return f"Det finns inga kommande möten i uppgifterna den {fmt.date(ctx.today)}."
    return _list(ctx, view.upcoming)


@macro
def moten_tidigare(ctx: Context) -> str:
    """Meetings before the build date, newest first."""
    view = meetings_view(ctx.ds, ctx.today)
    if not view.past:
        return "Det finns inga tidigare möten i uppgifterna."
    return _list(ctx, view.past)


def start_lines(ctx: Context, from_page: str) -> list[str]:
    """The start page's meeting lines: the next board meeting and the latest meeting,
    each with its kallelse, handlingar or protokoll when they are published."""
    view = meetings_view(ctx.ds, ctx.today)
    all_link = link(ctx, from_page, urls.MOTEN, "Alla möten")
    out = []
    nxt = view.next_board_meeting
    if nxt is not None:
        docs = document_links(ctx, nxt, from_page)
        out.append(f"**Nästa styrelsemöte:** {when(nxt)}." + (f" {'; '.join(docs)}." if docs else "") + f" {all_link}")
    else:
        out.append(f"**Nästa styrelsemöte:** inget datum finns i uppgifterna den {fmt.date(ctx.today)}. {all_link}")
    latest = view.latest
    if latest is not None:
        docs = document_links(ctx, latest, from_page)
        out += ["", f"**Senaste möte:** {when(latest)}, {text.inline(latest.title.lower())}." + (f" {'; '.join(docs)}." if docs else "")]
    return [line.rstrip() for line in out]

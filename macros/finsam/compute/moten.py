"""Meetings as the pages show them: upcoming and past by the build date, each with
its documents (kallelse, handlingar, protokoll, minnesanteckningar). Pure."""

from __future__ import annotations

import datetime as dt

from .. import urls
from ..model.moten import DOCUMENT_LABELS, KIND_LABELS, Mote
from .views import view_source
from ..frozen import frozen

PAGE = urls.MOTEN
MAIN_DOCUMENTS = ("kallelse", "handlingar", "protokoll")


@frozen
class DatedMeeting:
    meeting: Mote
    year: int


@frozen
class DocumentView:
    kind: str
    label: str
    url: str | None  # a published copy elsewhere
    file: str | None  # a file of this site, relative to docs/
    page: str | None  # a page of this site about the document, relative to docs/

    @property
    def published(self) -> bool:
        return self.url is not None or self.file is not None or self.page is not None


@frozen
class MeetingView:
    id: str
    year: int
    date: dt.date | None
    start: str | None
    end: str | None
    kind: str
    kind_label: str
    title: str  # the heading as shown: the kind, and the rubrik when it says more
    organ: str
    place: str | None
    about: str | None
    documents: tuple[DocumentView, ...]
    upcoming: bool

    @property
    def published_documents(self) -> tuple[DocumentView, ...]:
        return tuple(d for d in self.documents if d.published)


@frozen
class MeetingsView:
    page: str
    today: dt.date
    upcoming: tuple[MeetingView, ...]  # soonest first
    past: tuple[MeetingView, ...]  # newest first
    # Whether any meeting has a published document: when none has, the page says so
    # once instead of in every row.
    any_published: bool
    # The kinds of document (kallelse, handlingar, protokoll) that no meeting has published.
    kinds_missing: tuple[str, ...]
    first_year: int | None
    last_year: int | None

    @property
    def next_board_meeting(self) -> MeetingView | None:
        return next((m for m in self.upcoming if m.kind == "styrelsemote"), None)

    @property
    def latest(self) -> MeetingView | None:
        """The latest past meeting with a known date (an undated one is not called the latest)."""
        return next((m for m in self.past if m.date is not None), None)


def split(meetings: list[DatedMeeting], today: dt.date) -> tuple[list[DatedMeeting], list[DatedMeeting]]:
    """(upcoming, past). A meeting today counts as upcoming. A meeting without a date
    is past when its year is over, otherwise upcoming (its day is not known)."""
    upcoming, past = [], []
    for dm in meetings:
        d = dm.meeting.datum
        is_upcoming = d >= today if d is not None else dm.year >= today.year
        (upcoming if is_upcoming else past).append(dm)

    def key(undated_day: int, undated_month: int):
        return lambda dm: (dm.year, dm.meeting.datum or dt.date(dm.year, undated_month, undated_day))

    # A meeting without a date comes after the dated ones of its year among the
    # upcoming, and after them (oldest end) among the past: never "next" or "latest".
    upcoming.sort(key=key(31, 12))
    past.sort(key=key(1, 1), reverse=True)
    return upcoming, past


def all_meetings(ds) -> list[DatedMeeting]:
    return [DatedMeeting(m, int(doc.key)) for doc in ds.moten if doc.key.isdigit() for m in doc.model.moten]


def _view(dm: DatedMeeting, upcoming: bool) -> MeetingView:
    m = dm.meeting
    kind = KIND_LABELS[m.slag]
    return MeetingView(
        id=m.id,
        year=dm.year,
        date=m.datum,
        start=m.start,
        end=m.slut,
        kind=m.slag,
        kind_label=kind,
        # The rubrik alone when it already names the kind ("Interimsstyrelsens konstituerande möte").
        title=m.rubrik if kind.lower() in m.rubrik.lower() else f"{kind}: {m.rubrik}",
        organ=m.organ,
        place=m.plats,
        about=m.beskrivning,
        documents=tuple(DocumentView(d.slag, DOCUMENT_LABELS[d.slag], d.url, d.fil, d.sida) for d in m.dokument),
        upcoming=upcoming,
    )


def meetings_view(ds, today: dt.date) -> MeetingsView:
    dated = all_meetings(ds)
    upcoming, past = split(dated, today)
    views_up = tuple(_view(dm, True) for dm in upcoming)
    views_past = tuple(_view(dm, False) for dm in past)
    years = [dm.year for dm in dated]
    return MeetingsView(
        page=PAGE,
        today=today,
        upcoming=views_up,
        past=views_past,
        any_published=any(m.published_documents for m in views_up + views_past),
        kinds_missing=tuple(
            DOCUMENT_LABELS[k]
            for k in MAIN_DOCUMENTS
            if not any(d.kind == k for m in views_up + views_past for d in m.published_documents)
        ),
        first_year=min(years) if years else None,
        last_year=max(years) if years else None,
    )


@view_source
def moten(ds, today: dt.date) -> list[MeetingsView]:
    return [meetings_view(ds, today)]

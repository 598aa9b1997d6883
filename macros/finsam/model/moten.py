"""Meetings of one year (data/moten/<year>.yaml): board meetings, member
consultations and progress reports, with their documents where known."""

import datetime as dt
from typing import Literal

from .base import Clock, Model, PagePath, SiteFile, Slug, Text, Url

MeetingKind = Literal["styrelsemote", "medlemssamrad", "konstituerande_mote", "lagesrapport"]
DocumentKind = Literal["kallelse", "handlingar", "protokoll", "minnesanteckningar"]

KIND_LABELS: dict[str, str] = {
    "styrelsemote": "Styrelsemöte",
    "medlemssamrad": "Medlemssamråd",
    "konstituerande_mote": "Konstituerande möte",
    "lagesrapport": "Lägesrapport",
}
DOCUMENT_LABELS: dict[str, str] = {
    "kallelse": "Kallelse",
    "handlingar": "Handlingar",
    "protokoll": "Protokoll",
    "minnesanteckningar": "Minnesanteckningar",
}



class Dokument(Model):
    """A meeting's kallelse, handlingar, protokoll or minnesanteckningar: a link to a
    published copy, a file published with this site, or a page of this site about it."""

    slag: DocumentKind
    # A published copy elsewhere, if there is one; null when no link is known.
    url: Url | None = None
    # A file published with this site, relative to docs/ (e.g. moten/2026/protokoll-2026-03-01.pdf).
    fil: SiteFile | None = None
    # A page of this site about the document (e.g. notes in our words), relative to docs/.
    sida: PagePath | None = None


class Mote(Model):
    id: Slug
    datum: dt.date | None
    start: Clock | None = None
    slut: Clock | None = None
    slag: MeetingKind
    organ: Text
    rubrik: Text
    plats: Text | None = None
    beskrivning: Text | None = None
    dokument: list[Dokument] = []
    kalla: Slug


class Moten(Model):
    moten: list[Mote]

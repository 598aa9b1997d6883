"""The förbund's documents: the dokumentbank (data/dokument.yaml).

A document is listed with its type, year, date and deciding body. It links to
the förbund's own published copy only where a source gives that address
(``lank``), and to the page of this site that renders it from data (``sida``).
"""

import datetime as dt
from typing import Literal

from .base import Model, PagePath, Slug, Text, Url, Year

DocumentKind = Literal[
    "verksamhetsplan",
    "budget",
    "arsredovisning",
    "forbundsordning",
    "protokoll",
    "minnesanteckningar",
    "skrivelse",
    "brev",
    "presentation",
    "reglemente",
    "arshjul",
    "instruktion",
    "avsiktsforklaring",
]

KIND_LABELS: dict[str, str] = {
    "verksamhetsplan": "Verksamhetsplaner",
    "budget": "Budgetar",
    "arsredovisning": "Årsredovisningar",
    "forbundsordning": "Förbundsordningar",
    "protokoll": "Protokoll",
    "minnesanteckningar": "Minnesanteckningar",
    "skrivelse": "Skrivelser",
    "brev": "Brev",
    "presentation": "Presentationer",
    "reglemente": "Reglementen",
    "arshjul": "Årshjul",
    "instruktion": "Instruktioner",
    "avsiktsforklaring": "Avsiktsförklaringar",
}


class Dokument(Model):
    id: Slug
    titel: Text
    typ: DocumentKind
    ar: Year | None
    datum: dt.date | None
    beslutsorgan: Text | None
    forbund: Text
    lank: Url | None  # the förbund's published copy, only as a source gives it
    sida: PagePath | None = None  # a page of this site that renders it, e.g. forbundsordning/nvsam.md
    kalla: Slug | None = None  # the source in data/kallor.yaml, when it is one
    anmarkning: Text | None = None


class Dokumentbank(Model):
    dokument: list[Dokument]

"""The website itself (data/webbplats.yaml): the accessibility statement's facts.

The tillgänglighetsredogörelse (lag 2018:1937, DIGG's requirements) is filled
from here: status, known gaps, how and when the site was assessed, the results
of the project's own accessibility tests, and how to give feedback. The
automated test (axe) records its results under ``tester``; a run not yet made
is written with ``datum: null``.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .base import Model, Slug, StrictBool, Text, Url

Status = Literal["forenlig", "delvis_forenlig", "inte_forenlig"]

STATUS_LABELS: dict[str, str] = {
    "forenlig": "helt förenlig",
    "delvis_forenlig": "delvis förenlig",
    "inte_forenlig": "inte förenlig",
}

WcagCriterion = Annotated[str, Field(pattern=r"^[1-4]\.[0-9]{1,2}\.[0-9]{1,2}$")]
Email = Annotated[str, Field(pattern=r'^[^@\s<>"]+@[^@\s<>"]+\.[a-z]{2,}$')]


class Brist(Model):
    """Content that is not accessible, and what is done about it."""

    id: Slug
    beskrivning: Text
    wcag: list[WcagCriterion]
    var: Text | None  # where on the site
    atgard: Text | None
    atgardas_senast: dt.date | None


class Undantag(Model):
    """A test rule switched off, with the reason (every exclusion is explained)."""

    regel: Text
    motivering: Text


class Testresultat(Model):
    """One run of an accessibility test. ``datum: null`` means not run yet."""

    verktyg: Text
    version: Text | None
    datum: dt.date | None
    sidor: Annotated[int, Field(ge=0)] | None
    overtradelser: Annotated[int, Field(ge=0)] | None
    undantag: list[Undantag] = []
    kommentar: Text | None = None


class Bedomning(Model):
    """How the site was assessed (DIGG: method and date)."""

    metod: Text
    datum: dt.date | None
    manuell_granskning: StrictBool


class Kontakt(Model):
    """Where to report a gap or ask for content in another form."""

    epost: Email | None  # a role address, never a person's own
    formular: Url | None
    annan_vag: Text
    svarstid: Text | None


class Tillganglighet(Model):
    status: Status
    status_skal: Text | None  # why the status is what it is, when not fully compliant
    standard: Text
    redogorelse_upprattad: dt.date
    bedomning: Bedomning
    tester: list[Testresultat]
    brister: list[Brist]
    kontakt: Kontakt


class Webbplats(Model):
    """The website's own facts: the accessibility statement."""

    tillganglighet: Tillganglighet

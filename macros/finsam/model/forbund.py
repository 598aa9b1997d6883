"""The förbund itself: organisations, purpose and history (data/forbund.yaml).

The name, seat, members and rules are not here: they are in the förbundsordning
in force (data/forbundsordning/), so they are never typed twice.
"""

import datetime as dt
from typing import Literal

from pydantic import Field

from .base import Domain, Model, Slug, Text, Year
from .webbplats import Email

OrganisationKind = Literal["statlig_myndighet", "region", "kommun", "samordningsforbund"]

KIND_LABELS: dict[str, str] = {
    "statlig_myndighet": "Statlig myndighet",
    "region": "Region",
    "kommun": "Kommun",
    "samordningsforbund": "Samordningsförbund",
}

# The part of the Finsam funding that each kind of member pays into.
KIND_FUNDING_PART: dict[str, str] = {
    "statlig_myndighet": "stat",
    "region": "region",
    "kommun": "kommuner",
}


class Organisation(Model):
    id: Slug
    namn: Text
    kortnamn: Text
    typ: OrganisationKind
    medlem_sedan: Year | None = None
    # What the sources say about the organisation (used for the förbund's
    # predecessors), in the staff's own words, with the source.
    beskrivning: Text | None = None
    kalla: Slug | None = None


class Handelse(Model):
    """An event in the förbund's history."""

    ar: Year
    datum: dt.date | None = None
    text: Text
    kalla: Slug


class Kontakt(Model):
    """How to reach the förbund: the kansli's own details, and people to contact.

    The kansli's fields are null where no source gives them. ``bekraftad`` is the
    day the förbund confirmed them; without it they are not taken as current.
    ``personer`` are ids in data/personer.yaml, in the order shown: each is shown
    with the role that carries a work e-mail address and the date of its source.
    """

    postadress: Text | None = None
    epost: Email | None = None
    telefon: Text | None = None
    bekraftad: dt.date | None = None
    kalla: Slug | None = None
    personer: list[Slug] = []


class Finansiering(Model):
    """How members apply for money for an insats, as the förbund's own page says it.

    Every list item is the staff's own words for what the source states;
    ``kriterier_ofullstandig`` is true when the stored copy lists only some criteria.
    """

    for_vem: Text  # who the page addresses
    mal: Text  # the overall goal insatser are judged by
    vad: list[Text]  # what can be funded
    rad: Text | None = None  # advice the page gives
    vem_kan_soka: list[Text]
    kriterier: list[Text]
    kriterier_ofullstandig: bool = False
    anmarkning: Text | None = None  # a disagreement between sources, said once
    kalla: Slug


class Malgrupp(Model):
    """Whom the förbund's cooperation is for, as a source says it."""

    text: Text
    kalla: Slug


class Forbund(Model):
    webbplats: Domain | None  # the förbund's own domain, e.g. samordningexempel.se
    malgrupp: Malgrupp | None = None
    kontakt: Kontakt | None = None
    finansiering: Finansiering | None = None
    syfte: Text
    organisationer: list[Organisation]
    historik: list[Handelse]

    def organisation(self, org_id: str) -> Organisation | None:
        return next((o for o in self.organisationer if o.id == org_id), None)

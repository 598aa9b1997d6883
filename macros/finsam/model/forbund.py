"""The förbund itself: organisations, purpose and history (data/forbund.yaml).

The name, seat, members and rules are not here: they are in the förbundsordning
in force (data/forbundsordning/), so they are never typed twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .base import Domain, Model, Slug, Text, Year

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


class Handelse(Model):
    """An event in the förbund's history."""

    ar: Year
    datum: dt.date | None = None
    text: Text
    kalla: Slug


class Forbund(Model):
    webbplats: Domain | None  # the förbund's own domain, e.g. samordningexempel.se
    syfte: Text
    organisationer: list[Organisation]
    historik: list[Handelse]

    def organisation(self, org_id: str) -> Organisation | None:
        return next((o for o in self.organisationer if o.id == org_id), None)

"""A board for one term (data/styrelse/<term>.yaml) and the persons the sources name
(data/personer.yaml).

Every seat is written out, one per member and role, so the checks can see a
missing, doubled or foreign seat. A holder the sources do not name is ``null``:
the site then says that the sources do not name the holder (one note when no holder
of a board is known), never a guessed name.
"""

import datetime as dt
from typing import Literal

from .base import Model, Slug, Text

Organ = Literal["styrelse", "interimsstyrelse"]
SeatRole = Literal["ledamot", "ersattare"]

SEAT_ROLE_LABELS: dict[str, str] = {"ledamot": "Ledamot", "ersattare": "Ersättare"}
ORGAN_LABELS: dict[str, str] = {"styrelse": "Förbundsstyrelse", "interimsstyrelse": "Interimsstyrelse"}


class Plats(Model):
    """One seat: the member that appoints it, its role, and who holds it (or null)."""

    medlem: Slug
    roll: SeatRole
    person: Slug | None


class Presidium(Model):
    ordforande: Slug | None
    vice_ordforande: Slug | None


class Styrelse(Model):
    namn: Text
    organ: Organ
    fran: dt.date
    till: dt.date
    # The förbundsordning (file name without .yaml) whose rules the board follows.
    forbundsordning: Slug
    kallor: list[Slug]
    notering: Text | None = None
    presidium: Presidium
    platser: list[Plats]

    def seats(self, member: str, role: str) -> list[Plats]:
        return [p for p in self.platser if p.medlem == member and p.roll == role]

    def in_office_on(self, day: dt.date) -> bool:
        return self.fran <= day <= self.till


class Roll(Model):
    """A role a source gives a person, as the source prints it."""

    titel: Text
    organisation: Text
    grupp: Literal["lanspresidiet", "forbundschef", "forbundsstyrelse", "revision"]
    ar: int | None
    # Role or work e-mail address as printed in the source; never a private one.
    epost: Text | None = None
    kalla: Slug


class Person(Model):
    id: Slug
    namn: Text
    roller: list[Roll]


class Personer(Model):
    personer: list[Person]

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.personer if p.id == person_id), None)

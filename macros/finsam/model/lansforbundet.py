"""The process that formed the county-wide förbund (data/lansforbundet.yaml).

The timeline is data; what changed between the förbund's rules is not typed
here but computed by comparing the förbundsordning versions named in
``jamfor``.
"""

import datetime as dt

from pydantic import model_validator

from .base import Model, Slug, Text


class Handelse(Model):
    """A step in the process. ``datum`` when the source gives the day; otherwise
    ``nar`` says it as the source does ("hösten 2022")."""

    datum: dt.date | None
    nar: Text | None = None
    senast: bool = False  # the date is a deadline ("senast den ...")
    rubrik: Text
    text: Text | None = None
    kalla: Slug

    @model_validator(mode="after")
    def _when(self) -> "Handelse":
        if self.datum is None and self.nar is None:
            raise ValueError("ange datum, eller nar när källan inte anger en dag")
        return self


class Jamforelse(Model):
    fore: Text  # key of the förbundsordning file before (e.g. nvsam)
    efter: Text  # key of the förbundsordning file after (e.g. 2024-01-01)


class Lansforbundet(Model):
    sammanfattning: Text
    ombildas: Text  # the förbund that is re-formed into the county-wide one (its name)
    avvecklas: list[Slug]  # organisation ids of the förbund wound up
    jamfor: Jamforelse
    beslut: list[Text]  # what the members decided
    beslut_kalla: Slug
    tidslinje: list[Handelse]

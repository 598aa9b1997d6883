"""Population figures (data/befolkning/<reference date>.yaml).

The municipalities' share of the member contributions is split by population on a
reference date and in an age band set by the förbundsordning. A file holds the
figures of one reference date as published, by age band, with its source.
"""

import datetime as dt
from typing import Annotated

from pydantic import Field, model_validator

from .base import Model, Slug, Text


class Band(Model):
    fran: Annotated[int, Field(ge=0, le=130)]
    till: Annotated[int, Field(ge=0, le=130)] | None  # None: and older

    def label(self) -> str:
        if self.fran == 0 and self.till is None:
            return "alla åldrar"
        if self.till is None:
            return f"{self.fran} år och äldre"
        return f"{self.fran}–{self.till} år"


class Kommunsiffror(Model):
    kommun: Slug
    antal: list[Annotated[int, Field(ge=0)]]
    totalt: int | None = None  # as printed, checked against the bands


class Befolkning(Model):
    referensdatum: dt.date
    beskrivning: Text
    kalla: Slug
    aldersgrupper: Annotated[list[Band], Field(min_length=1)]
    kommuner: Annotated[list[Kommunsiffror], Field(min_length=1)]
    lan_totalt: int | None = None

    @model_validator(mode="after")
    def _bands_in_order(self) -> "Befolkning":
        expected = 0
        for band in self.aldersgrupper:
            if band.fran != expected:
                raise ValueError(
                    f"åldersgrupperna ska följa på varandra från 0 år; gruppen som börjar vid {band.fran} år "
                    f"skulle börja vid {expected} år"
                )
            if band.till is None:
                expected = -1
            else:
                expected = band.till + 1
        if expected != -1:
            raise ValueError("den sista åldersgruppen ska vara öppen uppåt (till: null)")
        return self

    def figures(self, kommun: str) -> Kommunsiffror | None:
        return next((k for k in self.kommuner if k.kommun == kommun), None)

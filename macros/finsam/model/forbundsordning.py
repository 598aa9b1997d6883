"""A version of the förbundsordning (data/forbundsordning/<version>.yaml).

Each paragraph carries its text and, where it states a rule, that rule as data
under ``regler``. Computations never read the text; they read the rules, taken
from the version in force for the year in question.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .base import Int, Model, MonthDay, NotText, Percent, PositiveInt, Slug, StrictBool, Text


class Aldersgrupp(Model):
    fran: Annotated[int, NotText, Field(ge=0, le=130)]
    till: Annotated[int, NotText, Field(ge=0, le=130)]


class Kommunfordelning(Model):
    """How the municipalities' common part is split between them."""

    grund: Literal["invanarantal"]
    aldersgrupp: Aldersgrupp | Literal["alla"]
    referensdatum: MonthDay
    referensar: Literal["aret_fore"]


class Kostnadsfordelning(Model):
    stat: Percent
    region: Percent
    kommuner: Percent
    kommunfordelning: Kommunfordelning | None


class PerMedlem(Model):
    ledamoter: PositiveInt
    ersattare: Int


class Styrelse(Model):
    ledamoter: PositiveInt
    ersattare: Int
    per_medlem: PerMedlem | None
    ersattare_narvaro_och_yttranderatt: StrictBool | None


class Beslutforhet(Model):
    regel: Literal["mer_an_halften_av_ledamoterna"]


class Budgetregel(Model):
    beslutas_senast: MonthDay
    avser: Literal["nastkommande_kalenderar"]
    samrad_med_medlemmar: StrictBool
    forsta_aret_faststalls_av: Literal["medlemmarna"] | None


class Arvode(Model):
    ordforande_procent: Percent
    vice_ordforande_procent: Percent
    grundbelopp: Text


class Revisorsval(Model):
    """A joint auditor: which funding parts it audits for, and who appoints it."""

    avser: list[Literal["stat", "region", "kommuner"]]
    utses_av: Text


class Revision(Model):
    revisor_per_medlem: StrictBool
    gemensamma_revisorer: list[Revisorsval]


class Bildande(Model):
    datum: dt.date
    villkor: Text


class Regler(Model):
    """Rules a paragraph states. Each kind of rule stands in one paragraph only."""

    namn: Text | None = None
    sate: Slug | None = None
    medlemmar: list[Slug] | None = None
    styrelse: Styrelse | None = None
    beslutforhet: Beslutforhet | None = None
    utslagsrost: Literal["ordforande"] | None = None
    forbundschef: StrictBool | None = None
    kostnadsfordelning: Kostnadsfordelning | None = None
    budget: Budgetregel | None = None
    revision: Revision | None = None
    uppsagningstid_ar: PositiveInt | None = None
    arvode: Arvode | None = None
    arkivtillsyn: Text | None = None
    bildande: Bildande | None = None

    def kinds(self) -> list[str]:
        return [name for name in type(self).model_fields if getattr(self, name) is not None]


class Paragraf(Model):
    # The section's number only where the source itself states it (the 2024 proposal
    # calls its cost section "11 §"); otherwise null and the section is cited by its
    # heading. The site never numbers a document's sections itself.
    nummer: PositiveInt | None
    ankare: Slug
    rubrik: Text
    text: Text
    regler: Regler | None = None


class Forbundsordning(Model):
    forbund: Text
    giltig_fran: dt.date | None
    giltig_till: dt.date | None
    beslut: Text
    kallor: list[Slug]
    paragrafer: list[Paragraf]

    def rule(self, kind: str):
        """(paragraph, rule) for a kind of rule, or (None, None) if no paragraph states it."""
        for paragraf in self.paragrafer:
            if paragraf.regler is not None and getattr(paragraf.regler, kind) is not None:
                return paragraf, getattr(paragraf.regler, kind)
        return None, None

    def in_force_on(self, day: dt.date) -> bool:
        starts = self.giltig_fran is None or self.giltig_fran <= day
        ends = self.giltig_till is None or day <= self.giltig_till
        return starts and ends

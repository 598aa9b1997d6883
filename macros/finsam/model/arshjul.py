"""The yearly cycle (data/arshjul.yaml): recurring work in rings.

An event's time is either a month (and a day, where the sources give one) or a
rule of the förbundsordning (``regel: budget``), whose date is then taken from
the förbundsordning in force and never typed here.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Model, Slug, Text

Month = Annotated[int, Field(ge=1, le=12)]
Day = Annotated[int, Field(ge=1, le=31)]


class Ring(Model):
    id: Slug
    namn: Text


class Arshandelse(Model):
    id: Slug
    ring: Slug
    rubrik: Text
    beskrivning: Text | None = None
    manad: Month | None
    dag: Day | None = None
    regel: Literal["budget"] | None = None
    kalla: Slug


class Arshjul(Model):
    ringar: list[Ring]
    handelser: list[Arshandelse]

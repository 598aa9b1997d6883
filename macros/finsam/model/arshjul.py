"""The yearly cycle (data/arshjul.yaml): recurring work in rings.

An event's time is either a month (and a day, where the sources give one) or a
rule of the förbundsordning (``regel: budget``), whose date is then taken from
the förbundsordning in force and never typed here.
"""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

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
    # The few words written on the wheel itself (the list and the calendar use rubrik).
    kortnamn: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=17)]
    beskrivning: Text | None = None
    manad: Month | None
    dag: Day | None = None
    # The year the month and day are known for, when a source dates the event in one
    # year only. Null only when the date comes from a rule (regel) or a source states
    # that the event recurs at this time every year (then "aterkommer" says so).
    ar: int | None = None
    # How a source says the event recurs (with the source named), or null: then the
    # site says that no source states that it happens every year.
    aterkommer: Text | None = None
    regel: Literal["budget"] | None = None
    # The förbundsordning (file name) that requires the event: it is then shown only
    # for the years that version is in force.
    forbundsordning: Slug | None = None
    kalla: Slug


class Arshjul(Model):
    ringar: list[Ring]
    handelser: list[Arshandelse]

"""A year's outcome from the annual report (data/utfall/<year>.yaml).

Only what a source states: the result, equity at year end, the stated equity
share and the distribution of costs in percent.
"""

from typing import Literal

from .base import Model, Percent, Slug, Text, Year


class KostnadsAndel(Model):
    kategori: Literal["direkta_insatser", "individ", "struktur", "processtod", "administration"]
    procent: Percent


class EgetKapitalAndel(Model):
    """The equity as a share of something, as the source states it."""

    procent: Percent
    av: Literal["budgeterade_intakter", "medlemsbidrag"]


class Utfall(Model):
    ar: Year
    kalla: Slug
    resultat_tkr: int | None
    budgeterat_resultat_tkr: int | None
    eget_kapital_31_dec_tkr: int | None
    eget_kapital_andel: EgetKapitalAndel | None
    kostnadsfordelning: list[KostnadsAndel]
    kommentar: Text | None = None

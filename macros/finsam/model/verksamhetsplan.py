"""A verksamhetsplan for one year (data/verksamhetsplan/<year>.yaml)."""

import datetime as dt
from typing import Literal

from .base import Model, PositiveInt, Slug, Text, Url

Status = Literal["genomford", "pagaende", "delvis_genomford", "ej_genomford", "installd"]
STATUS_LABELS: dict[str, str] = {
    "genomford": "Genomförd",
    "delvis_genomford": "Delvis genomförd",
    "pagaende": "Pågående",
    "ej_genomford": "Inte genomförd",
    "installd": "Inställd",
}


class Uppfoljning(Model):
    status: Status | None
    notering: Text | None


class Budgetrad(Model):
    """A line of the same year's budget (its id in data/budget/<year>.yaml) and its name."""

    id: Slug
    namn: Text


class Aktivitet(Model):
    id: Slug
    text: Text
    # Budget lines that finance the activity, where the plan ties them.
    budgetrader: list[Budgetrad] = []
    uppfoljning: Uppfoljning | None = None


class Malomrade(Model):
    id: Slug
    namn: Text
    mal: Text
    beskrivning: Text
    aktiviteter: list[Aktivitet]


class Strategi(Model):
    id: Slug
    rubrik: Text
    text: Text


class RegionaltMal(Model):
    nummer: PositiveInt
    text: Text


class RegionalStrategi(Model):
    namn: Text
    url: Url | None
    mal: list[RegionaltMal]


class Malgrupper(Model):
    beskrivning: Text
    angelagna: list[Text]


class Uppfoljningsmetod(Model):
    id: Slug
    rubrik: Text
    text: Text


class Verksamhetsplan(Model):
    ar: int
    forbund: Text
    faststalld: dt.date | None
    faststalld_av: Text | None
    kalla: Slug
    vision: Text
    strategier: list[Strategi]
    regional_strategi: RegionalStrategi | None
    malgrupper: Malgrupper
    inriktning: Text
    malomraden: list[Malomrade]
    uppfoljning: list[Uppfoljningsmetod]

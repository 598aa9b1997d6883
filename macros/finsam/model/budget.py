"""A budget year (data/budget/<year>.yaml), transcribed as the source prints it.

The table has columns (e.g. Budget 2022, Prognos 2022, Budget 2023), lines grouped
under headings, and printed subtotals, totals and results. Lines are raw inputs;
every printed sum is recorded as ``angivet`` (stated) and compared with what the
lines add up to. A difference that staff have looked into is acknowledged under
``avvikelse`` with both figures and a written explanation; any other difference
stops the build.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Discriminator, Field

from .base import Model, Percent, Slug, Text, Year

# Cost categories of the budget shares (verksamhetsplanens budgetfördelning).
Kategori = Literal["individ", "struktur", "processtod", "administration"]
IntaktKategori = Literal["medlemsbidrag", "ovriga"]

KATEGORI_LABELS: dict[str, str] = {
    "individ": "Individinriktade insatser",
    "struktur": "Strukturinriktade insatser (inkl. utvärdering och ofördelade samverkansmedel)",
    "processtod": "Processtöd samverkansinsatser",
    "administration": "Administration (styrelse och kansli)",
}

Belopp = dict[Slug, int | None]  # column id -> amount as printed (None: not printed)


class Avvikelse(Model):
    """A difference between a printed sum and the lines, acknowledged by staff."""

    beraknat: int  # what the lines add up to, so the acknowledgement covers this difference only
    forklaring: Text


class Angivet(Model):
    """A sum the source prints: per column, and the acknowledged differences."""

    angivet: Belopp
    avvikelse: dict[Slug, Avvikelse] = Field(default_factory=dict)


class Kolumn(Model):
    id: Slug
    rubrik: Text
    slag: Literal["budget", "prognos", "utfall"]
    ar: Year


class Rad(Model):
    typ: Literal["rad"]
    id: Slug
    namn: Text
    kategori: Kategori | IntaktKategori | None = None
    belopp: Belopp
    anmarkning: Text | None = None


class Grupp(Model):
    typ: Literal["grupp"]
    grupp: Slug
    namn: Text
    rader: Annotated[list[Rad], Field(min_length=1)]
    summa: Angivet | None = None


# The budget's lists mix two shapes; each item says which it has under ``typ``
# (a form editor's list of typed items writes the same key), so a misspelt key
# is reported against the shape the item says it has, never guessed.
POST_TYPE = "typ"
# What each shape is, for the validator's message (the catalogue's value labels say the same).
POST_SHAPES = {"rad": "Rad med belopp", "grupp": "Grupp av rader under en rubrik"}
Post = Annotated[Rad | Grupp, Discriminator(POST_TYPE)]


class Summor(Model):
    intakter: Angivet | None = None
    kostnader: Angivet | None = None
    resultat: Angivet | None = None


class Oversiktsrad(Model):
    """A row of the budget overview (budgetöversikt): one year's key figures."""

    ar: Year
    intakter: int | None
    kostnader: int | None
    resultat: int | None
    prognos_resultat: int | None = None
    eget_kapital_31_dec: int | None
    eget_kapital_avser: Literal["budget", "prognos", "utfall"] | None = None
    avvikelse: dict[
        Literal["intakter", "kostnader", "resultat", "prognos_resultat", "eget_kapital_31_dec"], Avvikelse
    ] = Field(default_factory=dict)


class Finansiering(Model):
    """How the text says the year's costs are financed (tkr)."""

    kostnader: int
    medlemsintakter: int
    ovriga_intakter: int
    fran_eget_kapital: int


class Andel(Model):
    kategori: Kategori
    procent: Percent
    avvikelse: Avvikelse | None = None


class Budget(Model):
    ar: Year
    forbund: Text
    beslutad: dt.date | None
    beslutad_av: Text | None
    kalla: Slug
    enhet: Literal["tkr", "kr"]
    kolumner: Annotated[list[Kolumn], Field(min_length=1)]
    intakter: list[Post]
    kostnader: list[Post]
    summor: Summor
    oversikt: list[Oversiktsrad] = Field(default_factory=list)
    finansiering: Finansiering | None = None
    andelar: list[Andel] = Field(default_factory=list)
    kommentar: Text | None = None

    def column(self, col_id: str) -> Kolumn | None:
        return next((c for c in self.kolumner if c.id == col_id), None)

    def budget_column(self) -> Kolumn | None:
        """The column with this year's budget."""
        return next((c for c in self.kolumner if c.slag == "budget" and c.ar == self.ar), None)

"""Försäkringskassan's model for allocating the state's funds (data/fordelningsmodell/<year>.yaml).

The parameters are facts from Försäkringskassan's letter. The sources give no
national totals, so the worked example holds made-up inputs, marked ``exempel: true``.
"""

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from .base import Model, Percent, Slug, Text, Year
from .forbundsordning import Aldersgrupp


class Exempel(Model):
    exempel: Literal[True]  # these are not facts: the page says so
    forklaring: Text
    statlig_ram_tkr: Annotated[Decimal, Field(gt=0)]
    antal_forbund: Annotated[int, Field(ge=1)]
    andel_forsorjningsmatt_procent: Percent
    andel_invanare_procent: Percent
    foregaende_ar_tkr: Annotated[Decimal, Field(ge=0)] | None


class Fordelningsmodell(Model):
    ar: Year
    kalla: Slug
    grundtilldelning_tkr: Annotated[Decimal, Field(ge=0)]
    forsorjningsmatt_procent: Percent
    invanare_procent: Percent
    invanare_aldersgrupp: Aldersgrupp
    max_minskning_procent: Percent
    beskrivning: Text
    exempel: Exempel | None = None

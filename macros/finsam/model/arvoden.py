"""The Region's base amount for fixed remuneration in a year (data/arvoden/<year>.yaml).

The förbundsordning sets the chair's and vice chair's fixed yearly remuneration as
percentages of an amount the Region decides; that amount is an input here, and
``null`` until staff know it.
"""

from typing import Annotated

from pydantic import Field

from .base import Model, Slug, Text, Year


class Arvodesunderlag(Model):
    ar: Year
    grundbelopp_kr: Annotated[int, Field(ge=0)] | None
    kalla: Slug | None
    kommentar: Text | None = None

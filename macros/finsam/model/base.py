"""Shared building blocks of the data models.

Every model forbids unknown keys (a misspelt key is an error, not ignored).
A field that is required but may be unknown is typed ``X | None`` with no
default: staff must write the key, and write ``null`` when the sources do not
say. Booleans are strict (``true``/``false`` only).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, Strict, model_validator


def _number_not_text(value):
    """Numbers come from the YAML reader as numbers; pydantic would also parse text.

    Without this, ``"50"``, ``5e1`` and ``1_000`` (all text to the reader) would
    quietly become 50, 50 and 1000, and ``true`` would become 1.
    """
    if isinstance(value, bool):
        raise ValueError(f"ska vara ett tal, inte {str(value).lower()}")
    if isinstance(value, str):
        raise ValueError(
            f"ska vara ett tal skrivet med siffror (utan citattecken, mellanslag eller e), inte '{value[:40]}'"
        )
    return value


NotText = BeforeValidator(_number_not_text)
Int = Annotated[int, NotText]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
StrictBool = Annotated[bool, Strict()]
Year = Annotated[int, NotText, Field(ge=1900, le=2200)]
Percent = Annotated[Decimal, NotText, Field(ge=0, le=100)]
PositiveInt = Annotated[int, NotText, Field(ge=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class MonthDay(Model):
    """A recurring day of the year, e.g. 30 November."""

    manad: Annotated[int, NotText, Field(ge=1, le=12)]
    dag: Annotated[int, NotText, Field(ge=1, le=31)]

    def in_year(self, year: int) -> dt.date:
        return dt.date(year, self.manad, self.dag)

    @model_validator(mode="after")
    def _exists(self) -> "MonthDay":
        try:
            dt.date(2024, self.manad, self.dag)  # a leap year admits 29 February
        except ValueError:
            raise ValueError(f"dagen {self.dag}/{self.manad} finns inte") from None
        return self

"""Member contributions for a year as a source states them (data/medlemsinsatser/<year>.yaml).

What a document requests or estimates is recorded as stated; the site computes the
split from the förbundsordning in force and shows both.
"""

from typing import Annotated, Literal

from pydantic import Field

from .base import Model, Slug, StrictBool, Text, Year
from .budget import Avvikelse

# The id that stands for the state (Arbetsförmedlingen and Försäkringskassan together)
# in a contribution split, beside the members' organisation ids.
STATE = "staten"


class Insats(Model):
    medlem: Slug  # an organisation id, or "staten" for Arbetsförmedlingen and Försäkringskassan together
    belopp_kr: Annotated[int, Field(ge=0)] | None  # a contribution is never negative
    ungefarligt: StrictBool = False


class Medlemsinsatser(Model):
    ar: Year
    kalla: Slug
    status: Literal["begard", "uppskattad", "beslutad"]
    beskrivning: Text
    total_kr: Annotated[int, Field(ge=0)] | None
    total_ungefarlig: StrictBool = False
    total_avvikelse: Avvikelse | None = None
    insatser: list[Insats]
    # Population figures to compute the municipalities' split with (a file in data/befolkning/).
    befolkning: Slug | None
    avrundning_kr: Annotated[int, Field(ge=1)]
    kommentar: Text | None = None
    # The source's own advice to the members about the amount (e.g. to expect an unchanged contribution).
    medskick: Text | None = None

"""The interventions the förbund finances (data/insatser.yaml).

An insats names the budget lines that finance it (``budgetrader``: ids of lines
in data/budget/<year>.yaml); its budget over the years is read from the budget
data, never typed here. Results are stated once, for the insatser or group of
insatser the source reports them for (``avser``).
"""

from decimal import Decimal
from typing import Literal

from .base import Model, Slug, Text, Year

InsatsKind = Literal["individinriktad", "strukturinriktad"]

KIND_LABELS: dict[str, str] = {
    "individinriktad": "Individinriktade insatser",
    "strukturinriktad": "Strukturinriktade insatser",
}


class Forkortning(Model):
    """An abbreviation in the name; ``betydelse: null`` when the sources do not expand it."""

    kort: Text
    betydelse: Text | None


class Grupp(Model):
    """Insatser the sources describe together (e.g. the four Samordningsteam)."""

    id: Slug
    namn: Text
    beskrivning: Text
    kallor: list[Slug]


class Insats(Model):
    id: Slug
    namn: Text
    slag: InsatsKind
    grupp: Slug | None = None
    forkortning: Forkortning | None = None
    beskrivning: Text
    # Who runs it together, as the sources say it; parter lists member ids, or
    # null when the sources do not say which of the parties take part.
    drivs_av: Text | None
    parter: list[Slug] | None
    malgrupp: Text | None
    # Where it runs: ids of municipalities in data/forbund.yaml, as far as the
    # sources (or the insats's own name) say; null when they do not say.
    kommuner: list[Slug] | None = None
    # How a person comes to the insats, as the sources state it; null when they do not.
    vag_in: Text | None = None
    budgetrader: list[Slug]
    kallor: list[Slug]


Unit = Literal["personer_per_ar", "procent", "ar", "personal"]


class Resultat(Model):
    """A result a source reports, for one or more insatser or a group."""

    avser: list[Slug]  # insats ids or group ids
    ar: Year | None
    text: Text
    nyckeltal: Literal["personer_per_ar"] | None = None
    varde: Decimal | None = None
    enhet: Unit | None = None
    ungefar: bool = False
    kalla: Slug


class Insatser(Model):
    grupper: list[Grupp]
    insatser: list[Insats]
    resultat: list[Resultat]

    def insats(self, insats_id: str) -> Insats | None:
        return next((i for i in self.insatser if i.id == insats_id), None)

    def grupp_for(self, insats_id: str) -> Grupp | None:
        ins = self.insats(insats_id)
        if ins is None or ins.grupp is None:
            return None
        return next((g for g in self.grupper if g.id == ins.grupp), None)

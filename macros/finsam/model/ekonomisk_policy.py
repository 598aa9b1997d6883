"""The förbund's financial policy (data/ekonomisk-policy.yaml): the equity target."""

import datetime as dt

from .base import Model, Percent, Slug, Text


class EgetKapitalMal(Model):
    """Equity at year end: below a share of the year's member contributions, and not below a floor."""

    giltig_fran: dt.date | None
    giltig_till: dt.date | None
    max_procent_av_medlemsbidrag: Percent
    minst_tkr: int
    text: Text
    kalla: Slug

    def in_force_for_year(self, year: int) -> bool:
        start = self.giltig_fran is None or self.giltig_fran <= dt.date(year, 12, 31)
        end = self.giltig_till is None or dt.date(year, 1, 1) <= self.giltig_till
        return start and end


class EkonomiskPolicy(Model):
    eget_kapital: list[EgetKapitalMal]

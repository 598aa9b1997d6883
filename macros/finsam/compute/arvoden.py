"""The chair's and vice chair's fixed yearly remuneration: a percentage of the Region's base amount."""

from __future__ import annotations

from decimal import Decimal

from .rounding import round_half_up
from .views import view_source
from ..frozen import frozen


def fixed_remuneration(percent: Decimal, base_amount: int | None) -> Decimal | None:
    """Whole kronor, half up; None (unknown) while the base amount is unknown."""
    if base_amount is None:
        return None
    return round_half_up(Decimal(base_amount) * Decimal(percent) / 100)


# -- view objects ---------------------------------------------------------------

@frozen
class ArvodeRegel:
    """A förbundsordning's rule for the fixed remuneration."""

    forbundsordning_key: str
    forbund: str
    paragraph_anchor: str
    paragraph_number: int | None
    chair_percent: Decimal
    vice_percent: Decimal
    base_text: str  # what the base amount is, as the förbundsordning says it


@frozen
class ArvodeAr:
    """One year's fixed remuneration: a rule-based computation (percent × base amount)."""

    year: int
    kind: str  # figurslag: "regelberakning"
    base_amount: int | None  # kr; None while not known
    chair_percent: Decimal
    vice_percent: Decimal
    chair: Decimal | None
    vice: Decimal | None
    kalla: str | None
    rule_sources: list[str]


@frozen
class Arvoden:
    rules: list[ArvodeRegel]  # newest förbundsordning first
    years: list[ArvodeAr]  # newest first


def remuneration_view(ds) -> Arvoden:
    rules = []
    for doc in reversed(ds.forbundsordningar):
        paragraph, rule = doc.model.rule("arvode")
        if rule is None:
            continue
        rules.append(ArvodeRegel(doc.key, doc.model.forbund, paragraph.ankare, paragraph.nummer,
                                 rule.ordforande_procent, rule.vice_ordforande_procent, rule.grundbelopp))
    years = []
    for doc in reversed(ds.arvoden):
        a = doc.model
        fo = ds.forbundsordning_for_year(a.ar)
        if fo is None:
            continue
        _, rule = fo.model.rule("arvode")
        if rule is None:
            continue
        years.append(ArvodeAr(
            year=a.ar, kind="regelberakning", base_amount=a.grundbelopp_kr,
            chair_percent=rule.ordforande_procent, vice_percent=rule.vice_ordforande_procent,
            chair=fixed_remuneration(rule.ordforande_procent, a.grundbelopp_kr),
            vice=fixed_remuneration(rule.vice_ordforande_procent, a.grundbelopp_kr),
            kalla=a.kalla, rule_sources=list(fo.model.kallor),
        ))
    return Arvoden(rules, years)


@view_source
def remuneration_views(ds, today) -> list[Arvoden]:
    return [remuneration_view(ds)]

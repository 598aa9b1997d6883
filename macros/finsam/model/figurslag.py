"""What kind of figure a money figure is, told by the data it comes from.

Every amount the money pages, the start page, the member pages and the
downloads show carries one of these kinds. The kind is derived from the data
file's own fields (a budget column's ``slag``, a contributions file's
``status``, a model's ``exempel``), never guessed by the page:

- ``askat``: requested from the members (äskat), not what anyone pays;
- ``beslutad_budget``: an adopted budget;
- ``prognos``: a forecast;
- ``utfall``: an outcome (annual accounts);
- ``uppskattning``: an estimate;
- ``beslutat``: an amount a body has decided (e.g. a decided contribution);
- ``regelberakning``: what a rule (the förbundsordning's split, a percentage of
  a base amount) gives when applied by the site;
- ``fiktivt_exempel``: invented figures that only show how a model works.

A requested or estimated amount is never labelled as what someone pays.
"""

from typing import Literal

Figurslag = Literal[
    "askat", "beslutad_budget", "prognos", "utfall", "uppskattning", "beslutat", "regelberakning", "fiktivt_exempel"
]

# How each kind is named on the pages (lower case; a template capitalises at a sentence start).
FIGURSLAG: dict[str, str] = {
    "askat": "äskat",
    "beslutad_budget": "beslutad budget",
    "prognos": "prognos",
    "utfall": "utfall",
    "uppskattning": "uppskattning",
    "beslutat": "beslutat",
    "regelberakning": "beräknat enligt regeln",
    "fiktivt_exempel": "fiktivt exempel",
}


def for_column(slag: str) -> str:
    """The kind of a budget table column (``slag`` budget, prognos or utfall)."""
    return {"budget": "beslutad_budget", "prognos": "prognos", "utfall": "utfall"}[slag]


def for_contributions(status: str) -> str:
    """The kind of the amounts a contributions file states (``status``)."""
    return {"begard": "askat", "uppskattad": "uppskattning", "beslutad": "beslutat"}[status]

"""Budget documents for tests, built with the real budget model.

``budget_2024`` is made up (there is no 2024 budget in the sources): it tests
how an insats's budget is read across several budget years.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace as NS

from finsam.model.budget import Budget


def budget_doc(data: dict):
    model = Budget.model_validate(data)
    return NS(model=model, key=str(model.ar), path=Path(f"data/budget/{model.ar}.yaml"), display=f"data/budget/{model.ar}.yaml")


def budget_2024():
    return budget_doc(
        {
            "ar": 2024,
            "forbund": "Exempel",
            "beslutad": None,
            "beslutad_av": None,
            "kalla": "verksamhetsplan-2023",
            "enhet": "tkr",
            "kolumner": [
                {"id": "budget-2023", "rubrik": "Budget 2023", "slag": "budget", "ar": 2023},
                {"id": "budget-2024", "rubrik": "Budget 2024", "slag": "budget", "ar": 2024},
            ],
            "intakter": [
                {"typ": "rad", "id": "medel-fran-huvudmannen", "namn": "Medel", "kategori": "medlemsbidrag",
                 "belopp": {"budget-2023": 1, "budget-2024": 9000}},
            ],
            "kostnader": [
                {"typ": "grupp", "grupp": "individinriktade-insatser", "namn": "Individ", "rader": [
                    {"typ": "rad", "id": "samordningsteam-fns", "namn": "FNS", "kategori": "individ",
                     "belopp": {"budget-2023": -9999, "budget-2024": -1600}},
                    {"typ": "rad", "id": "ny-rad", "namn": "Ny", "kategori": "individ",
                     "belopp": {"budget-2023": -1, "budget-2024": -2}},
                ]},
                {"typ": "rad", "id": "styrelse", "namn": "Styrelse", "kategori": "administration",
                 "belopp": {"budget-2023": -1, "budget-2024": -398}},
            ],
            "summor": {},
        }
    )

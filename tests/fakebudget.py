"""A stand-in for budget documents, shaped like data/budget/<year>.yaml's model.

Used to test the insatser and start-page computations without depending on the
budget collection being present in this branch: ``compute.insatser`` reads
budgets only through their shape (kolumner, intakter, kostnader, rader, belopp).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace as NS


def col(cid, rubrik, slag, ar):
    return NS(id=cid, rubrik=rubrik, slag=slag, ar=ar)


def line(lid, **belopp):
    return NS(id=lid, namn=lid, belopp=belopp)


def group(gid, *rader):
    return NS(grupp=gid, namn=gid, rader=list(rader))


def budget_doc(ar, kolumner, intakter, kostnader, enhet="tkr"):
    def budget_column():
        return next((c for c in kolumner if c.slag == "budget" and c.ar == ar), None)

    model = NS(ar=ar, enhet=enhet, kolumner=kolumner, intakter=intakter, kostnader=kostnader, budget_column=budget_column)
    return NS(model=model, key=str(ar), path=Path(f"data/budget/{ar}.yaml"))


def budget_2023():
    """Figures as in Verksamhetsplan 2023 (tkr; costs negative as printed)."""
    cols = [col("b2022", "Budget 2022", "budget", 2022), col("p2022", "Prognos 2022", "prognos", 2022), col("b2023", "Budget 2023", "budget", 2023)]
    intakter = [line("medel-fran-huvudmannen", b2022=7046, p2022=7046, b2023=7030), line("ovriga-intakter", b2022=200, p2022=202, b2023=100)]
    kostnader = [
        line("styrelse", b2022=-455, p2022=-376, b2023=-427),
        line("gemensam-administration", b2022=-802, p2022=-802, b2023=-819),
        group(
            "individinriktade-insatser",
            line("samordningsteam-fns", b2022=-1523, p2022=-1513, b2023=-1528),
            line("samordningsteam-sala", b2022=-1590, p2022=-1440, b2023=-1500),
            line("samordningsteam-hallstahammar", b2022=-1120, p2022=-1120, b2023=-1140),
            line("samordningsteam-surahammar", b2022=-1053, p2022=-1053, b2023=-1140),
            line("kurator-samordningsteamen", b2022=-235, p2022=-235, b2023=-240),
        ),
        group(
            "strukturinriktade-insatser",
            line("utvecklingsdagar", b2022=0, p2022=-15, b2023=-15),
            line("utbildning-losningsfokuserat", b2022=-40, p2022=-16, b2023=-30),
            line("andra-utbildningar", b2022=0, p2022=-12, b2023=-50),
            line("lansgemensamma-aktiviteter", b2022=-250, p2022=-250, b2023=-325),
            line("insatskatalogen", b2022=-75, p2022=-73, b2023=-48),
            line("utvardering", b2022=-30, p2022=-12, b2023=-30),
            line("brukarrevision", b2022=0, p2022=-30, b2023=-65),
            line("processtod-samverkan", b2022=-431, p2022=-437, b2023=-421),
            line("samverkansmedel-ofordelat", b2022=-82, p2022=-110, b2023=-100),
        ),
    ]
    return budget_doc(2023, cols, intakter, kostnader)

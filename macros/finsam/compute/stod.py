"""Få stöd: for each member municipality, what the förbund finances there.

Only individinriktade insatser count (the ones people take part in). An insats
is placed in a municipality only where data/insatser.yaml says so
(``kommuner``); one whose place the sources do not give is listed apart, never
guessed. Each insats is included when the latest budget in data has a budget
for it, and the year is carried so the page can say how current it is.
"""

from __future__ import annotations

import datetime as dt

from . import insatser as calc
from .views import view_source
from ..frozen import frozen

PAGE = "stod/index.md"


@frozen(kw_only=True)
class StodInsats:
    id: str
    namn: str
    malgrupp: str | None
    drivs_av: str | None
    vag_in: str | None  # how people come to it, as the sources state; None: they do not say
    page: str  # the insats's own page


@frozen(kw_only=True)
class StodKommun:
    id: str
    namn: str
    insatser: tuple[StodInsats, ...]


@frozen(kw_only=True)
class StodView:
    malgrupp: str | None  # whom the förbund's cooperation is for, as its source says
    malgrupp_kalla: str | None  # that source's title and address
    budget_ar: int | None  # the latest budget year in data; None when there is no budget
    kommuner: tuple[StodKommun, ...]  # the member municipalities, by name
    utan_ort: tuple[StodInsats, ...]  # financed, but the sources do not say where
    page: str = PAGE


def _members(ds, today: dt.date) -> list:
    doc = ds.forbundsordning_on(today) or (ds.forbundsordningar[-1] if ds.forbundsordningar else None)
    if doc is None:
        return []
    _, ids = doc.model.rule("medlemmar")
    orgs = [ds.organisation(i) for i in (ids or [])]
    return sorted((o for o in orgs if o is not None and o.typ == "kommun"), key=lambda o: o.namn)


def stod_view(ds, today: dt.date) -> StodView:
    latest = calc.latest_budget(ds)
    year = latest.model.ar if latest is not None else None
    financed = []
    if ds.insatser is not None and year is not None:
        for ins in ds.insatser.model.insatser:
            if ins.slag != "individinriktad":
                continue
            cell = calc.budget_for_year(ds, ins.budgetrader, year)
            if cell is None or cell.cost is None:
                continue
            financed.append(ins)

    def item(ins) -> StodInsats:
        return StodInsats(
            id=ins.id,
            namn=ins.namn,
            malgrupp=ins.malgrupp,
            drivs_av=ins.drivs_av,
            vag_in=ins.vag_in,
            page=f"insatser/{ins.id}.md",
        )

    kommuner = tuple(
        StodKommun(
            id=o.id,
            namn=o.namn,
            insatser=tuple(item(i) for i in financed if o.id in (i.kommuner or [])),
        )
        for o in _members(ds, today)
    )
    target = ds.forbund.model.malgrupp
    source = next((k for k in ds.kallor.model.kallor if target and k.id == target.kalla), None)
    return StodView(
        malgrupp=target.text if target else None,
        malgrupp_kalla=(source.titel + (f", {source.adress}" if source.adress else "")) if source else None,
        budget_ar=year,
        kommuner=kommuner,
        utan_ort=tuple(item(i) for i in financed if not i.kommuner),
    )


@view_source
def stod(ds, today: dt.date) -> list[StodView]:
    return [stod_view(ds, today)]

"""The förbund's members under the förbundsordning in force, by kind, with counts."""

from __future__ import annotations

import datetime as dt

from ..model.forbund import KIND_LABELS
from .views import view_source
from ..frozen import frozen

PAGE = "om/index.md"


@frozen(kw_only=True)
class Medlem:
    id: str
    namn: str
    typ: str
    medlem_sedan: int | None


@frozen(kw_only=True)
class MedlemmarView:
    medlemmar: tuple[Medlem, ...]  # by kind (state, region, municipalities), then name
    antal_per_typ: tuple[tuple[str, int], ...]  # (kind, count), kinds with members only
    page: str = PAGE

    @property
    def antal(self) -> int:
        return len(self.medlemmar)


def medlemmar_view(ds, today: dt.date) -> MedlemmarView:
    doc = ds.forbundsordning_on(today) or ds.forbundsordningar[-1]
    _, ids = doc.model.rule("medlemmar")
    order = list(KIND_LABELS)
    orgs = sorted((ds.organisation(m) for m in (ids or [])), key=lambda o: (order.index(o.typ), o.namn))
    counts = tuple((k, n) for k in order if (n := sum(1 for o in orgs if o.typ == k)))
    return MedlemmarView(
        medlemmar=tuple(Medlem(id=o.id, namn=o.namn, typ=o.typ, medlem_sedan=o.medlem_sedan) for o in orgs),
        antal_per_typ=counts,
    )


@view_source
def medlemmar(ds, today: dt.date) -> list[MedlemmarView]:
    return [medlemmar_view(ds, today)]

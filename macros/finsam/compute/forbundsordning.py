"""The förbundsordning's versions and sections as the pages show them. Pure.

A section is cited the way its source cites it: by its number where the source
states one (the 2024 proposal calls its cost section "11 §"), otherwise by its
heading alone. The site never numbers a document's sections itself.

Which version is in force is decided against the build date: a version that has
ended, or has not yet begun, says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .. import urls
from ..model.forbundsordning import Paragraf
from .views import view_source
from ..frozen import frozen

Status = Literal["galler", "har_upphort", "har_inte_borjat"]


def section_heading(p: Paragraf) -> str:
    """``11 § Rubrik`` where the source numbers the section, else ``Rubrik``."""
    return f"{p.nummer} § {p.rubrik}" if p.nummer is not None else p.rubrik


@frozen
class SectionView:
    anchor: str
    number: int | None
    heading: str


@frozen
class VersionView:
    key: str
    page: str
    forbund: str
    giltig_fran: dt.date | None
    giltig_till: dt.date | None
    status: Status
    shown_on_index: bool  # the version the förbundsordning page shows
    sections: tuple[SectionView, ...]


def version_page(key: str) -> str:
    return urls.forbundsordning_page(key)


def _status(fo, today: dt.date) -> Status:
    if fo.giltig_fran is not None and today < fo.giltig_fran:
        return "har_inte_borjat"
    if fo.giltig_till is not None and today > fo.giltig_till:
        return "har_upphort"
    return "galler"


def shown_version(ds, today: dt.date):
    """The version in force on ``today``, else the latest version in the data."""
    return ds.forbundsordning_on(today) or ds.forbundsordningar[-1]


@view_source
def versions(ds, today: dt.date) -> list[VersionView]:
    """Every version, newest first, with its status on ``today``."""
    if not ds.forbundsordningar:
        return []
    shown = shown_version(ds, today)
    return [
        VersionView(
            key=doc.key,
            page=version_page(doc.key),
            forbund=doc.model.forbund,
            giltig_fran=doc.model.giltig_fran,
            giltig_till=doc.model.giltig_till,
            status=_status(doc.model, today),
            shown_on_index=doc is shown,
            sections=tuple(SectionView(p.ankare, p.nummer, section_heading(p)) for p in doc.model.paragrafer),
        )
        for doc in reversed(ds.forbundsordningar)
    ]

"""The förbund's mark: a plain text mark of its name (logo and favicon).

No source holds a logo file, so the site draws no invented brand: the mark is
the initials of the förbund's name in force, with the full name as its title.
"""

from __future__ import annotations

import datetime as dt

from .kontakt import kontakt_view
from .views import view_source
from ..frozen import frozen

LOGO = "assets/images/logo.svg"
FAVICON = "assets/images/favicon.svg"


@frozen(kw_only=True)
class IdentitetView:
    namn: str
    initialer: str  # at most three letters, upper case
    logo: str = LOGO
    favicon: str = FAVICON


def initials(name: str) -> str:
    """``Samordningsförbundet Exempeldalen`` -> ``SE`` (the first letter of each word, at most three)."""
    letters = [w[0] for w in name.replace("-", " ").split() if w[:1].isalpha()]
    return "".join(letters[:3]).upper() or "?"


def identitet_view(ds, today: dt.date) -> IdentitetView:
    name = kontakt_view(ds, today).forbund
    return IdentitetView(namn=name, initialer=initials(name))


@view_source
def identitet(ds, today: dt.date) -> list[IdentitetView]:
    return [identitet_view(ds, today)]

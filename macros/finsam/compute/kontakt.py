"""How to reach the förbund: the Kontakt page, the footer and the feedback route.

One view object, ``KontaktView``, built from data/forbund.yaml (``kontakt``),
data/personer.yaml (the roles with a work e-mail address) and data/kallor.yaml
(each source's date). The kansli's own details count as current only when the
förbund has confirmed them (``bekraftad``). Without them the view names the
latest contact the sources give, with that source's date, and says that it is
not confirmed: never a bare "uppgift saknas".
"""

from __future__ import annotations

import datetime as dt
import re

from .views import view_source
from ..frozen import frozen

PAGE = "kontakt.md"

# Text from data becomes a link (mailto:, https://) only when it has the form of one.
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
DOMAIN = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/[A-Za-z0-9._~/-]*)?$")


def email(value: str | None) -> str | None:
    return value if value and EMAIL.match(value) else None


def web_url(address: str | None) -> str | None:
    """``https://<address>/`` for a plain address such as ``samordningexempel.se``."""
    if not address or not DOMAIN.match(address):
        return None
    return f"https://{address.rstrip('/')}/"


@frozen(kw_only=True)
class KontaktPerson:
    """A person to contact, with the role whose work address a source prints."""

    namn: str
    titel: str
    organisation: str
    epost: str
    kalla: str  # the source's title
    kalla_datum: dt.date | None  # the source's date, when it has one
    ar: int | None  # the year the source gives for the role


@frozen(kw_only=True)
class KontaktView:
    forbund: str
    sate: str | None  # the seat municipality's name, from the förbundsordning
    webbplats: str | None
    webbplats_url: str | None  # a link only when the address has the form of one
    postadress: str | None
    epost: str | None
    telefon: str | None
    bekraftad: dt.date | None
    kalla: str | None  # title of the source of the kansli's details
    personer: tuple[KontaktPerson, ...]
    # The address the accessibility statement gives for feedback, and where it comes from.
    synpunkter_epost: str | None
    synpunkter_fran: str  # "tillganglighet" | "kansli" | "person" | "ingen"
    page: str = PAGE

    @property
    def current(self) -> bool:
        """True when the kansli's own details are confirmed."""
        return self.bekraftad is not None and any((self.postadress, self.epost, self.telefon))

    @property
    def latest(self) -> KontaktPerson | None:
        """The contact with the newest source, shown when the kansli's details are not current."""
        dated = [p for p in self.personer if p.kalla_datum is not None or p.ar is not None]
        if not dated:
            return self.personer[0] if self.personer else None
        return max(dated, key=lambda p: p.kalla_datum or dt.date(p.ar, 1, 1))


def _person(ds, person_id: str, sources) -> KontaktPerson | None:
    if ds.personer is None:
        return None
    person = ds.personer.model.person(person_id)
    if person is None:
        return None
    roles = [r for r in person.roller if email(r.epost)]
    if not roles:
        return None

    def when(role):
        k = sources.get(role.kalla)
        return (k.datum if k is not None and k.datum else dt.date(role.ar or 1, 1, 1))

    role = max(roles, key=when)
    source = sources.get(role.kalla)
    return KontaktPerson(
        namn=person.namn,
        titel=role.titel,
        organisation=role.organisation,
        epost=role.epost,
        kalla=source.titel if source else role.kalla,
        kalla_datum=source.datum if source else None,
        ar=role.ar,
    )


def kontakt_view(ds, today: dt.date) -> KontaktView:
    fo_doc = ds.forbundsordning_on(today) or (ds.forbundsordningar[-1] if ds.forbundsordningar else None)
    name, seat = None, None
    if fo_doc is not None:
        fo = fo_doc.model
        _, name = fo.rule("namn")
        _, seat_id = fo.rule("sate")
        seat_org = ds.organisation(seat_id) if seat_id else None
        seat = seat_org.namn if seat_org else None
        name = name or fo.forbund
    forbund = ds.forbund.model
    k = forbund.kontakt
    sources = {s.id: s for s in ds.kallor.model.kallor}
    persons = tuple(
        p for p in (_person(ds, pid, sources) for pid in (k.personer if k else [])) if p is not None
    )
    feedback = email(ds.webbplats.model.tillganglighet.kontakt.epost) if ds.webbplats is not None else None
    view = KontaktView(
        forbund=name or "",
        sate=seat,
        webbplats=forbund.webbplats,
        webbplats_url=web_url(forbund.webbplats),
        postadress=k.postadress if k else None,
        epost=email(k.epost) if k else None,
        telefon=k.telefon if k else None,
        bekraftad=k.bekraftad if k else None,
        kalla=(sources[k.kalla].titel if k and k.kalla in sources else None),
        personer=persons,
        synpunkter_epost=None,
        synpunkter_fran="ingen",
    )
    if feedback:
        src, address = "tillganglighet", feedback
    elif view.epost:
        src, address = "kansli", view.epost
    elif view.latest is not None:
        src, address = "person", view.latest.epost
    else:
        src, address = "ingen", None
    return KontaktView(**{**view.__dict__, "synpunkter_epost": address, "synpunkter_fran": src})


def warnings(view: KontaktView, ds=None) -> list[str]:
    """Why the contact shown is not a confirmed, current one (for the build's notices)."""
    out = []
    k = ds.forbund.model.kontakt if ds is not None else None
    if k is not None and k.epost and not email(k.epost):
        out.append(f"kontakt.epost '{k.epost}' är ingen giltig e-postadress och visas inte")
    if view.current:
        return out
    latest = view.latest
    if latest is None:
        return out + [
            "kansliets kontaktuppgifter är inte bekräftade och ingen person med e-post finns; "
            "sidan Kontakt har ingen kontaktväg att visa"
        ]
    when = latest.kalla_datum.isoformat() if latest.kalla_datum else str(latest.ar)
    return out + [
        "kansliets kontaktuppgifter (postadress, e-post, telefon) är inte bekräftade; sidan Kontakt "
        f"visar den senaste kontakt som källorna ger: {latest.namn}, {latest.titel}, {latest.epost} ({when})"
    ]


@view_source
def kontakt(ds, today: dt.date) -> list[KontaktView]:
    return [kontakt_view(ds, today)]

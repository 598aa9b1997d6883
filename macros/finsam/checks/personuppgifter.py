"""Personal data: only names, roles and role or work e-mail addresses are published.

Every text in every data file (free text anywhere: a meeting's description, a
document's note, a news-worthy history line, and every value in the files about
persons, data/personer.yaml and data/styrelse/) is scanned for Swedish personal
identity numbers and phone numbers (the kansli's own phone, kontakt.telefon in
data/forbund.yaml, is the organisation's and allowed); e-mail addresses must be well formed and not
at a private mail provider.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from . import check

# ÅÅMMDD-NNNN or ÅÅÅÅMMDDNNNN, with or without the separator (- or +).
PERSONNUMMER = re.compile(r"(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[-+ ]?\d{4}(?!\d)")
# Swedish phone numbers: 0 or +46 then 7–9 digits, spaces and dashes allowed between groups.
PHONE = re.compile(r"(?<![\d-])(?:\+46|0046|0)[\s-]?\(?\d{1,3}\)?(?:[\s-]?\d){5,8}(?![\d-])")
# Both need at least 7 digits: a personnummer 10, a phone number 7 ("0", then 1–3 and
# 5–8 more). Counting digits is a plain scan, far cheaper than the two searches with
# their look-behinds, and most texts have none: only a text with 7 is searched.
MIN_DIGITS = 7
_DIGIT = re.compile(r"\d")  # the same digits as the patterns' \d
EMAIL = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")
PRIVATE_MAIL = {
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.se", "outlook.com", "outlook.se",
    "live.se", "live.com", "msn.com", "yahoo.com", "yahoo.se", "icloud.com", "me.com",
    "telia.com", "spray.se", "bredband.net", "comhem.se", "tele2.se", "protonmail.com", "proton.me",
}


def _strings(node: Any, path: tuple) -> list[tuple[tuple, str, bool]]:
    """(path, the value as text, whether it was text) for every text and whole number,
    in document order.

    Every value of every file is looked at on every validation and build, so this
    walks without a generator per value and visits only lists and mappings: the same
    entries in the same order as a generator recursing into every value."""
    found: list[tuple[tuple, str, bool]] = []

    def visit(node, at: tuple) -> None:
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            if isinstance(value, str):
                found.append((at + (key,), value, True))
            elif isinstance(value, (dict, list)):
                visit(value, at + (key,))
            elif isinstance(value, int) and not isinstance(value, bool):
                found.append((at + (key,), str(value), False))

    if isinstance(node, (dict, list)):
        visit(node, path)
    elif isinstance(node, str):
        found.append((path, node, True))
    elif isinstance(node, int) and not isinstance(node, bool):
        found.append((path, str(node), False))
    return found


def _person_documents(ds):
    if ds.personer is not None:
        yield ds.personer
    yield from ds.styrelser


def _free_text(doc) -> Iterator[tuple[tuple, str]]:
    """Every text value of a file, numbers too in the files about persons."""
    persons = doc.path.parent.name == "styrelse" or doc.path.name == "personer.yaml"
    for path, value, is_text in _strings(doc.raw, ()):
        if not persons and not is_text:
            continue  # amounts and counts in the other files are not free text
        yield path, value


@check(
    "inga_telefonnummer_eller_personnummer",
    "Ingen text i data innehåller ett telefonnummer eller ett personnummer (kansliets eget telefonnummer får stå i kontaktuppgifterna).",
)
def no_phone_or_personal_number(ds):
    for doc in ds.documents():
        for path, value in _free_text(doc):
            if path and path[-1] in ("fran", "till", "forbundsordning", "datum", "url", "lank", "formular"):
                continue  # dates, addresses and version names are not personal data
            if len(_DIGIT.findall(value)) < MIN_DIGITS:
                continue
            if PERSONNUMMER.search(value):
                yield doc.problem(path, "ser ut som ett personnummer; personnummer får inte publiceras")
            elif PHONE.search(value) and not _organisation_phone(doc, path):
                yield doc.problem(
                    path, "ser ut som ett telefonnummer; publicera bara namn, roll och e-post till rollen"
                )


def _organisation_phone(doc, path: tuple) -> bool:
    """The kansli's own phone (data/forbund.yaml kontakt.telefon) is the organisation's, not a person's."""
    return doc.path.name == "forbund.yaml" and path == ("kontakt", "telefon")


@check("epost_till_rollen", "E-postadresser är giltiga och hör till en organisation, inte en privat e-posttjänst.")
def role_email(ds):
    if ds.personer is None:
        return
    for i, person in enumerate(ds.personer.model.personer):
        for j, roll in enumerate(person.roller):
            if roll.epost is None:
                continue
            path = ("personer", i, "roller", j, "epost")
            address = roll.epost.lower()
            if not EMAIL.match(address):
                yield ds.personer.problem(path, f"'{roll.epost}' är ingen giltig e-postadress")
            elif address.split("@", 1)[1] in PRIVATE_MAIL:
                yield ds.personer.problem(
                    path,
                    f"'{roll.epost}' är en privat e-postadress; ange bara adresser till rollen eller arbetsplatsen",
                )

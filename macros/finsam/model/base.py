"""Shared building blocks of the data models.

Every model forbids unknown keys (a misspelt key is an error, not ignored).
A field that is required but may be unknown is typed ``X | None`` with no
default: staff must write the key, and write ``null`` when the sources do not
say.

Every value means one thing, for every field of every model, because ``Model``
rewrites its own validation schema (``_one_meaning``), so no field can forget:

* a number (int, Decimal) is refused when written as text (``"50"``, ``5e1``,
  ``1_000``) or as a boolean (``true`` would be 1), and when it is absurdly large
  or has absurdly many decimals (Decimal arithmetic would round it silently);
* a boolean is ``true`` or ``false`` only, never ``"ja"`` or ``1``;
* a date is text of the form ÅÅÅÅ-MM-DD only (a number would be read as seconds
  since 1970), with one message for the wrong form and another for a date that
  does not exist.

The model modules do not postpone their annotations (no ``from __future__ import
annotations``): pydantic would compile each field's annotation from its text when
the module is imported, about 400 compilations on every validation; written as
objects they are part of the module's cached bytecode.
"""

import datetime as dt
import os
import re
import sys
import types
from decimal import Decimal
from typing import Annotated

# pydantic looks for plugins (every installed package's entry points) when it
# builds its first validator; finsam uses none, and the search costs validating
# the data about 0.02 s. Set before any model is built; a value set outside wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _no_plugin_loader() -> None:
    """With every plugin off, pydantic's plugin loader (``get_plugins``) returns ``()``; it
    would still import importlib.metadata (about 0.03 s of validating, which needs nothing
    else from it). So the loader is stood in for by a module whose get_plugins returns
    ``()``, only then and only before pydantic has loaded its own. tests/test_layering.py
    checks that validating then imports no importlib.metadata; if a pydantic release
    wants more from the loader, every model fails to build, loudly.
    """
    name = "pydantic.plugin._loader"
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") == "__all__" and name not in sys.modules:
        loader = types.ModuleType(name, "finsam: pydantic plugins are off (model/base.py)")
        loader.get_plugins = lambda: ()
        sys.modules[name] = loader


_no_plugin_loader()

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, GetCoreSchemaHandler, StringConstraints, Strict, model_validator
from pydantic_core import core_schema

# No amount, count or share in the data comes near this; a bigger number is a typing
# error (and Decimal's 28 significant digits would start to round sums).
MAX_WHOLE_DIGITS = 15
MAX_DECIMALS = 10


def _number_not_text(value):
    """Numbers come from the YAML reader as numbers; pydantic would also parse text.

    Without this, ``"50"``, ``5e1`` and ``1_000`` (all text to the reader) would
    quietly become 50, 50 and 1000, and ``true`` would become 1.
    """
    if isinstance(value, bool):
        raise ValueError(f"ska vara ett tal, inte {str(value).lower()}")
    if isinstance(value, str):
        raise ValueError(
            f"ska vara ett tal skrivet med siffror (utan citattecken, mellanslag eller e), inte '{value[:40]}'"
        )
    return value


def _plausible_number(value):
    value = _number_not_text(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"ska vara ett tal, inte '{value}'")
        sign, digits, exponent = value.as_tuple()
        decimals = max(0, -exponent)
        if len(digits) - decimals > MAX_WHOLE_DIGITS:
            raise ValueError(f"talet är orimligt stort (fler än {MAX_WHOLE_DIGITS} siffror före decimaltecknet)")
        if decimals > MAX_DECIMALS:
            raise ValueError(f"talet har fler än {MAX_DECIMALS} decimaler; avrunda det")
    elif isinstance(value, int) and len(str(abs(value))) > MAX_WHOLE_DIGITS:
        raise ValueError(f"talet är orimligt stort (fler än {MAX_WHOLE_DIGITS} siffror)")
    return value


_DATE_FORM = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _date_value(value):
    if isinstance(value, dt.datetime):
        raise ValueError("ska vara ett datum på formen ÅÅÅÅ-MM-DD, utan klockslag")
    if isinstance(value, dt.date):
        return value
    shown = f"'{value[:40]}'" if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else f"{value}"
    if not isinstance(value, str) or not _DATE_FORM.match(value):
        raise ValueError(f"ska vara ett datum på formen ÅÅÅÅ-MM-DD (t.ex. 2024-03-01), inte {shown}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"ska vara ett datum som finns: {value} finns inte i kalendern (kontrollera månad och dag)"
        ) from None


def _bool_value(value):
    if not isinstance(value, bool):
        shown = f"'{value[:40]}'" if isinstance(value, str) else str(value)
        raise ValueError(f"ska vara true eller false, inte {shown}")
    return value


_MARK = "finsam_one_meaning"
_GUARDS = {"int": _plausible_number, "decimal": _plausible_number, "float": _plausible_number,
           "date": _date_value, "bool": _bool_value}


def _one_meaning(schema):
    """Put the guard of its kind before every number, date and boolean in ``schema``.

    ``schema`` is a pydantic-core schema (nested dicts and lists); the guards run
    before pydantic's own lenient parsing, and the JSON Schema is unchanged.
    """
    if isinstance(schema, list):
        return [_one_meaning(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if (schema.get("metadata") or {}).get(_MARK):
        return schema  # already guarded (a nested model's schema is walked twice)
    for key, value in list(schema.items()):
        if key != "metadata" and isinstance(value, (dict, list)):
            schema[key] = _one_meaning(value)
    guard = _GUARDS.get(schema.get("type"))
    if guard is None:
        return schema
    json_input = None
    if schema.get("type") == "decimal":
        # What the file may hold is a number, never text: the JSON Schema says so too
        # (pydantic would otherwise describe a Decimal as "number or string").
        bounds = {k: float(schema[k]) for k in ("gt", "ge", "lt", "le") if schema.get(k) is not None}
        json_input = core_schema.float_schema(**bounds)
    return core_schema.no_info_before_validator_function(
        guard, schema, json_schema_input_schema=json_input, metadata={_MARK: True}
    )


NotText = BeforeValidator(_number_not_text)
Int = Annotated[int, NotText]

# Constrained text. Each pattern has its own Swedish message in PATTERN_MESSAGES
# (validation.py looks it up), so a wrong time, address or id is told as such.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# An id becomes part of file names (pages, downloads): well under the usual 255 bytes.
MAX_ID_LENGTH = 80
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=MAX_ID_LENGTH)]

# A web address: https, a host name, then a path/query/fragment without spaces,
# quotes, brackets, braces, backslashes or other characters that Markdown or HTML
# would read as syntax. Every URL field uses this type; render/text.py's
# external_link() is the one way a URL reaches a page.
URL_PATTERN = (
    r"^https://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?::[0-9]{1,5})?"
    r"(?:[/?#][^\s<>" '"' r"'`()\[\]{}\\|^\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]*)?$"  # no \" (JSON Schema's ECMA-262 dialect rejects it)
)
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=2000)]
# A host name alone (the förbund's own domain), e.g. samordningexempel.se.
DOMAIN_PATTERN = r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
Domain = Annotated[str, StringConstraints(pattern=DOMAIN_PATTERN, max_length=253)]
# A page of this site, relative to docs/: lower-case segments, no "..", no leading
# "/", ending in .md, optionally with an #anchor. The check sidor_finns checks that
# the page exists.
PAGE_PATTERN = r"^(?:[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*/)*[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*\.md(?:#[a-z0-9_-]+)?$"
PagePath = Annotated[str, StringConstraints(pattern=PAGE_PATTERN, max_length=200)]
# A file published with this site, relative to docs/ (e.g. moten/2026/protokoll.pdf):
# like a page, but any extension; the check sidor_finns checks that it exists.
SITE_FILE_PATTERN = r"^(?:[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*/)*[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*\.[a-z0-9]{1,5}$"
SiteFile = Annotated[str, StringConstraints(pattern=SITE_FILE_PATTERN, max_length=200)]
# A file name without folders (a source document's file in the seeds).
FILE_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$"
FileName = Annotated[str, StringConstraints(pattern=FILE_NAME_PATTERN, max_length=120)]
CLOCK_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
Clock = Annotated[str, StringConstraints(pattern=CLOCK_PATTERN)]

PATTERN_MESSAGES: dict[str, str] = {
    SLUG_PATTERN: "ska bestå av små bokstäver a–z, siffror och bindestreck (t.ex. 'region-exempel')",
    URL_PATTERN: (
        "ska vara en webbadress som börjar med https:// följt av ett värdnamn, utan mellanslag, citattecken "
        "eller parenteser (t.ex. https://exempel.se/dokument.pdf)"
    ),
    DOMAIN_PATTERN: "ska vara ett domännamn med små bokstäver, utan https:// och utan / (t.ex. exempel.se)",
    PAGE_PATTERN: (
        "ska vara en sida på den här webbplatsen: en sökväg under docs/ med små bokstäver som slutar på .md, "
        "utan ../ och utan / först (t.ex. forbundsordning/nvsam.md)"
    ),
    SITE_FILE_PATTERN: (
        "ska vara en fil på den här webbplatsen: en sökväg under docs/ med små bokstäver, utan ../ och utan / "
        "först (t.ex. moten/2026/protokoll-2026-03-01.pdf)"
    ),
    FILE_NAME_PATTERN: "ska vara ett filnamn utan mappar, mellanslag och specialtecken (t.ex. protokoll-2023.pdf)",
    CLOCK_PATTERN: "ska vara ett klockslag på formen TT:MM med kolon (t.ex. 15:30)",
}
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
StrictBool = Annotated[bool, Strict()]
Year = Annotated[int, NotText, Field(ge=1900, le=2200)]
Percent = Annotated[Decimal, NotText, Field(ge=0, le=100)]
PositiveInt = Annotated[int, NotText, Field(ge=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler: GetCoreSchemaHandler):
        return _one_meaning(handler(source))


class MonthDay(Model):
    """A recurring day of the year, e.g. 30 November."""

    manad: Annotated[int, NotText, Field(ge=1, le=12)]
    dag: Annotated[int, NotText, Field(ge=1, le=31)]

    def in_year(self, year: int) -> dt.date:
        return dt.date(year, self.manad, self.dag)

    @model_validator(mode="after")
    def _exists(self) -> "MonthDay":
        # A rule for every year needs a day that every year has: 2023 has no 29 February.
        try:
            dt.date(2023, self.manad, self.dag)
        except ValueError:
            if (self.manad, self.dag) == (2, 29):
                raise ValueError(
                    "dagen 29/2 finns inte varje år; en regel som gäller varje år behöver en dag som finns alla år "
                    "(t.ex. 28/2 eller 1/3)"
                ) from None
            raise ValueError(f"dagen {self.dag}/{self.manad} finns inte") from None
        return self

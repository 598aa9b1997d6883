"""Swedish number, money and date formatting (Babel, locale sv_SE).

Babel writes Swedish conventions: a non-breaking space between thousands,
a comma for decimals and a real minus sign (U+2212): ``−748 tkr``.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

LOCALE = "sv_SE"

# Babel is imported on first use, not with this module: the checks format numbers
# only in a problem's message, so validating good data never loads it (0.015 s).


def _signed(value, fmt) -> str:
    # Babel formats negatives with a hyphen-minus; Swedish uses the locale's minus sign.
    if value < 0:
        from babel.numbers import get_minus_sign_symbol

        return get_minus_sign_symbol(LOCALE) + fmt(-value)
    return fmt(value)


# Babel takes about 40 µs a number (pattern, quantising, the minus sign's lookup); a
# budget page prints some 300, many of them again on the next year's page (its
# comparison columns). So each text is made once per (type, exact spelling of the
# value, pattern): ``Decimal("-0")`` and ``Decimal("0")``, or 1.50 and 1.5, are
# separate entries, whatever Babel makes of them. Bounded, so a long ``serve``
# session does not grow it without end.
FORMAT_CACHE_SIZE = 4096


def _memo(fn):
    @functools.lru_cache(maxsize=FORMAT_CACHE_SIZE)
    def cached(kind, spelled, value, decimals):
        return fn(value, decimals)

    @functools.wraps(fn)
    def wrapper(value, decimals=None):
        if type(value) not in (int, Decimal):  # bool, float, anything else: as it comes
            return fn(value, decimals) if decimals is not None else fn(value)
        return cached(type(value), str(value), value, decimals)

    wrapper.cache_clear = cached.cache_clear
    wrapper.cache_info = cached.cache_info
    return wrapper


@_memo
def number(value: int | Decimal, decimals: int | None = None) -> str:
    return _signed(value, lambda v: _number(v, decimals))


def _number(value: int | Decimal, decimals: int | None) -> str:
    from babel.numbers import format_decimal

    if decimals is None:
        return format_decimal(value, locale=LOCALE)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def kr(value: int | Decimal) -> str:
    """Whole kronor: ``7 525 000 kr``."""
    return f"{number(value, 0)}\u00a0kr"


def tkr(value: int | Decimal) -> str:
    """Thousands of kronor as stated: ``−748 tkr``."""
    return f"{number(value)}\u00a0tkr"


def percent(value: int | Decimal, decimals: int = 0) -> str:
    """A percentage given in percent (50 -> ``50 %``)."""
    return _percent(value, decimals)


@_memo
def _percent(value, decimals=None):
    from babel.numbers import format_percent

    decimals = decimals or 0
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    return _signed(Decimal(value), lambda v: format_percent(v / 100, format=pattern, locale=LOCALE))


def years(values) -> str:
    """The years ``values`` span, as a heading or a link says it: ``2019`` or ``2010–2019``."""
    values = list(values)
    first, last = min(values), max(values)
    return str(first) if first == last else f"{first}\u2013{last}"


# A date's text is kept too (Babel about 7 µs a date): the medlemsinsatser table writes
# its columns' reference dates in every row, some 40 a page and year, 1 240 dates a build
# at 25 years of data. Keyed by the value itself (a date and a datetime are apart).
@functools.lru_cache(maxsize=FORMAT_CACHE_SIZE)
def date(value: dt.date) -> str:
    """``1 januari 2024``."""
    from babel.dates import format_date

    return format_date(value, format="d MMMM y", locale=LOCALE)


@functools.lru_cache(maxsize=FORMAT_CACHE_SIZE)
def day_month(month: int, day: int) -> str:
    """``30 november``."""
    from babel.dates import format_date

    return format_date(dt.date(2024, month, day), format="d MMMM", locale=LOCALE)


def iso(value: dt.date) -> str:
    return value.isoformat()

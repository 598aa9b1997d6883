"""finsam.format keeps each formatted number and date: the kept text is the one Babel writes."""

from __future__ import annotations

from decimal import Decimal

from finsam import format as fmt


def _fresh(fn, *args):
    fn.cache_clear()
    return fn(*args)


VALUES = [0, 7, -748, 1234567, Decimal("0"), Decimal("-0"), Decimal("1234.50"), Decimal("1234.5"),
          Decimal("-0.125"), Decimal("70.4"), 2.5]


def test_a_kept_text_is_the_text_made_afresh():
    for value in VALUES:
        for decimals in (None, 0, 1, 2):
            first = _fresh(fmt.number, value, decimals)
            again = fmt.number(value, decimals)  # from the cache (a float: as it comes)
            assert again == first, (value, decimals)
    for value in VALUES[:10]:
        for decimals in (0, 1):
            assert fmt.percent(value, decimals) == _fresh(fmt._percent, value, decimals)


def test_values_equal_as_numbers_but_spelled_differently_are_kept_apart():
    fmt.number.cache_clear()
    fmt.number(Decimal("-0"))
    fmt.number(Decimal("0"))
    fmt.number(0)
    assert fmt.number.cache_info().currsize == 3
    assert fmt.number(-748) == "\u2212748"
    assert fmt.tkr(Decimal("-5361")) == "\u22125\u00a0361\u00a0tkr"


def test_the_cache_is_bounded():
    fmt.number.cache_clear()
    for i in range(fmt.FORMAT_CACHE_SIZE + 50):
        fmt.number(i)
    assert fmt.number.cache_info().currsize == fmt.FORMAT_CACHE_SIZE


def test_a_span_of_years_is_one_year_or_first_to_last_with_an_en_dash():
    assert fmt.years([2019]) == "2019"
    assert fmt.years(y for y in (2014, 2010, 2019)) == "2010\u20132019"  # any order, any iterable
    assert fmt.years({2023, 2023}) == "2023"


def test_a_kept_date_is_the_text_babel_writes():
    import datetime as dt

    from babel.dates import format_date

    fmt.date.cache_clear()
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=n) for n in range(366)] + [dt.date(1, 1, 1), dt.date(9999, 12, 31)]
    for day in days + days:  # the second time from the cache
        assert fmt.date(day) == format_date(day, format="d MMMM y", locale="sv_SE"), day
    assert fmt.date(dt.date(2024, 1, 1)) == "1 januari 2024"
    assert fmt.date(dt.datetime(2024, 1, 1, 12, 0)) == "1 januari 2024"  # a datetime is its own entry
    assert fmt.day_month(11, 30) == "30 november" == fmt.day_month(11, 30)
    fmt.date.cache_clear()
    for n in range(fmt.FORMAT_CACHE_SIZE + 50):
        fmt.date(dt.date(2000, 1, 1) + dt.timedelta(days=n))
    assert fmt.date.cache_info().currsize == fmt.FORMAT_CACHE_SIZE

"""Known accessibility gaps that the automatic test accepts (data/tillganglighet.yaml).

The quality gate (tests/test_site_quality.py) runs axe-core on every built page
at WCAG 2.1 A and AA. A violation fails the build unless it is listed here with
its reason; the same list is shown on the tillgänglighetsredogörelse, so the
public sees every gap the site knowingly has.
"""

import datetime as dt

from .base import Model, Text


class Undantag(Model):
    """One accepted axe violation: which rule, on which pages and elements, and why."""

    regel: Text  # axe-core rule id, e.g. "color-contrast"
    sidor: list[Text]  # page paths as glob patterns, e.g. "arshjul/" or "*" for every page
    element: Text | None  # part of the CSS selector axe reports, or null for any element
    wcag: Text  # the success criterion, e.g. "1.4.3 Kontrast (minimum)"
    beskrivning: Text  # what is wrong, for the public
    skal: Text  # why it is not fixed (yet)
    sedan: dt.date  # when the gap was found


class Tillganglighet(Model):
    undantag: list[Undantag]

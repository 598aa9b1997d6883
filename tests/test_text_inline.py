"""render/text.py inline(): every HTML and Markdown special character escaped, the rest as typed."""

from __future__ import annotations

import html

from hypothesis import given, settings, strategies as st

from finsam.render.text import _MARKDOWN_PUNCTUATION, _SPACE, inline


def one_by_one(value: object) -> str:
    """inline() as first written: a loop over the characters."""
    out = []
    for ch in _SPACE.sub(" ", str(value)).strip():
        if ch in "<>&":
            out.append(html.escape(ch))
        elif ch in _MARKDOWN_PUNCTUATION:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def test_examples():
    assert inline("  Budget 2024 (tkr)\n& <mer>  ") == "Budget 2024 \\(tkr\\) &amp; &lt;mer&gt;"
    assert inline("**fet** [länk](x) {{ y }} 1. a|b ~ ^ = \\") == (
        "\\*\\*fet\\*\\* \\[länk\\]\\(x\\) \\{\\{ y \\}\\} 1\\. a\\|b \\~ \\^ \\= \\\\"
    )
    assert inline(2024) == "2024"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(_MARKDOWN_PUNCTUATION) + list("<>&\"' \n\t\r\x0b\x0c\x1c\x1f\x85\u2028\u3000\u200babåä€1\u00a0\u2003"))))
def test_the_same_as_one_character_at_a_time(text):
    assert inline(text) == one_by_one(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text):
    assert inline(text) == one_by_one(text)


def test_equal_values_that_print_differently_stay_apart():
    """inline() keeps text by its value; numbers, booleans and text subclasses print as
    their own kind does, whatever was asked before."""
    from decimal import Decimal

    from markupsafe import Markup

    asked = [1, True, 1.0, Decimal("1.0"), Decimal("1.00"), "1", Markup("1"), False, 0, Decimal("0E+2")]
    for _ in range(2):  # the second time from what the first time kept
        assert [inline(v) for v in asked] == ["1", "True", "1\\.0", "1\\.0", "1\\.00", "1", "1", "False", "0", "0E\\+2"]

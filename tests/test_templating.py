"""The template environment every HTML fragment goes through."""

import pytest
from jinja2 import UndefinedError

from finsam.render.templating import environment


def test_text_from_data_is_escaped():
    out = environment().from_string("<td>{{ v }}</td>").render(v='<script>"x"</script>')
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_an_undefined_name_fails_loudly():
    with pytest.raises(UndefinedError):
        environment().from_string("{{ missing }}").render()


def test_money_filters_write_swedish():
    assert environment().from_string("{{ v | tkr }}").render(v=-748) == "\u2212748\u00a0tkr"

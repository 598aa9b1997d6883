"""speed_hook: each page's compiled Jinja kept between builds, used only for the same text and environment."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2
import pytest

import speed_hook


class Plugins(dict):
    pass


def new_build(tmp_path, filters=None):
    """What one build process has: a fresh mkdocs-macros-like environment, the hook installed."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), undefined=jinja2.StrictUndefined)
    env.globals["dubbel"] = lambda x: 2 * x
    env.filters.update(filters or {})
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), plugins=Plugins(macros=SimpleNamespace(env=env)))
    speed_hook.on_pre_build(config)
    return env


def render_page(env, src_uri: str, text: str) -> str:
    """As the build does: the hook's on_page_markdown, then mkdocs-macros' from_string and render."""
    page = SimpleNamespace(title="Sida", meta={}, file=SimpleNamespace(src_uri=src_uri))
    speed_hook.on_page_markdown(text, page, None, None)
    return env.from_string(text).render()


@pytest.fixture
def compiles(monkeypatch):
    """How many templates Jinja really compiled (parsed)."""
    count = []
    parse = jinja2.Environment._parse

    def counting(self, *args, **kwargs):
        count.append(1)
        return parse(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "_parse", counting)
    monkeypatch.delenv("FINSAM_JINJA_CACHE", raising=False)
    return count


def test_a_later_build_uses_the_compiled_page(tmp_path, compiles):
    text = "# Rubrik\n\n{{ dubbel(21) }} {% raw %}{{ inte }}{% endraw %}\n"
    assert render_page(new_build(tmp_path), "sida.md", text) == "# Rubrik\n\n42 {{ inte }}"
    assert len(compiles) == 1
    assert render_page(new_build(tmp_path), "sida.md", text) == "# Rubrik\n\n42 {{ inte }}"
    assert len(compiles) == 1  # from .cache/jinja
    assert len(list((tmp_path / ".cache" / "jinja").glob("page-*.cache"))) == 1


def test_changed_text_is_compiled_again_and_replaces_the_page_file(tmp_path, compiles):
    render_page(new_build(tmp_path), "sida.md", "{{ dubbel(1) }}")
    assert render_page(new_build(tmp_path), "sida.md", "{{ dubbel(2) }}") == "4"
    assert len(compiles) == 2
    assert render_page(new_build(tmp_path), "sida.md", "{{ dubbel(2) }}") == "4"
    assert len(compiles) == 2
    assert len(list((tmp_path / ".cache" / "jinja").glob("page-*.cache"))) == 1  # one file per page


def test_a_changed_environment_compiles_again(tmp_path, compiles):
    text = "{{ 'a' | versaler }}"
    assert render_page(new_build(tmp_path, {"versaler": str.upper}), "sida.md", text) == "A"
    env = new_build(tmp_path)  # the filter is gone: the page must fail as it would uncached
    with pytest.raises(jinja2.TemplateError):
        render_page(env, "sida.md", text)
    assert len(compiles) == 2


def test_what_is_not_a_page_is_compiled_as_before(tmp_path, compiles):
    env = new_build(tmp_path)
    render_page(env, "sida.md", "{{ dubbel(1) }}")
    assert env.from_string("{{ dubbel(3) }}").render() == "6"  # e.g. a title, after the page's text
    assert env.from_string("{{ dubbel(3) }}").render() == "6"
    assert len(compiles) == 3


def test_a_syntax_error_is_reported_every_time(tmp_path, compiles):
    for _ in range(2):
        with pytest.raises(jinja2.TemplateSyntaxError):
            render_page(new_build(tmp_path), "sida.md", "{{ dubbel(1) ")
    assert not list((tmp_path / ".cache" / "jinja").glob("page-*.cache"))


def test_switched_off(tmp_path, compiles, monkeypatch):
    monkeypatch.setenv("FINSAM_JINJA_CACHE", "0")
    env = new_build(tmp_path)
    assert not getattr(env, "_finsam_page_cache", False)
    render_page(env, "sida.md", "{{ dubbel(1) }}")
    assert not (tmp_path / ".cache").exists()

"""The toc extension runs without a "[TOC]" marker (mkdocs.yml): the same HTML for every
page that has no paragraph "[TOC]", and no page has one (data text is escaped, so only a
hand-written page could)."""

from __future__ import annotations

import markdown
import yaml

from conftest import FIXTURE, ROOT


def _toc_config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV and the like
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)


def test_the_marker_is_off():
    assert _toc_config()["marker"] == ""


def test_no_hand_written_page_asks_for_a_marker():
    # docs/ and the fixture's own pages: the project's. The förbund's own pages in data/
    # are staff's to change (a "[TOC]" there is shown as text; no test depends on them).
    pages = [*(ROOT / "docs").rglob("*.md"), *(FIXTURE / "sidor").rglob("*.md")]
    assert pages
    for page in pages:
        lines = {line.strip() for line in page.read_text(encoding="utf-8").splitlines()}
        assert "[TOC]" not in lines, page


def test_without_a_marker_the_same_html_unless_a_paragraph_is_the_marker():
    config = {k: v for k, v in _toc_config().items() if k != "marker"}
    pages = sorted((ROOT / "docs").rglob("*.md"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        with_marker = markdown.markdown(text, extensions=["toc", "attr_list", "md_in_html", "tables"],
                                        extension_configs={"toc": config})
        without = markdown.markdown(text, extensions=["toc", "attr_list", "md_in_html", "tables"],
                                    extension_configs={"toc": {**config, "marker": ""}})
        assert without == with_marker, page
    asked = "# Rubrik\n\n[TOC]\n\nText.\n"
    assert "[TOC]" in markdown.markdown(asked, extensions=["toc"], extension_configs={"toc": {"marker": ""}})
    assert "[TOC]" not in markdown.markdown(asked, extensions=["toc"])

"""finsam.rawblocks: the same HTML as md_in_html's parse, for every shape it takes or leaves."""

from __future__ import annotations

import markdown
import pytest

from finsam import rawblocks

# The site's own extensions (mkdocs.yml), so the comparison is the one the build makes.
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "pymdownx.details", "tables", "toc", "pymdownx.escapeall"]
CONFIGS = {"toc": {"permalink": "¶"}, "pymdownx.escapeall": {"hardbreak": False, "nbsp": False}}

TABLE = (
    '<div class="tabell-rulla" markdown="0" tabindex="0" role="region" aria-label="Budget (tabell)">\n'
    '<table class="pengar">\n<caption>Budget &lt;2024&gt; &amp; mer</caption>\n'
    '<tbody>\n<tr id="styrelse"><th scope="row">Styrelse</th><td class="tal">−455</td></tr>\n</tbody>\n'
    "</table>\n</div>"
)
FIGURE = '<figure class="diagram" markdown="0">\n<svg role="img"><title>Andelar</title></svg>\n</figure>'
NESTED = '<div class="fo-fakta" markdown="0">\n<div class="a"><div>x</div></div>\n<p>y</p>\n</div>'

CASES = {
    "between paragraphs": (f"# Rubrik\n\nText före.\n\n{TABLE}\n\nText efter.\n", 1),
    "right after a line of text": (f"Text före.\n{TABLE}\n\nText efter.\n", 1),
    "two blocks, one line break between": (f"## Fördelning\n\n{FIGURE}\n{TABLE}\n\n??? note \"Så\"\n    Text.\n", 2),
    "at the end, no line break": (f"Text.\n\n{TABLE}", 1),
    "at the end, one line break": (f"Text.\n\n{TABLE}\n", 1),
    "first thing on the page": (f"{TABLE}\n\nText.", 1),
    "nested tags of the same name": (f"Text.\n\n{NESTED}\n\n{TABLE}\n\nSlut.", 2),
    "blank lines inside the block": ('<div markdown="0">\n<p>a</p>\n\n<p>b</p>\n</div>\n\nText.', 1),
    "a heading with an id between blocks": (f"{TABLE}\n\n## Avvikelser {{#avvikelser}}\n\n{FIGURE}\n\n", 2),
    "escaped Markdown and Jinja-looking text around": (
        f"Källan anger \\*\\*x\\*\\* och \\{{\\{{ y \\}}\\}}\\.\n\n{TABLE}\n\n1\\. inte en lista\n", 1),
    # Left to md_in_html (nothing taken, or nothing after the first uncertain place):
    "inline HTML before the block": (f"Text med <small>liten</small> stil.\n\n{TABLE}\n", 0),
    "an open raw block around it": (f'<div class="yttre">\n{TABLE}\n</div>\n\nText.', 0),
    "a comment inside": ('<div markdown="0">\n<!-- x -->\n<p>a</p>\n</div>\n\nText.', 0),
    "a script inside": ('<div markdown="0">\n<script>var a = "<div>";</script>\n</div>\n\nText.', 0),
    "text after the end tag on its line": (f"{TABLE} och mer text\n\nSlut.", 0),
    "indented (a code block or an admonition's body)": ("!!! note\n    " + TABLE.replace("\n", "\n    ") + "\n", 0),
    "markdown=\"1\" is Markdown": ('<div markdown="1">\n**fet**\n</div>\n\nText.', 0),
    "not closed": ('<div markdown="0">\n<p>a</p>\n\nText.', 0),
    "a span-level tag": ('<span markdown="0">a</span>\n\nText.', 0),
    "the second of two after inline HTML": (f"{TABLE}\n\nText <em>x</em>.\n\n{FIGURE}\n", 1),
}


def convert(text: str, stash: bool) -> str:
    extensions = EXTENSIONS + ([rawblocks.RawBlocksExtension()] if stash else [])
    return markdown.Markdown(extensions=extensions, extension_configs=CONFIGS).convert(text)


@pytest.mark.parametrize("name", list(CASES))
def test_the_same_html_as_without_it(name):
    text, expected_taken = CASES[name]
    assert convert(text, stash=True) == convert(text, stash=False)
    md = markdown.Markdown(extensions=EXTENSIONS)
    _, taken = rawblocks.stash_blocks(text, md.htmlStash.store, md.is_block_level)
    assert taken == expected_taken


def test_the_block_comes_back_unchanged_escaping_and_all():
    html = convert(f"Text.\n\n{TABLE}\n\nSlut.", stash=True)
    assert TABLE in html
    assert "&lt;2024&gt; &amp; mer" in html


def registers_once(monkeypatch, extension: type, switch: str) -> None:
    """speed_hook adds ``extension`` once however often its config is seen, and not at all with ``switch=0``."""
    import speed_hook

    class Config(dict):
        markdown_extensions: list

    config = Config()
    config.markdown_extensions = ["toc"]
    speed_hook.on_config(config)
    speed_hook.on_config(config)  # serve builds again with the same config object
    assert sum(isinstance(e, extension) for e in config.markdown_extensions) == 1
    monkeypatch.setenv(switch, "0")
    config.markdown_extensions = ["toc"]
    speed_hook.on_config(config)
    assert not any(isinstance(e, extension) for e in config.markdown_extensions)


def test_the_build_registers_it_once(monkeypatch):
    registers_once(monkeypatch, rawblocks.RawBlocksExtension, "FINSAM_RAW_BLOCKS")


# -- the anchor ids ------------------------------------------------------------------

ANCHORS = (
    '<div class="tabell-rulla" markdown="0">\n<table>\n'
    '<tr id="rad-1" class="x"><td><a name="gammal">a</a> <a NAME="ny" href="#rad-1">b</a></td></tr>\n'
    "<tr ID='enkla' data-name=\"inte-ett-id\"><td><span name=\"inte-a\" id=\"a&amp;b\">c</span></td></tr>\n"
    '<tr\n  id="radbrytning"><td><img src="x.png" alt="" id=utan-citat /></td></tr>\n'
    "</table>\n</div>"
)


def anchor_ids(md: markdown.Markdown, text: str) -> set[str]:
    """The page's raw-HTML anchor ids as the build's own pass (ProperDocs) collects them."""
    from properdocs.structure.pages import _RawHTMLPreprocessor

    anchors = _RawHTMLPreprocessor()
    anchors._register(md)  # as Page.render does, after the configured extensions
    md.convert(text)
    return anchors.present_anchor_ids


def pages_to_compare() -> dict[str, str]:
    from conftest import ROOT

    out = {name: text for name, (text, _) in CASES.items()}
    out["ids in a block"] = f"Text.\n\n{ANCHORS}\n\n## Rubrik\n\n{TABLE}\n"
    for path in sorted((ROOT / "tests" / "golden" / "macros").glob("*.md")):  # the macros' real output
        out[path.name] = path.read_text(encoding="utf-8")
    return out


@pytest.mark.parametrize("name", list(pages_to_compare()))
def test_the_anchor_pass_finds_the_same_ids(name):
    """The blocks taken are not parsed by the anchor pass: their ids are added from their
    start tags, so every id (id on any tag, name on a, entities decoded) is still there."""
    text = pages_to_compare()[name]
    plain = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    stashed = markdown.Markdown(extensions=EXTENSIONS + [rawblocks.RawBlocksExtension()], extension_configs=CONFIGS)
    expected = anchor_ids(plain, text)
    assert anchor_ids(stashed, text) == expected
    stashed.reset()
    assert anchor_ids(stashed, text) == expected  # a second page through the same Markdown


def test_the_ids_of_a_taken_block_come_from_the_block():
    ids = anchor_ids(markdown.Markdown(extensions=EXTENSIONS + [rawblocks.RawBlocksExtension()]), f"Text.\n\n{ANCHORS}\n")
    assert ids == {"rad-1", "gammal", "ny", "enkla", "a&b", "radbrytning", "utan-citat"}
    assert rawblocks.anchor_ids([ANCHORS]) == ids

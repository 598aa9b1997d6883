"""finsam.quickinline: the same HTML and table of contents as Python-Markdown's own inline pass."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import pytest
from hypothesis import given, settings, strategies as st
from markdown import inlinepatterns, treeprocessors

from test_rawblocks import registers_once

from finsam import quickinline, rawblocks

# The site's own extensions (mkdocs.yml) and the speed hook's rawblocks, as the build has them.
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "pymdownx.details", "tables", "toc", "pymdownx.escapeall"]
CONFIGS = {"toc": {"permalink": "¶"}, "pymdownx.escapeall": {"hardbreak": False, "nbsp": False}}

# Text that reaches each inline pattern, that one of them finds but turns down, and none.
CASES = {
    "plain text": "Bara vanlig text utan något särskilt.\n\n## Rubrik {#rubrik}\n\nMer text.",
    "escapes (render/text.py: inline)": "Källan anger \\*\\*x\\*\\* \\(inte y\\)\\. 7 246 − 7 686 \\= −440 tkr\\.",
    "code spans, escaped backticks": "`kod \\*inte fet\\*` och \\`inte kod\\` och ``dubbel ` kod``",
    "links and references": "[Avvikelser](#avvikelser), [ref][r], [kort] och ![bild](x.png) ![ref][r]\n\n[r]: https://example.se\n[kort]: /kort",
    "a bracket that is no link": "Ett [ utan slut och ett ] ensamt, ![ också.",
    "autolinks and mail": "<https://example.se/sida> och <kansli@example.se> men inte <inte en länk>.",
    "line break and inline HTML": "Rad ett  \nrad två med <small>liten</small> stil &amp; &#169; &copy; & ensam.",
    "emphasis and strong": "**fet** *kursiv* ***båda*** _u_ __uu__ a * b * c och **fet med [länk](#x)**",
    "inline attributes": "## Rubrik med *kursiv* {#id .klass}\n\nStycke {: .klass }\n\n- punkt **fet**\n- punkt `kod`",
    "admonition and details": '!!! note "Titel med **fet**"\n    Text med [länk](#a).\n\n??? note "Så"\n    Mer \\(text\\)\\.',
    "table": "| A | B |\n| --- | --- |\n| **x** | `y` |\n| [z](#z) | w\\|v |",
    "raw block and text": '<div markdown="0">\n<p>a &amp; b</p>\n</div>\n\nText *efter* \\.',
    "html block with markdown": '<div markdown="1">\n**fet** och [länk](#l)\n</div>',
}


def convert(text: str, quick: bool) -> tuple[str, str]:
    extensions = EXTENSIONS + [rawblocks.RawBlocksExtension()] + ([quickinline.QuickInlineExtension()] if quick else [])
    md = markdown.Markdown(extensions=extensions, extension_configs=CONFIGS)
    if quick:
        assert type(md.treeprocessors["inline"]) is quickinline.QuickInlineProcessor
    html = md.convert(text)
    return html, md.toc


def pages_to_compare() -> dict[str, str]:
    from conftest import ROOT

    out = dict(CASES)
    for path in sorted((ROOT / "tests" / "golden" / "macros").glob("*.md")):  # the macros' real output
        out[path.name] = path.read_text(encoding="utf-8")
    return out


@pytest.mark.parametrize("name", list(pages_to_compare()))
def test_the_same_html_and_toc_as_without_it(name):
    text = pages_to_compare()[name]
    assert convert(text, quick=True) == convert(text, quick=False)


# Every character an inline pattern starts or ends with, with letters and spaces between.
_PIECES = st.sampled_from(
    ["a", "b", " ", "  \n", "\n", "\n\n", "\\", "`", "*", "_", "[", "]", "(", ")", "!", "<", ">", "&", "#", ";",
     "@", ":", "/", ".", "=", "{", "}", "|", "x://y", "&amp;", "**", "__", "``", "](#a)", "<em>", "</em>"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_gives_the_same_html(text):
    assert convert(text, quick=True) == convert(text, quick=False)


def test_not_used_beside_an_old_style_pattern():
    """An old-style Pattern matches from the start of what is left: its expression is not
    searched, so with one registered the processor behaves as Python-Markdown's own."""

    class Shout(inlinepatterns.Pattern):
        def handleMatch(self, m):
            el = etree.Element("strong")
            el.text = m.group(2)
            return el

    class ShoutExtension(markdown.extensions.Extension):
        def extendMarkdown(self, md):
            md.inlinePatterns.register(Shout(r"!!(\w+)!!", md), "shout", 1)

    text = "Det här är !!viktigt!! och *kursivt*."
    plain = markdown.Markdown(extensions=[ShoutExtension()]).convert(text)
    quick = markdown.Markdown(extensions=[ShoutExtension(), quickinline.QuickInlineExtension()])
    assert quick.convert(text) == plain
    assert quick.treeprocessors["inline"]._expressions is None  # the base class's loop ran


def test_another_extensions_inline_processor_is_kept():
    class Other(treeprocessors.InlineProcessor):
        pass

    class OtherExtension(markdown.extensions.Extension):
        def extendMarkdown(self, md):
            md.treeprocessors.register(Other(md), "inline", 20)

    md = markdown.Markdown(extensions=[OtherExtension(), quickinline.QuickInlineExtension()])
    assert type(md.treeprocessors["inline"]) is Other


def test_the_build_registers_it_once(monkeypatch):
    registers_once(monkeypatch, quickinline.QuickInlineExtension, "FINSAM_QUICK_INLINE")

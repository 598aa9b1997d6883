"""A Python-Markdown extension: finsam's ready-made HTML blocks stashed without parsing them.

The macros put whole tables, figures and fact boxes into the pages as HTML
blocks marked ``markdown="0"`` (render/templating.py). Python-Markdown (with
md_in_html) finds each such block by feeding the whole page through its HTML
parser, tag by tag, in Python, only to store the block's text unchanged and put
it back after conversion. At 25 years of data that parse was a fifth of the
Markdown time of the real build.

This preprocessor runs before md_in_html's (priority 20) and before ProperDocs' own
pass that collects the page's anchor ids (21, an HTML parse of the whole page): it
finds the same blocks by their tags and stores each one's text in the same stash,
in the same place and with the same line breaks around it, as md_in_html would.
The HTML that comes out is the same, byte for byte (tests/test_rawblocks.py
converts each test page both ways; benchmarks/results.md compares whole sites).
The anchor pass then parses only the rest of the page; the ids in the blocks taken
(``id`` on any tag, ``name`` on ``a``, as that pass reads them) are read from the
blocks' start tags that have such an attribute and added to what it found, so
links into the blocks are checked as before (a test compares the ids both ways).

A block is taken only when the answer is certain:

* it starts at the beginning of a line with a block-level tag carrying
  ``markdown="0"``, and its end tag (nested tags of the same name counted) is the
  last thing on its line;
* nothing between it and the previous block taken contains ``<`` (so the HTML
  parser is not inside another raw block or an open inline tag there);
* it holds no comment, processing instruction, declaration, script, style, pre or
  textarea (where the HTML parser reads tags differently).

Anything else, and everything after it, is left to md_in_html as before. Data
text inside the blocks was escaped by the templates' autoescape and is not
touched here.
"""

from __future__ import annotations

import re

from markdown import htmlparser as _md_htmlparser
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_START = re.compile(r'^<([a-z][a-z0-9]*)\b[^<>]*\smarkdown="0"[^<>]*>', re.M)
_TAGS: dict[str, re.Pattern] = {}
_UNSURE = re.compile(r"<!|<\?|<(?:script|style|pre|textarea)\b", re.I)
# markdown.htmlparser.blank_line_re: a blank line after the end tag keeps one line break with the block.
_BLANK = re.compile(r"([ ]*\n){2}")


def _tag(name: str) -> re.Pattern:
    pat = _TAGS.get(name)
    if pat is None:
        pat = _TAGS[name] = re.compile(r"<(/?)%s(?=[\s/>])" % re.escape(name), re.I)
    return pat


def stash_blocks(text: str, store, is_block_level) -> tuple[str, int]:
    """``text`` with each certain block replaced by ``store(block)``'s placeholder, and how many."""
    out: list[str] = []
    pos = taken = 0
    for m in _START.finditer(text):
        start, name = m.start(), m.group(1)
        if start < pos:
            continue  # inside the block just taken
        if "<" in text[pos:start]:
            break  # the HTML parser's state here is not certain: leave the rest as it is
        if not is_block_level(name):
            break
        depth, end = 0, -1
        for t in _tag(name).finditer(text, start):
            depth += -1 if t.group(1) else 1
            if depth == 0:
                end = text.find(">", t.end())
                break
        if end < 0:
            break
        end += 1
        block = text[start:end]
        if _UNSURE.search(block) or not (end == len(text) or text[end] == "\n"):
            break
        keep = "\n" if _BLANK.match(text, end) else ""
        out.append(text[pos:start])
        out.append("\n" + store(block + keep) + "\n\n")
        pos = end
        taken += 1
    out.append(text[pos:])
    return "".join(out), taken


# A start tag that may carry an anchor id (the blocks hold no comment, script or the
# like, and their text and attribute values are escaped: "<" and ">" only delimit tags).
_ANCHOR_TAG = re.compile(r"<[a-zA-Z][^<>]*?\s(?:id|name)\s*=[^<>]*>", re.I)


class _Anchors(_md_htmlparser.htmlparser.HTMLParser):
    """The ids an anchor pass reads from start tags: ``id`` on any, ``name`` on ``a``."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id" or (k == "name" and tag == "a"):
                self.ids.add(v)


def anchor_ids(blocks: list[str]) -> set[str]:
    """The anchor ids in ``blocks`` (blocks :func:`stash_blocks` took)."""
    parser = _Anchors()
    parser.feed("".join(t for b in blocks for t in _ANCHOR_TAG.findall(b)))
    parser.close()
    return parser.ids


def _anchor_pass(md):
    """The preprocessor that collects the page's anchor ids (ProperDocs' or MkDocs'), if it
    runs after this one; None without one (plain Python-Markdown)."""
    ours = md.preprocessors.get_index_for_name(_NAME)
    for i, prep in enumerate(md.preprocessors):
        if i > ours and isinstance(getattr(prep, "present_anchor_ids", None), set):
            return prep
    return None


class _Preprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        blocks: list[str] = []

        def store(block: str) -> str:
            blocks.append(block)
            return self.md.htmlStash.store(block)

        text, taken = stash_blocks("\n".join(lines), store, self.md.is_block_level)
        anchors = _anchor_pass(self.md)
        if anchors is not None:
            # For this conversion, that pass adds the taken blocks' ids to what it finds.
            original = anchors.__dict__.get("_finsam_run") or anchors.run  # the pass's own run
            anchors._finsam_run = original
            ids = anchor_ids(blocks)

            def run(lines: list[str]) -> list[str]:
                out = original(lines)
                anchors.present_anchor_ids |= ids
                return out

            anchors.run = run
        return text.split("\n") if taken else lines


_NAME = "finsam_raw_blocks"


class RawBlocksExtension(Extension):
    """Register with ``markdown.Markdown(extensions=[RawBlocksExtension()])``."""

    def extendMarkdown(self, md):
        md.preprocessors.register(_Preprocessor(md), _NAME, 21.5)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return RawBlocksExtension(**kwargs)

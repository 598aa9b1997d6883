"""A Python-Markdown extension: finsam's ready-made HTML blocks stashed without parsing them.

The macros put whole tables, figures and fact boxes into the pages as HTML
blocks marked ``markdown="0"`` (render/templating.py). Python-Markdown (with
md_in_html) finds each such block by feeding the whole page through its HTML
parser, tag by tag, in Python, only to store the block's text unchanged and put
it back after conversion. At 25 years of data that parse was a fifth of the
Markdown time of the real build.

This preprocessor runs just before md_in_html's (priority 20, after ProperDocs'
own pass that collects the page's anchor ids, 21): it finds the same blocks by
their tags and stores each one's text in the same stash, in the same place and
with the same line breaks around it, as md_in_html would. The HTML that comes out
is the same, byte for byte (tests/test_rawblocks.py converts each test page both
ways; benchmarks/results.md compares whole sites).

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


class _Preprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text, taken = stash_blocks("\n".join(lines), self.md.htmlStash.store, self.md.is_block_level)
        return text.split("\n") if taken else lines


class RawBlocksExtension(Extension):
    """Register with ``markdown.Markdown(extensions=[RawBlocksExtension()])``."""

    def extendMarkdown(self, md):
        md.preprocessors.register(_Preprocessor(md), "finsam_raw_blocks", 20.5)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return RawBlocksExtension(**kwargs)

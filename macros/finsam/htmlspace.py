"""The theme's indentation out of the built pages, with the same rendering.

Material's templates indent every element and leave a blank line where a Jinja
block was: about a third of a typical page (10 of 27 KB) was spaces and empty
lines. ``compact`` turns every run of whitespace that contains a line break,
outside a tag, into a single line break. Whether there is whitespace between
two things never changes, so the page renders the same wherever whitespace
collapses (CSS ``white-space`` normal or nowrap: a run of spaces and line
breaks shows as one space, or none at a line's start). Left exactly as they
are: tags and their attribute values, comments, and the elements whose
whitespace shows or is code: ``pre``, ``code``, ``kbd`` (Material styles them
``pre-wrap``), ``textarea``, ``script`` and ``style``.

An HTML minifier would save a little more (quotes, optional tags, the
whitespace between blocks), but drops whitespace by what it assumes of each
element's display, which the site's CSS can change (Material lays its tabs out
as inline blocks, where a space between items shows); this keeps everything
the layout can see. It costs about 0.5 ms a page.

Its input is HTML as the build writes it: a ``<`` in text is always escaped
(``&lt;``), so a raw ``<`` starts a tag. (Text like ``<code><a</code>`` is a
malformed tag that swallows the end tag; no page holds one.)
"""

from __future__ import annotations

import functools
import re

# Kept whole: the elements whose whitespace is shown or is code, comments, and the tags
# that hold a line break (in an attribute value, quoted with " or ', which may hold > too).
# A tag without a line break has no run to change. script, style and textarea end at
# their first end tag (their content is text); pre, code and kbd may hold their own
# kind (``_nested_end``).
# The tag alternative is tried at every "<" of the page and fails on nearly all of them
# (the theme writes no tag over two lines). Its repeats are possessive (*+, ++): each
# stops where the next part of the pattern must begin (a ">", a line break or a quote
# that does not close on its line), so giving characters back could never make a match
# and the engine does not try; runs of plain characters are taken in one step. The
# same matches as with plain repeats (compared at every position of random markup and
# on every built page), in less than half the time.
_KEPT = re.compile(
    r"<(script|style|textarea)\b.*?(?:</\1\s*>|\Z)"  # unclosed: to the end, as a browser reads it
    r"|<(pre|code|kbd)\b"
    r"|<!--.*?(?:-->|\Z)"
    # a tag up to its first line break (bare, or inside a quoted value), then the rest of it
    r"|<[a-zA-Z](?:[^>\"'\n]++|\"[^\"\n]*+\"|'[^'\n]*+')*+"
    r"(?:\n|\"[^\"\n]*+\n[^\"]*+\"|'[^'\n]*+\n[^']*+')"
    r"(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>",
    re.S | re.I,
)
# A run is whitespace (" \t\r\n\f") holding a line break, taken whole: the same as the
# one expression [ \t\r\f]*\n[ \t\r\n\f]* replaced by "\n", in two passes that each begin
# with a literal line break (re then jumps from one line break to the next instead of
# trying the expression at every character; about a quarter of the time): a line break and
# all whitespace after it, then, in the reversed text, a line break and the spaces
# that were before it.
_AFTER = re.compile(r"\n[ \t\r\n\f]*+")
_BEFORE_REVERSED = re.compile(r"\n[ \t\r\f]++")
# Between the pieces of text, while their runs are made one: whitespace does not run
# across it, as it does not across a kept piece (which begins with "<" and ends with
# ">" or the page's end). Pages never hold it; if one does, each piece is done alone.
_SEPARATOR = "\x00"
# A pre/code/kbd tag of its own kind, or what is text however it looks (the content of a
# script, style or textarea, a comment): "<pre><textarea></pre></textarea>" is one pre.
_SAME = {
    name: re.compile(rf"<(/?){name}\b|<(script|style|textarea)\b.*?(?:</\2\s*>|\Z)|<!--.*?(?:-->|\Z)", re.I | re.S)
    for name in ("pre", "code", "kbd")
}


def _nested_end(page_html: str, name: str, at: int) -> int:
    """Where the ``name`` element opened at ``at`` ends (after its end tag), counting its own kind inside it."""
    depth = 0
    for m in _SAME[name].finditer(page_html, at):
        if m.group(1) is None:
            continue  # text: a script's, style's or textarea's content, or a comment
        depth += -1 if m.group(1) else 1
        if depth == 0:
            close = page_html.find(">", m.end())
            return len(page_html) if close < 0 else close + 1
    return len(page_html)


# A pure function of the page, kept for the pages a `serve` rebuild renders unchanged
# (serve_hook reuses their theme render, so the same text comes again): about 0.5 ms a
# page otherwise. Bounded, as a long serve session renders many versions of a page.
@functools.lru_cache(maxsize=512)
def compact(page_html: str) -> str:
    """``page_html`` with each run of whitespace holding a line break, between tags and in text, made one line break."""
    texts: list[str] = []  # the text between the kept pieces, where runs are made one
    kept: list[str] = []
    at = pos = 0
    while (m := _KEPT.search(page_html, pos)) is not None:
        start = m.start()
        end = _nested_end(page_html, m.group(2).lower(), start) if m.group(2) else m.end()
        texts.append(page_html[at:start])
        kept.append(page_html[start:end])
        at = pos = end
    texts.append(page_html[at:])
    if _SEPARATOR in page_html:
        texts = [_one_line_break(text) for text in texts]
    else:
        texts = _one_line_break(_SEPARATOR.join(texts)).split(_SEPARATOR)
    out = [""] * (len(texts) + len(kept))
    out[0::2] = texts
    out[1::2] = kept
    return "".join(out)


def _one_line_break(text: str) -> str:
    """``text`` with each run of whitespace that holds a line break made one line break."""
    return _BEFORE_REVERSED.sub("\n", _AFTER.sub("\n", text)[::-1])[::-1]

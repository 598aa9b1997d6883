"""A Python-Markdown extension: text that no inline pattern can match skips the patterns.

Python-Markdown's inline pass (treeprocessors.InlineProcessor) hands every piece
of text in the page (each paragraph, heading, list item, table cell and the
placeholder of every stashed HTML block) to each of its ~16 inline patterns in
turn, one Python call each, whether or not the pattern's expression occurs in it.
Most pieces contain none of them: the placeholders of finsam's ready-made HTML
(finsam/rawblocks.py), headings and short sentences without a link, an escape or
emphasis. At 25 years of data the pages hold about 30 000 such pieces, and the
calls that find nothing are a large part of the Markdown time.

This processor asks each pattern's compiled expression first, in the patterns'
own order, and starts the usual processing at the first pattern whose expression
occurs in the text; when none occurs, the text is returned as it is. That is
what the usual loop returns then too: a pattern whose expression finds nothing
returns the text unchanged and the loop moves to the next pattern, and skipping
a pattern a page's ancestors exclude (``ANCESTOR_EXCLUDES``) changes nothing
either. Everything else (which pattern matches, where, what it makes) is left to
Python-Markdown, so the HTML is the same byte for byte (tests/test_quickinline.py
converts pages both ways; whole sites are compared before and after). The test
is made only when every pattern is a new-style ``InlineProcessor`` (those search
with their compiled expression); with an old-style pattern registered, or when
another extension has replaced Python-Markdown's inline processor, nothing changes.
"""

from __future__ import annotations

from markdown import inlinepatterns, treeprocessors, util
from markdown.extensions import Extension


class QuickInlineProcessor(treeprocessors.InlineProcessor):
    """``treeprocessors.InlineProcessor`` with the test above before its pattern loop."""

    _patterns: list = []
    _expressions: tuple | None = None

    def run(self, tree, ancestors=None):
        self._patterns = list(self.inlinePatterns)  # in their order (the registry sorts on every index)
        self._expressions = (
            tuple(p.getCompiledRegExp() for p in self._patterns)
            if all(isinstance(p, inlinepatterns.InlineProcessor) for p in self._patterns) else None
        )
        return super().run(tree, ancestors)

    # The name Python gives the base class's private __handleInline; its other methods call it by that name.
    def _InlineProcessor__handleInline(self, data, patternIndex: int = 0):  # noqa: N802
        expressions = self._expressions
        if expressions is None:
            return super()._InlineProcessor__handleInline(data, patternIndex)
        # The base class's loop, with the search first: where a pattern's expression does
        # not occur from startIndex on, __applyPattern would return (data, False, 0).
        if not isinstance(data, util.AtomicString):
            patterns, apply = self._patterns, self._InlineProcessor__applyPattern
            startIndex = 0
            count = len(patterns)
            while patternIndex < count:
                if expressions[patternIndex].search(data, startIndex) is None:
                    patternIndex += 1
                    startIndex = 0
                    continue
                data, matched, startIndex = apply(patterns[patternIndex], data, patternIndex, startIndex)
                if not matched:
                    patternIndex += 1
        return data


_NAME = "inline"


class QuickInlineExtension(Extension):
    """Register after the other extensions: it takes the place of Python-Markdown's own
    inline processor (same name, same priority) if no extension has replaced that."""

    def extendMarkdown(self, md):
        registry = md.treeprocessors
        if _NAME not in registry or type(registry[_NAME]) is not treeprocessors.InlineProcessor:
            return
        priority = next(item.priority for item in registry._priority if item.name == _NAME)
        registry.register(QuickInlineProcessor(md), _NAME, priority)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return QuickInlineExtension(**kwargs)

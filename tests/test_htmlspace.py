"""The theme's indentation out of the built pages (finsam.htmlspace): fewer bytes, the same page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings, strategies as st

from finsam.htmlspace import compact

SHOWN = {"pre", "code", "kbd", "textarea", "script", "style"}


class _Events(HTMLParser):
    """What a browser builds from a page, with whitespace as it renders outside SHOWN
    (a run of spaces and line breaks is one space) and exact inside SHOWN."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.out.append(("start", tag, tuple(attrs)))
        self.open.append(tag)
        if tag == "textarea":
            self.set_cdata_mode(tag)  # as a browser reads it: text up to its first end tag

    def handle_endtag(self, tag):
        self.out.append(("end", tag))
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def handle_startendtag(self, tag, attrs):
        self.out.append(("start", tag, tuple(attrs)))

    def handle_data(self, data):
        shown = any(t in SHOWN for t in self.open)
        text = data if shown else re.sub(r"\s+", " ", data)
        if self.out and self.out[-1][0] == "data" and self.out[-1][1] == shown:
            self.out[-1] = ("data", shown, self.out[-1][2] + text)
        else:
            self.out.append(("data", shown, text))

    def handle_comment(self, data):
        self.out.append(("comment", data))


def events(html: str) -> list:
    parser = _Events()
    parser.feed(html)
    parser.close()
    return [e if e[0] != "data" or e[1] else ("data", False, re.sub(r" +", " ", e[2])) for e in parser.out]


THEME_LIKE = """<!doctype html>
<html lang="sv">
  <head>
      <meta charset="utf-8">

      <title>Budget 2025</title>
    <script>var x = `a
      b`;</script>
    <style>
      .a { content: "  x  "; }
    </style>
  </head>
  <body>
    <!-- a comment
         with its own indentation -->
    <nav class="md-tabs" aria-label="Flikar">
      <ul>
        <li class="md-tabs__item">
          <a href="../">
            Start
          </a>
        </li>
        <li class="md-tabs__item"><a href="x/">Ekonomi</a></li>
      </ul>
    </nav>
    <p>Text på
       två rader och  två mellanslag.</p>
    <pre><code>rad 1
    indragen rad 2

rad 4</code></pre>
    <p>Kod <code>a
      b</code> och <kbd>Ctrl
      C</kbd>.</p>
    <textarea>
  som skrivet
</textarea>
    <a title="en titel
      på två rader" href="y/">länk</a>
    <span data-x='värde med > och
      radbrytning'>z</span>
  </body>
</html>
"""


KEPT = (
    "<pre><code>rad 1\n    indragen rad 2\n\nrad 4</code></pre>",
    "<code>a\n      b</code>",
    "<kbd>Ctrl\n      C</kbd>",
    "<textarea>\n  som skrivet\n</textarea>",
    "var x = `a\n      b`;",
    '<style>\n      .a { content: "  x  "; }\n    </style>',
    "<!-- a comment\n         with its own indentation -->",
    'title="en titel\n      på två rader"',
    "data-x='värde med > och\n      radbrytning'",
)


def test_indentation_and_blank_lines_go():
    out = compact(THEME_LIKE)
    assert len(out) < 0.85 * len(THEME_LIKE)
    for kept in KEPT:
        out = out.replace(kept, "K")
    assert "\n " not in out and "\n\n" not in out and " \n" not in out


def test_the_page_is_the_same_page():
    assert events(compact(THEME_LIKE)) == events(THEME_LIKE)


def test_shown_whitespace_comments_and_attribute_values_are_kept_exactly():
    out = compact(THEME_LIKE)
    for kept in KEPT:
        assert kept in out, kept


def test_whitespace_on_one_line_is_left_alone():
    # Only runs that hold a line break change: spaces between words and tags stay as written.
    text = '<p>ett  två</p> <span>tre</span>\t<b>fyra</b>'
    assert compact(text) == text


def test_whitespace_never_appears_or_disappears():
    # A line break alone (no indentation) stays: it is the one whitespace between the two.
    assert compact("<li>a</li>\n<li>b</li>") == "<li>a</li>\n<li>b</li>"
    assert compact("<li>a</li>\n\n    <li>b</li>") == "<li>a</li>\n<li>b</li>"
    assert compact("<li>a</li><li>b</li>") == "<li>a</li><li>b</li>"


_piece = st.one_of(
    st.sampled_from(["<p>", "</p>", "<li class=\"x\">", "</li>", "<pre>", "</pre>", "<code>", "</code>",
                     "<textarea>", "</textarea>", "<a title=\"a\n  b\">", "</a>", "<!-- x\n  y -->", "<br>"]),
    # Text as the build writes it: a "<" in text is always escaped (Jinja's autoescape,
    # Markdown), so a raw "<" only ever starts a tag. A raw one in text ("<code><a</code>")
    # makes a malformed tag a browser reads as swallowing what follows; no page holds one.
    st.text(alphabet="ab >&\n\t", max_size=8),
    st.just("&lt;"),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_piece, max_size=25).map("".join))
def test_any_markup_renders_the_same(html):
    assert events(compact(html)) == events(html)
    assert compact(compact(html)) == compact(html)


def test_built_pages_are_compact(real_site):
    for path in ("index.html", "ekonomi/index.html", "kontakt/index.html"):
        html = (real_site / path).read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|code|kbd|textarea|script|style)\b.*?</\1>|<!--.*?-->", "K", html, flags=re.S)
        assert not re.search(r"\n[ \t]+<", outside), f"{path}: the theme's indentation is still there"
        assert "\n\n" not in outside, f"{path}: blank lines are still there"


def test_a_pre_inside_a_pre_keeps_the_outer_one_whole():
    html = "<pre>a<pre>b</pre>  \n  c</pre>\n   <p>d</p>"
    assert compact(html) == "<pre>a<pre>b</pre>  \n  c</pre>\n<p>d</p>"
    assert compact("<pre>a\n   b") == "<pre>a\n   b"  # unclosed: shown to the end


def test_a_pre_holding_text_that_looks_like_its_end_tag_stays_whole():
    # Found by hypothesis: the textarea's content is text, so the pre ends at the last </pre>.
    html = "<pre><textarea></pre></textarea> \n</pre>  \n  <p>d</p>"
    assert compact(html) == "<pre><textarea></pre></textarea> \n</pre>\n<p>d</p>"
    assert compact("<code><!-- </code> -->  \n  x</code>") == "<code><!-- </code> -->  \n  x</code>"


# The kept-region pattern as first written, with plain repeats: the possessive form in
# finsam/htmlspace.py must find the same matches (it only spares the engine from giving
# characters back where that can never lead to a match).
_PLAIN_KEPT = re.compile(
    r"<(script|style|textarea)\b.*?(?:</\1\s*>|\Z)"
    r"|<(pre|code|kbd)\b"
    r"|<!--.*?(?:-->|\Z)"
    r"|<[a-zA-Z](?:[^>\"'\n]|\"[^\"\n]*\"|'[^'\n]*')*"
    r"(?:\n|\"[^\"\n]*\n[^\"]*\"|'[^'\n]*\n[^']*')"
    r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S | re.I,
)
_markup_bits = st.lists(
    st.sampled_from(["<", ">", '"', "'", "\n", " ", "\t", "\r", "a", "=", "/", "<a", "<p ", 'x="', "<pre", "</pre>",
                     "<code", "</code>", "<kbd>", "<script>", "</script>", "<style", "<textarea", "</textarea>",
                     "<!--", "-->", "K"]),
    max_size=30,
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(_markup_bits)
def test_the_kept_pattern_matches_as_with_plain_repeats(text):
    from finsam.htmlspace import _KEPT

    for pos in range(len(text) + 1):
        a, b = _PLAIN_KEPT.search(text, pos), _KEPT.search(text, pos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


# compact as first written: each run matched by one expression, text piece by piece.
# The two-pass form in finsam/htmlspace.py (joined pieces, a reversed pass) must give
# the same text.
_PLAIN_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def _plain_compact(page_html: str) -> str:
    from finsam.htmlspace import _KEPT, _nested_end

    out, at, pos = [], 0, 0
    while (m := _KEPT.search(page_html, pos)) is not None:
        end = _nested_end(page_html, m.group(2).lower(), m.start()) if m.group(2) else m.end()
        out.append(_PLAIN_RUN.sub("\n", page_html[at:m.start()]))
        out.append(page_html[m.start():end])
        at = pos = end
    out.append(_PLAIN_RUN.sub("\n", page_html[at:]))
    return "".join(out)


_spacey_bits = st.lists(
    st.sampled_from([" ", "\t", "\r", "\f", "\n", "\v", "\xa0", "\x00", "a", "<p>", "</p>", "<pre>", "</pre>",
                     "<code>", "</code>", '<a title="x\n y">', "<!-- \n -->", "<script>", "</script>", "&lt;"]),
    max_size=40,
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(_spacey_bits)
def test_compact_gives_what_the_one_expression_gives(html):
    assert compact.__wrapped__(html) == _plain_compact(html)


def test_compact_gives_what_the_one_expression_gives_on_built_pages(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        # The built page went through compact already; put indentation back around
        # every line break so that there is something to take out again.
        spaced = html.replace("\n", "  \n\n    ")
        assert compact.__wrapped__(spaced) == _plain_compact(spaced), path

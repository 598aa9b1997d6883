"""Strict YAML reading that keeps the line of every value.

PyYAML alone is unsafe for hand-edited data: it keeps the last of two duplicate
keys (lost data) and follows YAML 1.1, where ``no`` is False, ``18:30`` is 1110
and ``0123`` is 83. Here the document is composed into nodes and built by hand:

* plain scalars follow the YAML 1.2 core schema: ``true``/``false``, ``null``/``~``,
  decimal integers, decimal numbers (as ``Decimal``, never float); everything else
  is text, so ``no``, ``ja``, ``18:30`` and ``2024-01-01`` stay strings (the model
  turns date strings into dates);
* an integer with a leading zero is refused as ambiguous;
* duplicate keys, anchors/aliases, merge keys and explicit tags are refused;
* every value's line is recorded under its path, e.g. ``("paragrafer", 2, "text")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import yamlcache
from .problems import Problem, display_path

PathKey = tuple[Any, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9]+$")
_DECIMAL = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)$")
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40  # nesting of lists and mappings; real data needs fewer than 10
MAX_DIGITS = 30  # a number with more digits is a typing error (and int() refuses 4300+)


@dataclass
class LineMap:
    """Line numbers (1-based) of the values in one YAML document."""

    lines: dict[PathKey, int] = field(default_factory=dict)

    def line(self, path: PathKey) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


@dataclass
class YamlDocument:
    path: Path
    data: Any
    lines: LineMap

    @property
    def display(self) -> str:
        return display_path(self.path)


class _Composer(yaml.SafeLoader):
    """Only the composing half of PyYAML is used; resolution is ours."""


# libyaml (C) composes the same nodes about five times faster. It is used for
# files that compose without error; any error is composed again by the Python
# composer, whose messages the Swedish hints below know. libyaml composes
# recursively in C and crashes the whole process (a segfault) somewhere past
# 20 000 levels of nesting, so a file goes to it only when a cheap bound on its
# nesting (_nesting_bound) is far below that; the Python composer stops at
# Python's recursion limit, which read_yaml reports. So does a file with a tab:
# there the two composers differ (libyaml accepts tabs where PyYAML, and so our
# "no tabs" message, does not). tests/test_loader_properties.py checks that they agree.
# A plain scalar with no tag written: _Builder resolves it by the YAML 1.2 core
# rules, so the fast composer leaves PyYAML's YAML 1.1 resolver (Python, once per
# scalar) out and marks the node instead; every other node gets PyYAML's tag.
_PLAIN = "tag:finsam,2026:plain"


def _resolve_plain_later(self, kind, value, implicit):
    if kind is ScalarNode and implicit[0]:
        return _PLAIN
    return yaml.CSafeLoader.resolve(self, kind, value, implicit)


_FastComposer = (
    type("_FastComposer", (yaml.CSafeLoader,), {"resolve": _resolve_plain_later}) if yaml.__with_libyaml__ else None
)
_FAST_MAX_NESTING = 2000
# Where the two composers differ: tabs, a byte order mark, and a block scalar's header
# with "#" right after it ("|#", ">-#"), which libyaml takes as a comment and PyYAML
# refuses (a comment needs a space before it).
_SLOW_ONLY = re.compile("[\t\ufeff]|[|>][-+0-9]*#")
# "- - - - ..." nests on one line: 20 indicators in a row. Written to start with the
# indicator itself (not a repeated group), so the search skips to the next -, ? or :
# instead of trying a match at every character (5x faster; only ever searched for).
_INDICATOR_RUN = re.compile(r"[-?:][ ]+(?:[-?:][ ]+){19}")
_INDENT = re.compile(r"^[ ]*(?=\S)", re.M)


def _nesting_bound(text: str) -> int:
    """An upper bound on how deeply ``text`` can nest lists and mappings.

    Each level of block nesting needs a deeper indent or one more indicator
    (``- ``, ``? ``, ``: ``) on a line, and each level of flow nesting a bracket.
    Cheap (a few regular expressions), and far above the truth for real files.
    """
    brackets = text.count("[") + text.count("{")
    if _INDICATOR_RUN.search(text):
        return brackets + 10**9
    indents = len(set(_INDENT.findall(text)))
    return brackets + indents * 21


def _compose(text: str) -> list:
    if _FastComposer is not None and not _SLOW_ONLY.search(text) and _nesting_bound(text) < _FAST_MAX_NESTING:
        try:
            return list(yaml.compose_all(text, Loader=_FastComposer))
        except Exception:  # noqa: BLE001 - explained by the Python composer below
            pass
    return list(yaml.compose_all(text, Loader=_Composer))


# Characters a value may not hold: C0 controls except the line break, DEL, C1
# controls, and the bidirectional overrides and isolates (they reorder what is
# shown). Unicode's line and paragraph separators (U+2028, U+2029) and NEL (U+0085)
# are refused too: YAML counts them as line breaks while editors and browsers do
# not, so the same text would mean two things. A value with them is reported, never
# quietly changed; a plain line break ("|" block or "\\n") is the way to write one.
_FORBIDDEN_CHAR = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_CHAR_NAMES = {
    0x00: "NUL", 0x09: "tabb", 0x0D: "vagnretur (CR)", 0x1B: "escape (ESC)", 0x7F: "DEL",
    0x85: "NEL, nästa rad", 0x2028: "radavgränsare", 0x2029: "styckeavgränsare",
}


def _char_message(ch: str) -> str:
    code = ord(ch)
    name = _CHAR_NAMES.get(code)
    label = f"U+{code:04X}" + (f", {name}" if name else "")
    if code in (0x85, 0x2028, 0x2029):
        return (
            f"texten innehåller en Unicode-radavgränsare ({label}) som YAML och webbläsare läser olika; "
            "skriv en vanlig radbrytning eller ett mellanslag"
        )
    if code == 0x09:
        return "texten innehåller ett tabbtecken; skriv mellanslag"
    return f"texten innehåller ett osynligt styrtecken ({label}); ta bort det"


# A plain scalar that starts with none of these is text: no null, boolean or number does.
_STARTS_NON_TEXT = frozenset("~nNtTfF+-.0123456789")


class _Builder:
    def __init__(self, display: str, text_lines: list[str] | None = None, text: str | None = None):
        self.display = display
        self.text_lines = text_lines or []
        self.problems: list[Problem] = []
        self.lines = LineMap()
        self._seen: set[int] = set()
        # One search of the whole file instead of one per value, where the file
        # allows it: a value can hold a character the file does not only through
        # a \ escape, and be cut by ' #' only where the file has one.
        self._chars_possible = text is None or "\\" in text or _FORBIDDEN_CHAR.search(text) is not None
        self._cut_possible = text is None or _CUT_BY_HASH.search(text) is not None

    def problem(self, node: Node, path: PathKey, message: str) -> None:
        self.problems.append(
            Problem(self.display, node.start_mark.line + 1, format_path(path), message)
        )

    def build(self, node: Node, path: PathKey) -> Any:
        if len(path) > MAX_DEPTH:
            self.problem(node, path, f"värdet är nästlat i mer än {MAX_DEPTH} nivåer")
            return None
        if id(node) in self._seen:
            self.problem(node, path, "ankare och alias (& och *) används inte här; skriv ut värdet")
            return None
        self._seen.add(id(node))
        self.lines.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.problem(node, path, _tag_message(node.tag))
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: PathKey) -> dict:
        if node.tag != "tag:yaml.org,2002:map":
            self.problem(node, path, _tag_message(node.tag))
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, path, "en nyckel måste vara enkel text")
                continue
            key = key_node.value
            if self._chars_possible and (bad := _FORBIDDEN_CHAR.search(key)):
                self.problem(key_node, path, "nyckeln: " + _char_message(bad.group()))
                continue
            if key == "<<":
                self.problem(key_node, path, "sammanslagning med '<<' används inte här; skriv ut nycklarna")
                continue
            if key in out:
                self.problem(
                    key_node,
                    path + (key,),
                    f"nyckeln '{key}' finns två gånger (första gången på rad {first_line[key]}); "
                    "ta bort den ena",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            self.lines.lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, path + (key,))
        return out

    def _scalar(self, node: ScalarNode, path: PathKey) -> Any:
        value = node.value
        if self._chars_possible and (bad := _FORBIDDEN_CHAR.search(value)):
            self.problem(node, path, _char_message(bad.group()))
            return None
        if node.style:  # quoted or block scalar: always text
            if node.tag != "tag:yaml.org,2002:str":
                self.problem(node, path, _tag_message(node.tag))
            return value
        # A plain scalar carries the tag our resolver's rules gave it; any other tag
        # was written in the file: !tagg, !!tagg, !<verbatim> or a %TAG shorthand.
        if node.tag != _PLAIN and (node.tag not in _RESOLVED_TAGS or node.tag != _implicit_tag(value)):
            self.problem(node, path, _tag_message(node.tag))
            return value
        if value and value[0] not in _STARTS_NON_TEXT:
            if self._cut_possible:
                self._comment_cut(node, path)
            return value
        if _NULL.match(value):
            return None
        if _BOOL.match(value):
            return value.lower() == "true"
        if _LEADING_ZERO.match(value):
            self.problem(
                node,
                path,
                f"talet '{value}' börjar med 0 och är tvetydigt; skriv det utan inledande nolla, "
                "eller inom citattecken om det är text",
            )
            return value
        if (_INT.match(value) or _DECIMAL.match(value)) and sum(c.isdigit() for c in value) > MAX_DIGITS:
            self.problem(node, path, f"talet har fler än {MAX_DIGITS} siffror; är det felskrivet?")
            return value
        if _INT.match(value):
            return int(value)
        if _DECIMAL.match(value):
            return Decimal(value)
        if self._cut_possible:
            self._comment_cut(node, path)
        return value

    def _comment_cut(self, node: ScalarNode, path: PathKey) -> None:
        """A text followed by `` #`` on its line: YAML made the rest a comment.

        ``titel: Möte i sal #3`` is read as ``Möte i sal``. A comment is written with
        a space after ``#`` (``x  # kommentar``, ``uses: x@sha # v4``), so ``#`` right
        after one space and right before text (`` #3``) is taken to be part of the
        text that was lost.
        """
        end = node.end_mark
        if end.line >= len(self.text_lines):
            return
        rest = self.text_lines[end.line][end.column :]
        if _CUT_BY_HASH.match(rest):
            self.problem(
                node,
                path,
                f"texten '{_short(node.value)}' slutar vid ' #': i YAML börjar där en kommentar och resten "
                "av raden försvinner. Sätt hela texten inom citattecken om '#' hör till texten",
            )


_RESOLVER = yaml.resolver.Resolver()


def _implicit_tag(value: str) -> str:
    """The tag PyYAML gives a plain scalar with no tag written: a different one was written."""
    return _RESOLVER.resolve(ScalarNode, value, (True, False))


_CUT_BY_HASH = re.compile(r" #[^\s#]")


def _short(value: str, n: int = 40) -> str:
    return value if len(value) <= n else value[: n - 1] + "…"


def _tag_message(tag: str) -> str:
    return f"okänd YAML-tagg {_short(tag)!r}: taggar används inte i datafilerna; ta bort taggen"


# Tags PyYAML's resolver may put on a plain scalar; we resolve those ourselves.
_RESOLVED_TAGS = _STANDARD_TAGS | {
    "tag:yaml.org,2002:" + t for t in ("null", "bool", "int", "float", "timestamp", "value", "merge")
}


def format_path(path: PathKey) -> str:
    """``("paragrafer", 2, "text")`` -> ``paragrafer[3].text`` (positions count from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Read one YAML file. Returns the document, or None and the problems."""
    display = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(display, 0, "", f"filen kan inte läsas ({err.strerror})")]
    return read_yaml_bytes(raw, path)


def read_yaml_bytes(raw: bytes, path: Path, first_line: int = 1) -> tuple[YamlDocument | None, list[Problem]]:
    """Like read_yaml, for YAML that starts on line ``first_line`` of ``path``
    (a news post's front matter starts on line 2), with the same rules and messages."""
    display = display_path(path)
    if first_line > 1:
        raw = b"\n" * (first_line - 1) + raw  # so every line number is the file's own
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(display, 0, "", f"filen är för stor ({len(raw)} byte); högst {MAX_FILE_BYTES}")]
    if (stored := yamlcache.lookup(raw)) is not None:  # read before, without a problem
        return YamlDocument(path, stored[0], LineMap(stored[1])), []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [
            Problem(display, line, "", "filen är inte sparad som UTF-8; spara om den med teckenkodningen UTF-8")
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [Problem(display, 1, "", "filen är tom")]
    if sep := _LINE_SEPARATORS.search(text):
        line = text.count("\n", 0, sep.start()) + 1
        return None, [Problem(display, line, "", _char_message(sep.group()))]
    if directive := _directive_line(text):
        return None, [
            Problem(display, directive, "", "YAML-direktiv (en rad som börjar med %) används inte i datafilerna; ta bort raden")
        ]
    try:
        nodes = _compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark is not None and "quoted scalar" in (err.context or ""):
            mark = err.context_mark  # an unclosed quote: point at where it opens, not at the end of the file
        line = mark.line + 1 if mark else 0
        return None, [Problem(display, line, "", _syntax_message(err, text, line))]
    except yaml.reader.ReaderError as err:  # a control character such as NUL or ESC
        line = text[: err.position].count("\n") + 1
        code = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
        return None, [Problem(display, line, "", f"filen innehåller ett otillåtet styrtecken ({code}); ta bort det")]
    except RecursionError:  # PyYAML composes recursively: thousands of nested brackets
        return None, [Problem(display, _too_deep_line(text), "", f"värdet är nästlat i mer än {MAX_DEPTH} nivåer")]
    except yaml.YAMLError:  # pragma: no cover - no other kind of error is known
        return None, [Problem(display, 0, "", "filen kan inte läsas som YAML")]
    if len(nodes) != 1 or nodes[0] is None:
        return None, [Problem(display, 1, "", "filen ska innehålla exakt ett YAML-dokument (ta bort extra '---' och '...')")]
    builder = _Builder(display, text.splitlines(), text)
    data = builder.build(nodes[0], ())
    if builder.problems:
        return None, builder.problems
    yamlcache.keep(raw, data, builder.lines.lines)
    return YamlDocument(path, data, builder.lines), []


def _directive_line(text: str) -> int | None:
    """The line of a YAML directive (%YAML, %TAG, ...), if the file has one.

    A directive changes how the rest is read (%TAG makes ``!e!x`` a custom tag,
    %YAML 1.1 asks for the rules this loader refuses), so none is accepted.
    PyYAML reads every ``%`` at the start of a line outside a value as one.
    """
    if not (text.startswith("%") or "\n%" in text):
        return None
    try:
        for token in yaml.scan(text, Loader=_Composer):
            if isinstance(token, yaml.DirectiveToken):
                return token.start_mark.line + 1
    except yaml.YAMLError:
        first = re.search(r"(?m)^%", text)
        return text.count("\n", 0, first.start()) + 1 if first else None
    return None


def _too_deep_line(text: str) -> int:
    """The line where nesting first goes deeper than MAX_DEPTH (the parser does not recurse)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Composer):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return 1  # pragma: no cover - only reached when the recursion had another cause


def _syntax_message(err: yaml.MarkedYAMLError, text: str, line: int) -> str:
    lines = text.splitlines()
    bad = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad or (err.problem and "\\t" in err.problem):
        return "tabbtecken får inte användas för indrag i YAML; använd mellanslag"
    what = re.sub(r"found character '.*?' that", "found character that", err.problem or "")
    for english, swedish in _SYNTAX_HINTS:
        if what.startswith(english):
            return f"YAML-syntaxfel: {swedish}"
    # Never English: a message PyYAML may add in a later version gets a plain hint.
    return "YAML-syntaxfel: raden kan inte läsas som YAML; jämför med raderna runt omkring och med exempelfilen"


# Every problem PyYAML's scanner, parser and composer report, in Swedish
# (tests/bad_inputs/test_yaml_messages.py checks that none is missing).
_SYNTAX_HINTS: list[tuple[str, str]] = [
    ("mapping values are not allowed here", "ett kolon står där det inte får stå; sätt texten inom citattecken"),
    ("could not find expected ':'", "ett kolon (:) saknas efter en nyckel"),
    ("found character that cannot start any token", "ett tecken som inte får inleda ett värde; sätt texten inom citattecken"),
    ("did not find expected key", "indraget stämmer inte; kontrollera mellanslagen i början av raden"),
    ("did not find expected '-' indicator", "indraget i listan stämmer inte; kontrollera mellanslagen"),
    ("expected <block end>", "indraget stämmer inte; kontrollera mellanslagen i början av raden"),
    ("expected ',' or ']'", "en lista inom [ ] saknar ett kommatecken eller sin avslutande ]; text med kolon sätts inom citattecken"),
    ("expected ',' or '}'", "en samling inom { } saknar ett kommatecken eller sin avslutande }"),
    ("found undefined alias", "ett alias (*) som inte har något ankare"),
    ("found unexpected end of stream", "filen tar slut mitt i ett värde; saknas ett citattecken eller en parentes?"),
    ("found unknown escape character", "okänd teckenkombination med \\ inom dubbla citattecken; skriv \\\\ eller använd enkla citattecken"),
    ("expected escape sequence of", "efter \\x, \\u eller \\U inom dubbla citattecken ska hexadecimala siffror stå; skriv \\\\ eller använd enkla citattecken"),
    ("expected alphabetic or numeric character", "efter & eller * ska ett namn stå; sätt texten inom citattecken"),
    ("found unexpected ':'", "ett kolon står där det inte får stå; sätt texten inom citattecken"),
    ("expected a comment or a line break", "text efter ett avslutat värde; sätt hela texten inom citattecken"),
    ("expected the node content, but found", "ett värde saknas eller börjar med ett tecken som måste stå inom citattecken"),
    ("expected '<document start>'", "efter '...' (dokumentets slut) står mer data; en datafil är ett enda dokument, ta bort '...'"),
    ("expected a single document in the stream", "filen ska innehålla exakt ett YAML-dokument (ta bort extra '---' och '...')"),
    ("found unexpected document separator", "'---' eller '...' mitt i ett värde; sätt texten inom citattecken"),
    ("expected chomping or indentation indicators", "efter | eller > får bara + eller - och en siffra 1–9 stå (t.ex. '|' eller '|-')"),
    ("expected indentation indicator in the range 1-9", "efter | eller > får indragssiffran bara vara 1–9; skriv helst bara '|'"),
    ("expected a digit", "en YAML-direktivrad är felskriven; datafilerna använder inga direktiv (rader som börjar med %)"),
    ("expected a directive name", "en YAML-direktivrad är felskriven; datafilerna använder inga direktiv (rader som börjar med %)"),
    ("expected ' ', but found", "ett mellanslag saknas efter ett YAML-tecken; sätt texten inom citattecken"),
    ("expected '!', but found", "en YAML-tagg är felskriven; taggar används inte i datafilerna"),
    ("expected '>', but found", "en YAML-tagg (!<...>) är felskriven; taggar används inte i datafilerna"),
    ("expected URI", "en YAML-tagg är felskriven; taggar används inte i datafilerna"),
    ("found undefined tag handle", "en YAML-tagg med ett okänt prefix; taggar används inte i datafilerna"),
    ("found duplicate YAML directive", "YAML-direktiv (rader som börjar med %) används inte i datafilerna; ta bort raden"),
    ("found incompatible YAML document", "YAML-direktiv (rader som börjar med %) används inte i datafilerna; ta bort raden"),
    ("duplicate tag handle", "YAML-direktiv (rader som börjar med %) används inte i datafilerna; ta bort raden"),
    ("found non-specific tag", "en YAML-tagg '!' används inte i datafilerna; ta bort den"),
    ("found duplicate anchor", "ankare och alias (& och *) används inte här; skriv ut värdet"),
    ("found duplicate key", "en nyckel står två gånger; ta bort den ena"),
    ("invalid indentation or unclosed '[' or '{'", "fel indrag, eller en [ eller { som inte stängs"),
    ("mapping keys are not allowed here", "en nyckel står där den inte får stå; kontrollera indraget eller sätt texten inom citattecken"),
    ("sequence entries are not allowed here", "en listpunkt (- ) står där den inte får stå; kontrollera indraget"),
    ("but found another document", "filen ska innehålla exakt ett YAML-dokument (ta bort extra '---' och '...')"),
]

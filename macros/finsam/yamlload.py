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
# composer, whose messages the Swedish hints below know. libyaml recurses in C,
# so a file with very many brackets (deep flow nesting could crash the process)
# goes to the Python composer, which stops at Python's recursion limit. So does
# a file with a tab, a byte-order mark inside it or a Unicode line separator:
# there the two composers differ (libyaml accepts tabs where PyYAML, and so our
# "no tabs" message, does not). tests/test_loader_properties.py checks that they agree.
_FastComposer = type("_FastComposer", (yaml.CSafeLoader,), {}) if yaml.__with_libyaml__ else None
_FAST_MAX_BRACKETS = 5000
_SLOW_ONLY = re.compile("[\t\ufeff\x85\u2028\u2029]")  # where the two composers differ


def _compose(text: str) -> list:
    if _FastComposer is not None and not _SLOW_ONLY.search(text) and text.count("[") + text.count("{") < _FAST_MAX_BRACKETS:
        try:
            return list(yaml.compose_all(text, Loader=_FastComposer))
        except Exception:  # noqa: BLE001 - explained by the Python composer below
            pass
    return list(yaml.compose_all(text, Loader=_Composer))


class _Builder:
    def __init__(self, display: str):
        self.display = display
        self.problems: list[Problem] = []
        self.lines = LineMap()
        self._seen: set[int] = set()

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
            if node.tag not in _STANDARD_TAGS:
                self.problem(node, path, f"okänd YAML-tagg {node.tag!r}")
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: PathKey) -> dict:
        if node.tag not in _STANDARD_TAGS:
            self.problem(node, path, f"okänd YAML-tagg {node.tag!r}")
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, path, "en nyckel måste vara enkel text")
                continue
            key = key_node.value
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
        if node.style:  # quoted or block scalar: always text
            if node.tag not in _STANDARD_TAGS:
                self.problem(node, path, f"okänd YAML-tagg {node.tag!r}")
            return value
        if node.tag.startswith("!") or (
            node.tag.startswith("tag:yaml.org,2002:") and node.tag not in _RESOLVED_TAGS
        ):
            self.problem(node, path, f"okänd YAML-tagg {node.tag!r}")
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
        return value


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
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(display, 0, "", f"filen är för stor ({len(raw)} byte); högst {MAX_FILE_BYTES}")]
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
    except yaml.YAMLError as err:  # pragma: no cover - other reader errors
        return None, [Problem(display, 0, "", f"YAML-fel: {err}")]
    nodes = [n for n in nodes if n is not None]
    if len(nodes) != 1:
        return None, [Problem(display, 1, "", "filen ska innehålla exakt ett YAML-dokument (ta bort extra '---')")]
    builder = _Builder(display)
    data = builder.build(nodes[0], ())
    if builder.problems:
        return None, builder.problems
    return YamlDocument(path, data, builder.lines), []


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
    what = re.sub(r"found character '.*?' that", "found character that", err.problem or "ogiltig YAML")
    hints = {
        "mapping values are not allowed here": "ett kolon står där det inte får stå; sätt texten inom citattecken",
        "could not find expected ':'": "ett kolon (:) saknas efter en nyckel",
        "found character that cannot start any token": "ett tecken som inte får inleda ett värde; sätt texten inom citattecken",
        "did not find expected key": "indraget stämmer inte; kontrollera mellanslagen i början av raden",
        "did not find expected '-' indicator": "indraget i listan stämmer inte; kontrollera mellanslagen",
        "expected <block end>": "indraget stämmer inte; kontrollera mellanslagen i början av raden",
        "expected ',' or ']'": "en lista inom [ ] saknar ett kommatecken eller sin avslutande ]; text med kolon sätts inom citattecken",
        "expected ',' or '}'": "en samling inom { } saknar ett kommatecken eller sin avslutande }",
        "found undefined alias": "ett alias (*) som inte har något ankare",
        "found unexpected end of stream": "filen tar slut mitt i ett värde; saknas ett citattecken eller en parentes?",
        "found unknown escape character": "okänd teckenkombination med \\ inom dubbla citattecken; skriv \\\\ eller använd enkla citattecken",
        "expected alphabetic or numeric character": "efter & eller * ska ett namn stå; sätt texten inom citattecken",
        "found unexpected ':'": "ett kolon står där det inte får stå; sätt texten inom citattecken",
        "expected a comment or a line break": "text efter ett avslutat värde; sätt hela texten inom citattecken",
        "expected the node content, but found": "ett värde saknas eller börjar med ett tecken som måste stå inom citattecken",
    }
    for english, swedish in hints.items():
        if what.startswith(english):
            return f"YAML-syntaxfel: {swedish}"
    return f"YAML-syntaxfel: {what}"

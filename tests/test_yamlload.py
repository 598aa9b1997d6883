"""The strict YAML reader: line numbers kept, YAML 1.1 traps and duplicates refused."""

from decimal import Decimal

import pytest

from finsam.yamlload import format_path, read_yaml


def read(tmp_path, text, name="x.yaml", raw=None):
    path = tmp_path / name
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(text, encoding="utf-8")
    return read_yaml(path)


def test_values_and_lines(tmp_path):
    doc, problems = read(tmp_path, "a: 1\nb:\n  - x\n  - c: 2.50\n")
    assert problems == []
    assert doc.data == {"a": 1, "b": ["x", {"c": Decimal("2.50")}]}
    assert doc.lines.line(("a",)) == 1
    assert doc.lines.line(("b", 1, "c")) == 4
    assert doc.lines.line(("b", 1, "missing")) == 4  # nearest known ancestor


@pytest.mark.parametrize(
    "scalar, expected",
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("ja", "ja"),
        ("18:30", "18:30"),
        ("2024-01-01", "2024-01-01"),
        ("true", True),
        ("false", False),
        ("~", None),
        ("null", None),
        ("-748", -748),
        ("1.5", Decimal("1.5")),
        ("0", 0),
        ("'0123'", "0123"),
        ("7 525 000", "7 525 000"),
        ("1e3", "1e3"),
        (".inf", ".inf"),
    ],
)
def test_yaml_12_scalars(tmp_path, scalar, expected):
    doc, problems = read(tmp_path, f"v: {scalar}\n")
    assert problems == []
    assert doc.data["v"] == expected
    assert type(doc.data["v"]) is type(expected)


def test_float_is_never_binary(tmp_path):
    doc, _ = read(tmp_path, "v: 0.1\n")
    assert doc.data["v"] == Decimal("0.1")


def test_leading_zero_is_ambiguous(tmp_path):
    doc, problems = read(tmp_path, "a: 1\nv: 0123\n")
    assert doc is None
    assert [(p.line, p.path) for p in problems] == [(2, "v")]
    assert "börjar med 0" in problems[0].message


def test_duplicate_key(tmp_path):
    doc, problems = read(tmp_path, "a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert doc is None
    assert len(problems) == 1
    p = problems[0]
    assert (p.line, p.path) == (4, "a.b")
    assert "två gånger" in p.message and "rad 2" in p.message


def test_all_duplicates_reported_at_once(tmp_path):
    _, problems = read(tmp_path, "a: 1\na: 2\nb: 1\nb: 2\n")
    assert [p.line for p in problems] == [2, 4]


def test_aliases_refused_without_expanding(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    doc, problems = read(tmp_path, bomb)
    assert doc is None
    assert problems and all("alias" in p.message for p in problems)


def test_merge_key_refused(tmp_path):
    _, problems = read(tmp_path, "a:\n  <<: {b: 1}\n")
    assert "'<<'" in problems[0].message


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!custom", "!!binary"])
def test_explicit_tags_refused(tmp_path, tag):
    _, problems = read(tmp_path, f"v: {tag} x\n")
    assert problems and "tagg" in problems[0].message


def test_tab_indentation(tmp_path):
    _, problems = read(tmp_path, "a:\n\tb: 1\n")
    assert len(problems) == 1 and problems[0].line == 2
    assert "tabbtecken" in problems[0].message


def test_syntax_error_has_line(tmp_path):
    _, problems = read(tmp_path, "a: 1\nb: [1, 2\nc: 3\n")
    assert len(problems) == 1
    assert problems[0].message.startswith("YAML-syntaxfel")
    assert problems[0].line >= 2


@pytest.mark.parametrize("text", ["", "   \n", "# bara en kommentar\n"])
def test_empty_file(tmp_path, text):
    _, problems = read(tmp_path, text)
    assert [p.message for p in problems] == ["filen är tom"]


def test_not_utf8(tmp_path):
    _, problems = read(tmp_path, None, raw="a: 1\nnamn: Köping\n".encode("latin-1"))
    assert len(problems) == 1 and problems[0].line == 2
    assert "UTF-8" in problems[0].message


def test_two_documents(tmp_path):
    _, problems = read(tmp_path, "a: 1\n---\nb: 2\n")
    assert "exakt ett" in problems[0].message


def test_format_path_counts_from_one():
    assert format_path(("paragrafer", 0, "regler", "medlemmar", 3)) == "paragrafer[1].regler.medlemmar[4]"


@pytest.mark.parametrize(
    "raw, line, fragment",
    [
        (b"a: 1\nb: x\x00y\n", 2, "styrtecken (U+0000)"),
        (b"a: x\x1by\n", 1, "styrtecken (U+001B)"),
        (b"a: " + b"[" * 3000 + b"]" * 3000 + b"\n", 1, "nästlat"),  # PyYAML would recurse too deep
        (b"a: " + b"[" * 45 + b"]" * 45 + b"\n", 1, "nästlat"),
        (b"a: " + b"9" * 5000 + b"\n", 1, "fler än 30 siffror"),  # int() refuses 4300+ digits
        (b"a: 1.0000000000000000000000000000001\n", 1, "fler än 30 siffror"),
    ],
)
def test_hostile_input_gives_a_problem_not_an_exception(tmp_path, raw, line, fragment):
    doc, problems = read(tmp_path, None, raw=raw)
    assert doc is None
    assert len(problems) == 1 and problems[0].line == line and fragment in problems[0].message


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("a: @b\n", "ett tecken som inte får inleda ett värde"),
        ("a:\n  b: 1\n c: 2\n", "indraget stämmer inte"),
        ("a: [b, c\n", "YAML-syntaxfel"),
        ('a: "x\\qy"\n', "okänd teckenkombination"),
    ],
)
def test_syntax_errors_are_explained_in_swedish(tmp_path, text, fragment):
    _, problems = read(tmp_path, text)
    assert len(problems) == 1 and fragment in problems[0].message

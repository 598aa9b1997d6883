"""Bad inputs by class, in-process (fast): each test is written from the class of
input, not from one example, so a new case of the same class is covered too.

The YAML corpus in tests/bad_inputs/ runs each case through the command line and
(some) through a build; this file checks the classes where they are handled:
the loader (yamlload.py), the models' shared schema guard (model/base.py) and the
one function problems are printed through (problems.py).
"""

from __future__ import annotations

import datetime as dt
import string
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE, edit, problems_in
from hypothesis import given, settings
from hypothesis import strategies as st

from finsam.dataset import COLLECTIONS
from finsam.model.base import _MARK, MonthDay
from finsam.problems import DataError, Problem, printable
from finsam.yamlload import _SYNTAX_HINTS, _syntax_message, read_yaml

FAST = settings(max_examples=150, derandomize=True, deadline=None)

# Checks this module breaks on purpose (tests/test_checks.py: every check has a failing case).
CHECKS_COVERED = {"sidor_finns", "inga_telefonnummer_eller_personnummer"}


def read(tmp_path: Path, text: str):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path)


def refused(tmp_path: Path, text: str) -> list[str]:
    doc, problems = read(tmp_path, text)
    assert doc is None, f"accepted: {text!r} -> {doc.data!r}"
    assert problems
    return [p.format() for p in problems]


# -- 3. Nothing crashes: nesting is bounded before the C parser sees it -----------

@pytest.mark.parametrize(
    "text",
    [
        "- " * 100_000 + "x\n",  # block sequences on one line (segfaulted libyaml)
        "? " * 100_000 + "x\n",  # complex keys
        "a: " + "[" * 30_000 + "]" * 30_000 + "\n",  # flow sequences
        "a: " + "{b: " * 20_000 + "1" + "}" * 20_000 + "\n",  # flow mappings
        "".join(" " * i + "- \n" for i in range(0, 1600, 2)),  # ever deeper indents
        "".join(" " * i + f"k{i}:\n" for i in range(400)) + " " * 400 + "x: 1\n",
    ],
    ids=["seq-run", "key-run", "flow-seq", "flow-map", "indents", "map-indents"],
)
def test_deep_nesting_is_a_problem_not_a_crash(tmp_path, text):
    assert any("nästlat" in p for p in refused(tmp_path, text))


# -- 4. Values mean one thing: tags, directives, document end ---------------------

@pytest.mark.parametrize(
    "text",
    [
        "a: !x 1\n",
        "a: !!str 5\n",
        "a: !!int '5'\n",
        "a: !!binary aGVq\n",
        "a: !<tag:example.com,2000:x> 1\n",
        "a: !<tag:yaml.org,2002:python/name:os.system> x\n",
        "a: !x [1]\n",
        "a: !!set {x}\n",
        "a: !!omap [1]\n",
        "!x\nb: 1\n",
        "a: !!python/object:os.system x\n",
    ],
)
def test_every_written_tag_is_refused(tmp_path, text):
    assert any("YAML-tagg" in p for p in refused(tmp_path, text))


@pytest.mark.parametrize(
    "text",
    [
        "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
        "%TAG ! tag:example.com,2000:\n---\na: !x 1\n",
        "%YAML 1.1\n---\na: no\n",
        "%YAML 1.2\n---\na: 1\n",
        "%FOO bar\n---\na: 1\n",
        "%YAML 2.0\n---\na: 1\n",
        "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    ],
)
def test_every_directive_is_refused_in_swedish(tmp_path, text):
    assert any("direktiv" in p for p in refused(tmp_path, text))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n...\nb: 2\n",
        "a: 1\n...\n'x'\n",
        "a: 1\n...\n- x\n",
        "a: 1\n...\n---\nb: 2\n",
        "a: 1\n...\n---\n",
        "a: 1\n---\n",
        "---\na: 1\n---\n",
    ],
)
def test_data_after_the_document_end_is_refused(tmp_path, text):
    (message,) = refused(tmp_path, text)
    assert "dokument" in message


# -- 4. Control characters, terminal escapes and line separators -------------------

FORBIDDEN = [chr(c) for c in range(0x20) if c != 0x0A] + ["\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\u202e", "\u2066"]


@given(ch=st.sampled_from(FORBIDDEN), before=st.text(string.ascii_letters, max_size=5),
       style=st.sampled_from(["double", "key", "plain-escaped"]))
@FAST
def test_control_characters_never_reach_a_value(tmp_path_factory, ch, before, style):
    tmp_path = tmp_path_factory.mktemp("c")
    escaped = f"\\u{ord(ch):04x}"
    text = {
        "double": f'a: "{before}{escaped}x"\n',
        "key": f'"{before}{escaped}": 1\n',
        "plain-escaped": f'a:\n  - "{escaped}"\n',
    }[style]
    messages = refused(tmp_path, text)
    assert any("tecken" in m or "radavgränsare" in m for m in messages), messages


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("where", ["plain", "comment", "block"])
def test_raw_unicode_line_separators_are_reported_at_their_line(tmp_path, sep, where):
    text = {
        "plain": f"a: 1\nb: x{sep}y\n",
        "comment": f"a: 1\nb: 2 # x{sep}y\n",
        "block": f"a: 1\nb: |\n  x{sep}y\n",
    }[where]
    (message,) = refused(tmp_path, text)
    assert ":2: " in message or ":3: " in message
    assert "radavgränsare" in message


def test_plain_line_breaks_in_block_text_are_kept(tmp_path):
    doc, problems = read(tmp_path, "a: |\n  Första stycket.\n\n  Andra.\n")
    assert not problems and doc.data["a"] == "Första stycket.\n\nAndra.\n"


# -- 4. A number is a number; an amount is never text, a boolean or absurd --------

def core_schema(model) -> dict:
    """The model's core schema, built if it is not yet (a deferred model holds a stand-in
    until it first validates, which is not a dict: walking it would find nothing)."""
    if not isinstance(model.__pydantic_core_schema__, dict):
        model.model_rebuild()
    schema = model.__pydantic_core_schema__
    assert isinstance(schema, dict), type(schema)
    return schema


def _unguarded(schema, path=()):
    """Number, date and boolean schemas that are not behind the shared guard."""
    if isinstance(schema, list):
        for i, item in enumerate(schema):
            yield from _unguarded(item, path + (i,))
        return
    if not isinstance(schema, dict):
        return
    if (schema.get("metadata") or {}).get(_MARK):
        return
    if schema.get("type") in ("int", "decimal", "float", "date", "bool", "datetime", "time"):
        yield path
    for key, value in schema.items():
        if key != "metadata":
            yield from _unguarded(value, path + (key,))


@pytest.mark.parametrize("coll", COLLECTIONS, ids=lambda c: c.pattern)
def test_every_number_date_and_boolean_field_is_guarded(coll):
    """Every model's schema, nested models included: no field can forget the rules."""
    assert not list(_unguarded(core_schema(coll.model)))


def _numeric_leaves(data, path=()):
    if isinstance(data, bool):
        return
    if isinstance(data, (int, Decimal)):
        yield path, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _numeric_leaves(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _numeric_leaves(v, path + (i,))


def _numbers_in_fixture():
    out = []
    for coll in COLLECTIONS:
        for path in sorted(FIXTURE.glob(coll.pattern)):
            doc, _ = read_yaml(path)
            for leaf, value in _numeric_leaves(doc.data):
                out.append((coll, path, leaf, value))
    return out


NUMBERS = _numbers_in_fixture()


@pytest.mark.parametrize("spoil", ["quoted", "true", "false", "huge", "decimals"])
def test_every_number_in_the_data_refuses_text_booleans_and_absurd_values(spoil):
    """Each number of every fixture file, spoiled in turn, is refused by its model."""
    from finsam.validation import validate

    assert len(NUMBERS) > 20
    for coll, path, leaf, value in NUMBERS:
        doc, _ = read_yaml(path)
        node = doc.data
        for part in leaf[:-1]:
            node = node[part]
        node[leaf[-1]] = {
            "quoted": str(value),
            "true": True,
            "false": False,
            "huge": Decimal("9" * 16) if isinstance(value, Decimal) else int("9" * 16),
            "decimals": Decimal("1." + "1" * 11),
        }[spoil]
        model, problems = validate(coll.model, doc)
        assert model is None and problems, f"{path.name}: {leaf} accepted {node[leaf[-1]]!r}"


def test_a_negative_contribution_is_refused(fixture_copy):
    path = next(fixture_copy.glob("medlemsinsatser/*.yaml"))
    text = path.read_text(encoding="utf-8")
    import re

    first = re.search(r"belopp_kr: (\d+)", text)
    assert first, "the fixture states a contribution"
    edit(path, first.group(0), "belopp_kr: -" + first.group(1))
    assert any("minst 0" in p for p in problems_in(fixture_copy))


@pytest.mark.parametrize(
    "value, expect",
    [
        ("20240101", "på formen ÅÅÅÅ-MM-DD"),
        ("0", "på formen ÅÅÅÅ-MM-DD"),
        ("true", "på formen ÅÅÅÅ-MM-DD"),
        ("'1 mars 2024'", "på formen ÅÅÅÅ-MM-DD"),
        ("2024-3-1", "på formen ÅÅÅÅ-MM-DD"),
        ("2024-03-01T10:00", "på formen ÅÅÅÅ-MM-DD"),
        ("2023-02-29", "finns inte i kalendern"),
        ("2024-04-31", "finns inte i kalendern"),
        ("2024-13-01", "finns inte i kalendern"),
    ],
)
def test_a_date_in_the_wrong_form_and_an_impossible_date_are_told_apart(fixture_copy, value, expect):
    path = fixture_copy / "kallor.yaml"
    text = path.read_text(encoding="utf-8")
    import re

    old = re.search(r"datum: \d{4}-\d{2}-\d{2}\n", text).group(0)
    edit(path, old, f"datum: {value}\n")
    assert any("kallor.yaml:" in p and expect in p for p in problems_in(fixture_copy)), problems_in(fixture_copy)


@pytest.mark.parametrize("day", [(2, 29), (2, 30), (4, 31), (11, 31)])
def test_a_yearly_day_must_exist_every_year(day):
    with pytest.raises(Exception, match="finns inte"):
        MonthDay(manad=day[0], dag=day[1])
    assert MonthDay(manad=2, dag=28).in_year(2024) == dt.date(2024, 2, 28)


# -- 4. A text cut by an unquoted '#' --------------------------------------------

@pytest.mark.parametrize("text", ["a: Möte i sal #3\n", "a:\n  - Budget #2 för året\n"])
def test_an_unquoted_hash_that_cuts_a_text_is_caught(tmp_path, text):
    assert any("' #'" in p for p in refused(tmp_path, text))


@pytest.mark.parametrize(
    "text", ["a: 'Möte i sal #3'\n", "a: x  # en kommentar\n", "a: 5 # kommentar\n", "a: null # ATT FYLLA I\n", "a: Sal#3\n",
             "uses: x/y@0123abc # v4.2.2\n", "a: text med ord # och en kommentar\n"]
)
def test_a_hash_inside_quotes_or_a_real_comment_is_fine(tmp_path, text):
    doc, problems = read(tmp_path, text)
    assert not problems, problems


# -- 8. Every YAML message in Swedish ------------------------------------------

def _pyyaml_problems() -> list[str]:
    """Every problem text PyYAML's scanner, parser and composer can report."""
    import re

    import yaml.composer
    import yaml.parser
    import yaml.scanner

    found = set()
    for module in (yaml.scanner, yaml.parser, yaml.composer):
        source = Path(module.__file__).read_text(encoding="utf-8")
        for call in re.finditer(r"(?:Scanner|Parser|Composer)Error\((.*?)\)\s*$", source, re.S | re.M):
            args = re.findall(r'"((?:[^"\\]|\\.)*)"', call.group(1))
            for text in args:
                if text[:1].islower() and not text.startswith("while ") and "occurrence" not in text:
                    found.add(text)
    return sorted(found)


PYYAML_PROBLEMS = _pyyaml_problems()


def test_the_list_of_pyyaml_problems_is_found():
    assert len(PYYAML_PROBLEMS) > 25, PYYAML_PROBLEMS


@pytest.mark.parametrize("problem", PYYAML_PROBLEMS)
def test_every_pyyaml_problem_has_a_swedish_message(problem):
    text = problem.replace("%r", "'x'").replace("%d", "2").replace("%s", "x")
    err = yaml.MarkedYAMLError(problem=text, problem_mark=None)
    message = _syntax_message(err, "a: 1\n", 1)
    assert message.startswith("YAML-syntaxfel: ") or "tabb" in message
    assert any(message.endswith(swedish) for _, swedish in _SYNTAX_HINTS), f"{problem!r} -> {message!r}"
    for english in (" but ", " found", "expected", " not ", " or "):
        assert english not in message, message


@pytest.mark.parametrize(
    "text",
    ["a: |0\n  x\n", "a: |x\n  x\n", "a: >10\n  x\n", "a: \"\\xZZ\"\n", "a: !<x\n", "a: 1\n---\n...\n--- x\n- y\n",
     "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "%YAML x\n---\n", "a: [b, c\n", "a: 'x\n", "a:\n  b: 1\n c: 2\n", "a: *x\n",
     "? a\n? b\n: c\n: d\n", "a: b: c\n", "- a\nb: 1\n", "a: @x\n", "a: `x\n"],
)
def test_real_syntax_errors_read_in_swedish(tmp_path, text):
    for message in refused(tmp_path, text):
        for english in (" but ", "found ", "expected ", " not allowed", "mapping", "while "):
            assert english not in message, message


@given(st.text(max_size=40))
@FAST
def test_a_problem_is_always_one_printable_line(value):
    p = Problem("data/x.yaml", 3, "a.b", f"ska vara ett tal, inte '{value}'")
    assert "\n" not in p.format() and "\r" not in p.format()
    assert p.format().count("::") == 0 or "::" in value
    annotation = p.github_annotation()
    assert "\n" not in annotation and annotation.startswith("::error ")
    assert not any(ch in p.format() for ch in "\x1b\x00\u2028\u2029\x85")


def test_a_forged_annotation_in_a_value_stays_inside_one_line():
    forged = "x\n::error file=data/forbund.yaml,line=1::falskt fel\r\n::warning::y"
    p = Problem("data/x.yaml", 3, "a", f"okänd nyckel '{forged}'")
    report = DataError([p]).report(github=True)
    lines = report.splitlines()
    assert len(lines) == 3  # the plain line, the one annotation, the summary
    assert sum(ln.startswith("::") for ln in lines) == 1
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"


# -- 1. URLs are URLs ------------------------------------------------------------

def _strings(data, path=()):
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _strings(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _strings(v, path + (i,))


def _urls_in(root: Path):
    for coll in COLLECTIONS:
        for path in sorted(root.glob(coll.pattern)):
            doc, _ = read_yaml(path)
            for leaf, value in _strings(doc.data):
                if value.startswith("https://"):
                    yield coll, path, leaf


URL_FIELDS = list(_urls_in(FIXTURE)) + list(_urls_in(Path(__file__).parent.parent / "data"))
URL_TAILS = [
    ")[klicka](javascript:alert(1))", " onmouseover=alert(1)", '"><script>alert(1)</script>', "'x", "<b>x</b>",
    "/a b", "\\x", "`x`", "{x}", "[1]", "|x", "^x",
]


@pytest.mark.parametrize("tail", URL_TAILS)
def test_every_url_field_refuses_markdown_and_html_syntax(tail):
    """Every value in the data that is a URL sits in a field that refuses syntax after it."""
    from finsam.validation import validate

    assert len(URL_FIELDS) >= 3
    for coll, path, leaf in URL_FIELDS:
        doc, _ = read_yaml(path)
        node = doc.data
        for part in leaf[:-1]:
            node = node[part]
        node[leaf[-1]] += tail
        model, problems = validate(coll.model, doc)
        assert model is None, f"{path.name}: {leaf} accepted {node[leaf[-1]]!r}"
        assert any("webbadress" in p.message for p in problems), [p.format() for p in problems]


@pytest.mark.parametrize(
    "value",
    ["http://exempel.se/x", "https://", "https:///x", "https://exempel", "javascript:alert(1)", "//exempel.se",
     "https://exem pel.se", "https://-x.se", "ftp://exempel.se", "https://exempel.se:99999999/", " https://x.se/\n",
     "https://x.se/\u200b\x00"],
)
def test_the_url_type_wants_https_and_a_host(value):
    from pydantic import TypeAdapter, ValidationError

    from finsam.model.base import Url

    with pytest.raises(ValidationError):
        TypeAdapter(Url).validate_python(value)


@given(st.from_regex(r"https://[a-z]{1,10}\.[a-z]{2,5}(/[a-z0-9_.~%&=?#-]{0,20}){0,3}", fullmatch=True))
@FAST
def test_a_plain_https_url_is_accepted_and_rendered_inert(url):
    from bs4 import BeautifulSoup
    from pydantic import TypeAdapter

    from finsam.model.base import Url
    from finsam.render.text import external_link

    assert TypeAdapter(Url).validate_python(url) == url
    html = external_link(url, "<b>*x*</b> [y](z)")
    soup = BeautifulSoup(html, "html.parser")
    (a,) = soup.find_all("a")
    assert a["href"] == url and not soup.find("b") and list(a.attrs) == ["href"]


def test_external_link_refuses_what_the_models_would_refuse():
    from finsam.render.text import external_link

    for bad in ["javascript:alert(1)", 'https://x.se/"onclick=', "https://x.se/)(", None]:
        with pytest.raises(ValueError):
            external_link(bad, "x")


def test_no_render_module_writes_a_url_into_markup_itself():
    """URLs from data reach pages only through text.external_link (one escaping path)."""
    import re

    render = Path(__file__).parent.parent / "macros" / "finsam" / "render"
    for path in render.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for pattern in (r"\]\(\{[^}]*\.(url|lank|formular)\}\)", r"href=\"\{[^}]*\.(url|lank|formular)"):
            assert not re.search(pattern, source), f"{path.name}: a URL is written into markup directly"


# -- 3. Environment inputs: Swedish, never a traceback ------------------------------

def _validate_main(monkeypatch, capsys, env: dict, args=None):
    from finsam.__main__ import main

    for key, value in env.items():
        if value is None:
            monkeypatch.delenv(key, raising=False)
        else:
            monkeypatch.setenv(key, value)
    code = main(["validera", *(args or [])])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize(
    "value, expect",
    [
        ("2024-02-30", "finns inte i kalendern"),
        ("2023-02-29", "finns inte i kalendern"),
        ("2024-13-01", "finns inte i kalendern"),
        ("idag", "på formen ÅÅÅÅ-MM-DD"),
        ("20240101", "på formen ÅÅÅÅ-MM-DD"),
        ("2024-W01-1", "på formen ÅÅÅÅ-MM-DD"),
        ("2024-01-01T00:00", "på formen ÅÅÅÅ-MM-DD"),
        ("9999-12-31", "orimligt"),
        ("0001-01-01", "orimligt"),
        ("2024-01-01\n::error::x", "på formen ÅÅÅÅ-MM-DD"),
    ],
)
def test_a_bad_build_date_is_reported_in_swedish(monkeypatch, capsys, value, expect):
    code, output = _validate_main(monkeypatch, capsys, {"FINSAM_IDAG": value}, [str(FIXTURE)])
    assert code == 1
    assert output.splitlines()[0].startswith("FINSAM_IDAG: ") and expect in output.splitlines()[0], output
    assert "Traceback" not in output and not any(ln.startswith("::") for ln in output.splitlines())


def test_data_dir_problems_are_reported_in_swedish(monkeypatch, capsys, tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    (tmp_path / "not-data").mkdir()
    (tmp_path / "not-data" / "README.md").write_text("x", encoding="utf-8")
    cases = {
        str(tmp_path / "missing"): "finns inte",
        str(tmp_path / "a-file"): "är ingen mapp",
        str(tmp_path / "not-data"): "inga datafiler",
        str(tmp_path / "bad\nname"): "styrtecken",
    }
    for value, expect in cases.items():
        code, output = _validate_main(monkeypatch, capsys, {"FINSAM_DATA": value, "FINSAM_IDAG": None})
        assert code == 1 and expect in output.splitlines()[0], output
        assert "Traceback" not in output
        assert len(output.splitlines()) == 2, output  # the problem and the summary, nothing else


def test_unreadable_and_dangling_entries_under_data_are_reported(fixture_copy):
    import os

    (fixture_copy / "moten" / "2030.yaml").symlink_to(fixture_copy / "moten" / "finns-inte.yaml")
    (fixture_copy / "budget" / "lankad").symlink_to(Path("/tmp"))
    os.mkfifo(fixture_copy / "budget" / "ror.yaml")
    problems = problems_in(fixture_copy)
    assert any("moten/2030.yaml: filen är en symbolisk länk som pekar på en fil som inte finns" in p for p in problems)
    assert any("budget/lankad: mappen är en symbolisk länk" in p for p in problems)
    assert any("budget/ror.yaml: är ingen vanlig fil" in p for p in problems)


def test_an_unreadable_file_or_folder_is_reported(fixture_copy, monkeypatch):
    """As root nothing is unreadable, so the operating system's answers are simulated."""
    import os

    from finsam import dataset

    real_access, real_walk = os.access, os.walk
    locked = fixture_copy / "kallor.yaml"
    monkeypatch.setattr(dataset.os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))

    def walk(top, onerror=None, followlinks=False):
        onerror(PermissionError(13, "Permission denied", str(Path(top) / "moten")))
        yield from real_walk(top, onerror=onerror, followlinks=followlinks)

    monkeypatch.setattr(dataset.os, "walk", walk)
    problems = problems_in(fixture_copy)
    assert any("kallor.yaml: filen kan inte läsas" in p for p in problems), problems
    assert any("moten: mappen kan inte läsas (Permission denied)" in p for p in problems), problems


@pytest.mark.parametrize("name", ["Budget 2023", "2023 (kopia)", "år-2023", "{{x}}", "x" * 81, "2023.backup"])
def test_a_data_file_whose_name_is_not_a_safe_id_is_refused(fixture_copy, name):
    import shutil

    source = next(fixture_copy.glob("budget/*.yaml"))
    shutil.copy(source, fixture_copy / "budget" / f"{name}.yaml")
    problems = problems_in(fixture_copy)
    assert any(f"filnamnet '{name}'" in p for p in problems) or any("hör inte till" in p for p in problems), problems


def test_an_id_too_long_for_a_file_name_gets_a_clear_message(fixture_copy):
    import re

    path = fixture_copy / "dokument.yaml"
    old = re.search(r"  - id: ([a-z0-9-]+)\n", path.read_text(encoding="utf-8")).group(0)
    edit(path, old, "  - id: " + "a" * 300 + "\n")
    assert any("id:t är för långt (300 tecken); högst 80" in p for p in problems_in(fixture_copy))


@pytest.mark.build
def test_the_build_reports_settings_and_an_unwritable_site_in_swedish(tmp_path):
    """A small representative set through a real build (each stops before any page is made)."""
    from conftest import mkdocs_build

    for env, site, expect in [
        ({"FINSAM_IDAG": "9999-01-01"}, tmp_path / "s1", "FINSAM_IDAG: året 9999 är orimligt"),
        ({"FINSAM_DATA": str(tmp_path / "saknas")}, tmp_path / "s2", "datakatalogen finns inte"),
        ({}, Path("/sys/finsam-kan-inte-skrivas"), "webbplatsen kan inte skrivas till"),
    ]:
        result = mkdocs_build(site, extra_env=env)
        output = result.stdout + result.stderr
        assert result.returncode != 0 and expect in output, output
        assert "Traceback" not in output, output
        assert not site.exists() or not any(site.iterdir())


# -- 5. Personal data in every free-text field ----------------------------------

def _prose_fields(root: Path):
    """Per data file, the first text value that is prose (has a space): free text."""
    for coll in COLLECTIONS:
        for path in sorted(root.glob(coll.pattern)):
            doc, _ = read_yaml(path)
            for leaf, value in _strings(doc.data):
                if " " in value.strip() and "\n" not in value:
                    yield path.relative_to(root), leaf, value
                    break


PROSE = list(_prose_fields(FIXTURE))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789 -+()\t\nx46٣５", max_size=30))
def test_a_text_with_a_personal_or_phone_number_has_the_digits_the_check_counts_first(text):
    """The check searches only texts with at least MIN_DIGITS digits: no match has fewer."""
    from finsam.checks.personuppgifter import _DIGIT, MIN_DIGITS, PERSONNUMMER, PHONE

    if PERSONNUMMER.search(text) or PHONE.search(text):
        assert len(_DIGIT.findall(text)) >= MIN_DIGITS
PERSONAL = ["19811224-1234", "811224-1234", "198112241234", "811224+1234", "070-123 45 67", "+46 70 123 45 67",
            "0701234567", "08-123 456 78"]


@pytest.mark.parametrize("personal", PERSONAL)
def test_personal_numbers_and_phone_numbers_are_refused_in_every_free_text(tmp_path, personal):
    import shutil

    from finsam.checks import run_checks
    from finsam.dataset import read_dataset

    assert len(PROSE) >= 10
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    for rel, leaf, value in PROSE:
        path = data / rel
        text = path.read_text(encoding="utf-8")
        doc, _ = read_yaml(path)
        line = doc.lines.line(leaf)
        lines = text.split("\n")
        assert value in lines[line - 1], (rel, leaf, lines[line - 1])
        lines[line - 1] = lines[line - 1].replace(value, f"{value} {personal}", 1)
        path.write_text("\n".join(lines), encoding="utf-8")
    ds, problems = read_dataset(data)
    assert ds is not None, [p.format() for p in problems]
    found = {p.file for p in run_checks(ds) if p.check == "inga_telefonnummer_eller_personnummer"}
    missing = [str(rel) for rel, _, _ in PROSE if not any(f.endswith(str(rel)) for f in found)]
    assert not missing, f"{personal!r} not caught in {missing}"


def test_the_kanslis_own_phone_is_the_organisations_not_a_persons(fixture_copy):
    # The Kontakt page shows the kansli's phone where the förbund gives it (issue 12);
    # the same number anywhere else, in the same file too, is still refused.
    from conftest import edit, problems_in

    forbund = fixture_copy / "forbund.yaml"
    forbund.write_text(forbund.read_text(encoding="utf-8") + "kontakt:\n  postadress: null\n  telefon: 021-10 00 00\n",
                       encoding="utf-8")
    assert not [p for p in problems_in(fixture_copy) if "telefonnummer" in p]
    edit(forbund, "  postadress: null", "  postadress: Ring 021-10 00 00")
    found = [p for p in problems_in(fixture_copy) if "telefonnummer" in p]
    assert len(found) == 1 and "kontakt.postadress" in found[0], found


# -- 6. References stay inside the site -----------------------------------------

@pytest.mark.parametrize(
    "page",
    ["../README.md", "../../etc/passwd.md", "/etc/passwd.md", "aktuellt/../../x.md", "forbundsordning/./x.md",
     "https://exempel.se/x.md", "x.html", "mappen/", "C:\\x.md", "sida med mellanslag.md", "{{ x }}.md",
     "javascript:alert(1)//.md", "x.md?y", "x.md#<b>"],
)
def test_a_page_reference_cannot_leave_the_site(fixture_copy, page):
    edit(fixture_copy / "dokument.yaml", "    sida: forbundsordning/2020-01-01.md", f"    sida: {page!r}")
    assert any("dokument.yaml:" in p and "sida: ska vara en sida på den här webbplatsen" in p
               for p in problems_in(fixture_copy)), problems_in(fixture_copy)


def test_a_reference_to_a_page_that_does_not_exist_is_an_error(fixture_copy):
    edit(fixture_copy / "dokument.yaml", "    sida: forbundsordning/2020-01-01.md", "    sida: forbundsordning/1999-01-01.md")
    edit(fixture_copy / "moten" / "2026.yaml", "        url: null", "        url: null\n        sida: moten/finns-inte.md")
    problems = problems_in(fixture_copy)
    assert any("dokument.yaml:" in p and "sidan 'forbundsordning/1999-01-01.md' finns inte" in p for p in problems)
    assert any("moten/2026.yaml:" in p and "sidan 'moten/finns-inte.md' finns inte" in p for p in problems), problems


def test_every_reference_field_is_found_by_the_check():
    """The check finds references by their type: every PagePath/SiteFile field of every model."""
    from finsam.checks.sidor import REFERENCE_PATTERNS

    def fields(schema, name=None):
        if isinstance(schema, list):
            for item in schema:
                yield from fields(item, name)
        elif isinstance(schema, dict):
            if schema.get("type") == "str" and schema.get("pattern") in REFERENCE_PATTERNS:
                yield name
            for key, value in schema.items():
                if key == "fields" and isinstance(value, dict):
                    for field_name, field in value.items():
                        yield from fields(field, field_name)
                elif isinstance(value, (dict, list)):
                    yield from fields(value, name)

    names = {n for c in COLLECTIONS for n in fields(core_schema(c.model))}
    assert {"sida", "fil"} <= names, names


@pytest.mark.parametrize("root", [FIXTURE, Path(__file__).parent.parent / "data"], ids=["fixture", "data"])
def test_the_page_check_knows_every_generated_page(root):
    from finsam.checks.sidor import planned_pages
    from finsam.dataset import load_dataset
    from finsam.pages import generated_pages

    ds = load_dataset(root)
    generated = {p.path for p in generated_pages(ds) if p.path.endswith(".md")}
    assert generated <= planned_pages(ds)


# -- 13.6 Every problem at once: cross-checks over the files that parsed ----------

def test_cross_checks_still_run_when_another_file_has_a_syntax_error(fixture_copy):
    moten = next(fixture_copy.glob("moten/*.yaml"))
    moten.write_text(moten.read_text(encoding="utf-8") + "trasig: [\n", encoding="utf-8")
    edit(fixture_copy / "forbund.yaml", "id: bystad", "id: aby")  # a cross-check problem in a file that parses
    problems = problems_in(fixture_copy)
    assert any(moten.name in p and "YAML-syntaxfel" in p for p in problems), problems
    assert any("forbund.yaml:" in p and "aby" in p for p in problems), problems


# -- 8 / 13.6 Field-specific messages in Swedish ------------------------------------

@pytest.mark.parametrize(
    "old, new, expect",
    [
        ('    start: "13:00"', '    start: "13.00"', "ska vara ett klockslag på formen TT:MM med kolon (t.ex. 15:30), inte '13.00'"),
        ('    start: "13:00"', "    start: 13.00", "ska vara text"),
        ('    start: "13:00"', '    start: "25:00"', "klockslag på formen TT:MM"),
        ("    slag: medlemssamrad", "    slag: samrad", "ska vara 'styrelsemote', 'medlemssamrad', 'konstituerande_mote' eller 'lagesrapport', inte 'samrad'"),
        ("        url: null", "        url: www.exempel.se/x", "ska vara en webbadress som börjar med https://"),
    ],
)
def test_field_specific_messages(fixture_copy, old, new, expect):
    edit(fixture_copy / "moten" / "2026.yaml", old, new)
    problems = problems_in(fixture_copy)
    assert any("moten/2026.yaml:" in p and expect in p for p in problems), problems
    assert not any(" or " in p for p in problems), problems


# -- 2. CSV downloads are safe to open in a spreadsheet ---------------------------

@given(
    text=st.text(max_size=20),
    start=st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", " =", "  +", "\uff1d", ""]),
    number=st.one_of(st.integers(-10**12, 10**12), st.decimals(-10**9, 10**9, places=2, allow_nan=False)),
)
@FAST
def test_a_csv_text_cell_never_starts_a_formula_and_numbers_stay_numbers(text, start, number):
    """Through the one function that writes every CSV cell (render/downloads.py: csv_cell)."""
    import csv
    import io

    from finsam.render.downloads import csv_cell

    cell = csv_cell(start + text)
    if (start + text).lstrip(" ")[:1] in ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d"):
        assert cell.startswith("'"), cell
    else:
        assert cell == start + text
    assert cell.lstrip(" ")[:1] not in ("=", "+", "-", "@", "\t", "\r", "\n")
    shown = csv_cell(number)
    assert Decimal(shown) == number and not shown.startswith("'")  # -5 stays -5
    assert csv_cell(True) == "true" and csv_cell(None) == ""
    row = next(csv.reader(io.StringIO(_one_row(cell), newline="")))
    assert row == [cell]


def _one_row(cell: str) -> str:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([cell])
    return buf.getvalue()


def test_every_download_writes_its_cells_through_csv_cell(fixture_copy):
    """Text in a budget line's name that starts like a formula is neutralised in the real download."""
    from finsam.dataset import load_dataset
    from finsam.render.downloads import download_files

    path = next(fixture_copy.glob("budget/*.yaml"))
    import re

    name = re.search(r"    namn: (.+)\n", path.read_text(encoding="utf-8"))
    edit(path, name.group(0), f"    namn: '=HYPERLINK(\"https://x.example\";\"{name.group(1)}\")'\n")
    files = dict(download_files(load_dataset(fixture_copy), dt.date(2026, 11, 22)))
    csvs = [text for name, text in files.items() if name.endswith(".csv")]
    assert any("HYPERLINK" in text for text in csvs)
    for text in csvs:
        import csv
        import io

        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                assert not cell.lstrip(" ").startswith(("=", "+", "@", "\t", "\r")), cell
                if cell.startswith("-"):
                    Decimal(cell)  # a leading '-' only on a number


# -- 7. News posts are data too -----------------------------------------------

def _post(tmp_path: Path, text: str) -> list[str]:
    from finsam.nyheter import post_problems

    posts = tmp_path / "docs" / "aktuellt" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    (posts / "2024-02-01-x.md").write_text(text, encoding="utf-8")
    return [p.format() for p in post_problems(tmp_path / "docs")]


GOOD_FRONT = "---\ndate:\n  created: 2024-02-01\nslug: x\ndescription: En nyhet.\n---\n\n# Rubrik\n\nText.\n"


@pytest.mark.parametrize(
    "old, new, line, expect",
    [
        ("created: 2024-02-01", "created: 2024-02-30", 3, "finns inte i kalendern"),
        ("created: 2024-02-01", "created: 1 februari 2024", 3, "på formen ÅÅÅÅ-MM-DD"),
        ("created: 2024-02-01", "skapad: 2024-02-01", 3, "okänd nyckel 'skapad'"),
        ("slug: x", "slug: Min Nyhet", 4, "små bokstäver"),
        ("slug: x", "slug: x\ndraft: ja", 5, "ska vara true eller false"),
        ("slug: x", "slug: x\ntitle: !x y", 5, "YAML-tagg"),
        ("slug: x", "slug: x\nkategori: nyheter", 5, "okänd nyckel 'kategori'"),
        ("description: En nyhet.", "description: 'En nyhet.", 5, "YAML-syntaxfel"),
        ("description: En nyhet.", "description: \"a\\u2028b\"", 5, "radavgränsare"),
        ("# Rubrik", "Ingen rubrik", 8, "saknar rubrik"),
    ],
)
def test_a_posts_front_matter_is_checked_with_file_and_line(tmp_path, old, new, line, expect):
    assert _post(tmp_path, GOOD_FRONT) == []
    messages = _post(tmp_path, GOOD_FRONT.replace(old, new))
    assert any(f"2024-02-01-x.md:{line}: " in m and expect in m for m in messages), messages


def test_a_post_without_front_matter_is_reported(tmp_path):
    (message,) = _post(tmp_path, "# Rubrik\n")
    assert ":1: nyheten ska börja med uppgifter" in message


def test_every_post_problem_is_reported_with_the_data_problems(monkeypatch, capsys, fixture_copy, tmp_path):
    from finsam import __main__ as cli

    posts = fixture_copy / "sidor" / "aktuellt" / "posts"  # where the posts live (finsam.site: own pages)
    posts.mkdir(parents=True, exist_ok=True)
    (posts / "2024-02-01-x.md").write_text(GOOD_FRONT.replace("slug: x", "slug: X X"), encoding="utf-8")
    edit(fixture_copy / "kallor.yaml", "    typ: Rapport\n", "    typ: Rapport\n    okand: 1\n")
    code = cli.main(["validera", str(fixture_copy)])
    output = capsys.readouterr().err
    assert code == 1 and "2024-02-01-x.md:4: slug:" in output and "kallor.yaml:" in output, output


# HTML in a post's title and front matter: tests/test_text_fields_inert.py (in its build).

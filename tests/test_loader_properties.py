"""Property-based tests of the loader: any input gives a model or a clean list of problems.

Whatever bytes or YAML text a staff member (or an attacker) saves, read_yaml and
read_dataset return either a value with no problems, or no value and at least one
Swedish problem naming the file: never an exception.

The money computations' properties (parts sum to the whole, rounding never loses
or invents a krona) belong with the money code and are tested there.
"""

from __future__ import annotations

import os
import shutil
import string
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from finsam.dataset import read_dataset
from finsam.problems import Problem
from finsam.yamlload import read_yaml

# Fixed examples by default, so CI is repeatable; FINSAM_HYPOTHESIS_EXAMPLES=5000
# searches afresh with more.
DEEP = os.environ.get("FINSAM_HYPOTHESIS_EXAMPLES")
SETTINGS = settings(
    max_examples=int(DEEP or 300),
    derandomize=not DEEP,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Pieces that YAML (and PyYAML's quirks) treat specially.
TOKENS = [
    "a", "b", "kallor", "id", "typ", ":", ": ", "- ", "-", "\n", "  ", "\t", "#", "&x ", "*x", "<<: ",
    "!!python/object:os.system", "!x ", "[", "]", "{", "}", ",", "'", '"', "|", ">", "?", "%", "@", "`",
    "---", "...", "no", "yes", "on", "0123", "18:30", "2023-02-30", "1e3", ".inf", "~", "null", "true",
    "\\", "\x00", "\x1b", "\ufeff", "\x85", "\u2028", "\x7f", "\ud7ff", "é", "å", "9" * 40, "{{ x }}", "<script>", "\r",
]
yamlish = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)

# Nested data of the kinds YAML can express, dumped by PyYAML in either style.
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=20),
    st.decimals(allow_nan=False, allow_infinity=False).map(str), st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(string.ascii_lowercase + "_", max_size=8), inner, max_size=4),
    max_leaves=20,
)


def check_result(doc, problems: list, path: Path) -> None:
    if doc is None:
        assert problems, "no value and no problem"
    else:
        assert problems == []
    for p in problems:
        assert isinstance(p, Problem)
        assert isinstance(p.message, str) and p.message
        assert p.file.endswith(path.name)
        assert p.line >= 0
        assert "Traceback" not in p.format()


def write(tmp_path_factory, content: bytes) -> Path:
    path = tmp_path_factory.mktemp("p") / "fil.yaml"
    path.write_bytes(content)
    return path


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes(tmp_path_factory, content):
    path = write(tmp_path_factory, content)
    check_result(*read_yaml(path), path)


@SETTINGS
@given(yamlish)
def test_any_yamlish_text(tmp_path_factory, text):
    path = write(tmp_path_factory, text.encode("utf-8", "surrogatepass"))
    check_result(*read_yaml(path), path)


@SETTINGS
@given(values, st.sampled_from([None, False, True]))
def test_any_yaml_document_round_trips_or_is_refused(tmp_path_factory, value, flow):
    text = yaml.safe_dump({"v": value}, default_flow_style=flow, allow_unicode=True)
    path = write(tmp_path_factory, text.encode("utf-8"))
    doc, problems = read_yaml(path)
    check_result(doc, problems, path)
    if doc is not None and isinstance(value, (bool, int)) and not isinstance(value, Decimal):
        assert doc.data["v"] == value  # plain integers and booleans keep their value


@settings(max_examples=60, derandomize=not DEEP, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    st.sampled_from(["forbund.yaml", "kallor.yaml", "forbundsordning/2020-01-01.yaml"]),
    st.one_of(yamlish, values.map(lambda v: yaml.safe_dump(v, allow_unicode=True))),
)
def test_any_content_in_a_data_file_gives_a_data_set_or_problems(tmp_path_factory, name, text):
    data = tmp_path_factory.mktemp("d") / "data"
    shutil.copytree(FIXTURE, data)
    (data / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    dataset, problems = read_dataset(data)
    if dataset is None:
        assert problems and all(isinstance(p, Problem) and p.message for p in problems)
    else:
        assert problems == []


def _built(text: str, loader) -> tuple | None:
    from finsam.yamlload import _Builder

    try:
        nodes = [n for n in yaml.compose_all(text, Loader=loader) if n is not None]
    except Exception:  # noqa: BLE001
        return None
    if len(nodes) != 1:
        return ("documents", len(nodes))
    builder = _Builder("x.yaml")
    data = builder.build(nodes[0], ())
    # An empty value (null) has no text of its own; libyaml may place it on the next line.
    lines = {path: line for path, line in builder.lines.lines.items() if _at(data, path) is not None}
    return data, lines, [(p.line, p.path, p.message) for p in builder.problems]


def _at(data, path):
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return "?"
    return data


@SETTINGS
@given(st.one_of(yamlish, values.map(lambda v: yaml.safe_dump({"v": v}, allow_unicode=True))))
@example("|#")
@example("v: >-#x\n  a\n")
def test_fast_composer_agrees_with_the_python_one(text):
    """libyaml is only a faster way to the same nodes: same values, lines and problems."""
    from finsam.yamlload import _SLOW_ONLY, _Composer, _FastComposer

    if _FastComposer is None or _SLOW_ONLY.search(text):  # pragma: no cover - no libyaml
        return  # (such files always go to the Python composer)
    fast = _built(text, _FastComposer)
    if fast is not None:
        assert fast == _built(text, _Composer)


@SETTINGS
@given(st.text(alphabet="-?: x\n", max_size=200), st.integers(0, 30))
def test_the_indicator_run_is_found_where_the_repeated_group_finds_it(text, run):
    """_INDICATOR_RUN starts with an indicator (a faster search); it finds a run of 20
    indicators wherever the plain form of the pattern, a repeated group, does."""
    import re

    from finsam.yamlload import _INDICATOR_RUN

    plain = re.compile(r"(?:[-?:][ ]+){20,}")
    for candidate in (text, text + "- " * run, "x" + ": " * run + text):
        assert bool(_INDICATOR_RUN.search(candidate)) == bool(plain.search(candidate)), candidate


def test_a_path_is_shown_as_absolute_and_relative_to_would_show_it(tmp_path, monkeypatch):
    """display_path answers without making absolute paths for relative ones, and once a
    path for absolute ones: the same text as Path.absolute().relative_to(cwd) gives."""
    from finsam.problems import display_path

    def plain(path) -> str:
        path = Path(path).absolute()
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    inside = tmp_path / "project"
    (inside / "data").mkdir(parents=True)
    for cwd in (inside, tmp_path, Path("/")):
        monkeypatch.chdir(cwd)
        for path in ("data/forbund.yaml", "data//x/./y.yaml", ".", "", "../data", "data/..",
                     inside, inside / "data" / "kallor.yaml", tmp_path, Path("/"), "/elsewhere/data",
                     str(inside) + "/data/", Path("data") / "budget" / "2025.yaml"):
            assert display_path(path) == display_path(path) == plain(path), (cwd, path)


def test_a_block_scalar_header_with_a_comment_mark_right_after_it_is_refused_as_pyyaml_does():
    """libyaml reads "|#" as an empty text with a comment; YAML (and PyYAML) wants a
    space before the "#": the file goes to the Python composer and is refused there."""
    from finsam.yamlload import _compose

    for text in ("|#\n", "text: |#\n  rad\n", "text: >-#\n  rad\n"):
        with pytest.raises(yaml.YAMLError):
            _compose(text)

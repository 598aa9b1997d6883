"""Robustness: a corpus of bad inputs, one small case per file in tests/bad_inputs/.

Each case is applied to a copy of the fixture förbund (tests/fixtures/exempelforbund):

    # what the case is about (first line)
    file: kallor.yaml          # the data file it changes, relative to the data tree
    replace: "    typ: Rapport\\n"   # exact text found once in that file ...
    with: "\\ttyp: Rapport\\n"       # ... and what it becomes
    content: "..."             # or: the whole new content of the file
    encoding: latin-1          # optional: how the file is saved (default UTF-8)
    expect: tabbtecken         # a fragment of the Swedish message
    line: 10                   # the line that message names
    build: true                # also one of the few cases run through the real build (properdocs build)

A bad case must make ``python -m finsam validera`` (run in-process, exactly as
the command line runs it) exit non-zero with the expected message at
``<file>:<line>:``, and raise nothing. The few cases marked ``build: true`` (at
most one per data file, so their lines stay true) are applied together and built
once per group (at most two: see build_groups): the build must fail, say every
one of them and everything the validator says, print no traceback and write no
site.

A case with ``valid: true`` puts HTML, script, Markdown or Jinja into a text field:
it must validate, and ``page`` must show ``shows`` literally as text, with no
element, script or event handler made from it. The valid cases are applied
together (as many as fit in one copy) and built once per batch.

Add a case by adding a file: nothing here needs editing.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURE, mkdocs_build

CASES_DIR = Path(__file__).parent / "bad_inputs"
KEYS = {"file", "replace", "with", "content", "encoding", "expect", "line", "build", "valid", "page", "shows"}


def load_case(path: Path) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(case, dict), f"{path.name}: not a mapping"
    assert set(case) <= KEYS, f"{path.name}: unknown keys {set(case) - KEYS}"
    assert ("content" in case) != ("replace" in case or "encoding" in case) or "encoding" in case, path.name
    case["name"] = path.stem
    return case


CASES = [load_case(p) for p in sorted(CASES_DIR.glob("*.yaml"))]
BAD = [c for c in CASES if not c.get("valid")]
VALID = [c for c in CASES if c.get("valid")]


def changed_text(case: dict, text: str | None) -> str:
    """The file's text after the case's change (``text``: the file's text before)."""
    if "content" in case:
        return case["content"]
    assert text is not None, f"{case['name']}: {case['file']} does not exist"
    if "replace" in case:
        found = text.count(case["replace"])
        assert found == 1, f"{case['name']}: {case['replace']!r} is found {found} times in {case['file']}, not once"
        text = text.replace(case["replace"], case["with"])
    return text


def apply_case(case: dict, data: Path) -> Path:
    """Write the case's change into the data tree ``data``; returns the file it changed."""
    target = data / case["file"]
    before = target.read_text(encoding="utf-8") if target.exists() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(changed_text(case, before).encode(case.get("encoding", "utf-8")))
    return target


def copy_fixture(where: Path) -> Path:
    data = where / "data"
    shutil.copytree(FIXTURE, data)
    return data


def validate(data: Path, capsys, monkeypatch) -> tuple[int, list[str]]:
    """``python -m finsam validera DATA``, in-process: exit code and output lines."""
    from finsam.__main__ import main

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    capsys.readouterr()
    code = main(["validera", str(data)])
    out = capsys.readouterr()
    return code, (out.out + out.err).splitlines()


def says(lines: list[str], data: Path, case: dict) -> bool:
    where = f"{data / case['file']}:{case['line']}:"
    return any(ln.startswith(where) and case["expect"] in ln for ln in lines)


def test_corpus_has_at_least_50_bad_cases():
    assert len(BAD) >= 50, f"only {len(BAD)} bad cases"
    for case in CASES:
        text = (CASES_DIR / f"{case['name']}.yaml").read_text(encoding="utf-8")
        assert text.startswith("# "), f"{case['name']}: first line says what the case is"
    for case in BAD:
        assert "expect" in case and "line" in case, f"{case['name']}: a bad case needs expect and line"
    for case in VALID:
        assert "page" in case and "shows" in case, f"{case['name']}: a valid case needs page and shows"


@pytest.mark.parametrize("case", BAD, ids=lambda c: c["name"])
def test_bad_input_is_refused_with_file_and_line(case, tmp_path, capsys, monkeypatch):
    data = copy_fixture(tmp_path)
    apply_case(case, data)
    code, lines = validate(data, capsys, monkeypatch)
    assert code != 0, "\n".join(lines)
    assert says(lines, data, case), (
        f"expected {data / case['file']}:{case['line']}: ... {case['expect']!r} in:\n" + "\n".join(lines)
    )


# -- through the real build ---------------------------------------------------------


def test_build_cases_are_few_and_in_different_files():
    """The build cases are applied together, so each must have its file to itself."""
    build = [c for c in BAD if c.get("build")]
    assert build, "no case goes through the real build"
    files = [c["file"] for c in build]
    assert len(files) == len(set(files)), f"two build cases change the same file: {sorted(files)}"


def build_groups(cases: list[dict], where: Path, capsys, monkeypatch) -> list[list[dict]]:
    """The build cases in as few groups as possible such that the validator, run on
    a copy with a whole group applied, still says every case of the group (a file
    that cannot be read stops the cross-file checks, so a check's case needs a
    group without one)."""
    groups: list[list[dict]] = []
    for n, case in enumerate(cases):
        for group in groups:
            data = copy_fixture(where / f"try-{n}-{len(group)}-{id(group)}")
            for c in [*group, case]:
                apply_case(c, data)
            _, lines = validate(data, capsys, monkeypatch)
            if all(says(lines, data, c) for c in [*group, case]):
                group.append(case)
                break
        else:
            groups.append([case])
    return groups


@pytest.mark.build
def test_bad_input_stops_the_build_and_writes_nothing(tmp_path, capsys, monkeypatch):
    groups = build_groups([c for c in BAD if c.get("build")], tmp_path, capsys, monkeypatch)
    assert len(groups) <= 2, f"the build cases need {len(groups)} builds: choose fewer ({groups})"
    for n, cases in enumerate(groups):
        data = copy_fixture(tmp_path / f"group-{n}")
        for case in cases:
            apply_case(case, data)
        _, validator = validate(data, capsys, monkeypatch)

        site = tmp_path / f"site-{n}"
        build = mkdocs_build(site, data)
        output = build.stdout + build.stderr
        lines = output.splitlines()
        assert build.returncode != 0, output
        assert "Traceback" not in output, output
        for case in cases:
            assert says(lines, data, case), f"{case['name']}: the build does not say it:\n{output}"
        problems = [ln for ln in validator if ln.startswith(str(data))]
        assert set(problems) <= set(lines), "the build says less than the validator:\n" + output
        assert "Bygget avbröts" in output
        assert not site.exists() or not any(site.iterdir()), "a site was written"


@dataclass
class Batch:
    cases: list
    texts: dict  # file -> its text with the batch's changes


def batches(cases: list[dict]) -> list[Batch]:
    """Pack the cases into as few copies of the fixture as they fit: a case joins
    the first batch where its change still applies and touches no whole file
    another case rewrote."""
    out: list[Batch] = []
    for case in cases:
        for batch in out:
            before = batch.texts.get(case["file"])
            if before is None:
                path = FIXTURE / case["file"]
                before = path.read_text(encoding="utf-8") if path.exists() else None
            elif "content" in case:
                continue
            try:
                batch.texts[case["file"]] = changed_text(case, before)
            except AssertionError:
                continue
            batch.cases.append(case)
            break
        else:
            path = FIXTURE / case["file"]
            before = path.read_text(encoding="utf-8") if path.exists() else None
            out.append(Batch([case], {case["file"]: changed_text(case, before)}))
    return out


@pytest.mark.parametrize("case", VALID, ids=lambda c: c["name"])
def test_markup_in_text_validates(case, tmp_path, capsys, monkeypatch):
    data = copy_fixture(tmp_path)
    apply_case(case, data)
    code, lines = validate(data, capsys, monkeypatch)
    assert code == 0, "\n".join(lines)


@pytest.mark.build
@pytest.mark.parametrize("batch", batches(VALID), ids=lambda b: f"{len(b.cases)}-cases-from-{b.cases[0]['name']}")
def test_markup_in_text_is_shown_as_typed(batch, tmp_path, capsys, monkeypatch):
    data = copy_fixture(tmp_path)
    for file, text in batch.texts.items():
        (data / file).write_text(text, encoding="utf-8")
    code, lines = validate(data, capsys, monkeypatch)
    assert code == 0, "\n".join(lines)

    site = tmp_path / "site"
    build = mkdocs_build(site, data)
    assert build.returncode == 0, build.stderr[-3000:]
    for case in batch.cases:
        soup = BeautifulSoup((site / case["page"]).read_text(encoding="utf-8"), "html.parser")
        text = " ".join(soup.get_text(" ").split())
        where = f"{case['name']} on {case['page']}"
        assert " ".join(case["shows"].split()) in text, f"{where}: {case['shows']!r} is not shown as typed"
        for script in soup.find_all("script"):
            assert "alert" not in script.get_text() and "alert" not in script.get("src", ""), f"{where}: {script}"
        for el in soup.find_all(True):
            assert not [a for a in el.attrs if a.startswith("on")], f"{where}: event handler from data: {el}"
            assert not str(el.get("href", "")).startswith("javascript:"), f"{where}: {el}"
        assert soup.find("img", src="x") is None, where
        assert soup.find("b", string="x") is None, where
        assert "49" not in text.split(), f"{where}: Jinja ran"

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
    build: true                # also run `properdocs build` (slower, so only some cases)

A bad case must make ``python -m finsam validera`` exit non-zero with the
expected message at ``<file>:<line>:``, never a traceback; with ``build: true``
``properdocs build`` must fail the same way and write no site.

A case with ``valid: true`` puts HTML, script, Markdown or Jinja into a text field:
it must validate and build, and ``page`` must show ``shows`` literally as text, with
no element, script or event handler made from it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BUILD_DATE, FIXTURE, ROOT, mkdocs_build

CASES_DIR = Path(__file__).parent / "bad_inputs"
CASES = sorted(CASES_DIR.glob("*.yaml"))
KEYS = {"file", "replace", "with", "content", "encoding", "expect", "line", "build", "valid", "page", "shows"}


def load_case(path: Path) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(case) <= KEYS, f"{path.name}: unknown keys {set(case) - KEYS}"
    assert ("content" in case) != ("replace" in case or "encoding" in case) or "encoding" in case
    return case


def apply_case(case: dict, data: Path) -> Path:
    """Write the case's change into the data tree ``data``; returns the file it changed."""
    target = data / case["file"]
    if "content" in case:
        text = case["content"]
    else:
        text = target.read_text(encoding="utf-8")
        if "replace" in case:
            assert text.count(case["replace"]) == 1, f"{case['replace']!r} is not found exactly once in {target.name}"
            text = text.replace(case["replace"], case["with"])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode(case.get("encoding", "utf-8")))
    return target


def validate_cli(data: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "macros"), FINSAM_IDAG=BUILD_DATE)
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "finsam", "validera", str(data)], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_corpus_has_at_least_50_bad_cases():
    bad = [p for p in CASES if not load_case(p).get("valid")]
    assert len(bad) >= 50, f"only {len(bad)} bad cases"
    for path in CASES:
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name}: first line says what the case is"


@pytest.mark.parametrize("path", [p for p in CASES if not load_case(p).get("valid")], ids=lambda p: p.stem)
def test_bad_input_is_refused_with_file_and_line(path, tmp_path):
    case = load_case(path)
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    apply_case(case, data)
    where = f"{data / case['file']}:{case['line']}:"

    result = validate_cli(data)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert any(ln.startswith(where) and case["expect"] in ln for ln in output.splitlines()), (
        f"expected {where} ... {case['expect']!r} in:\n{output}"
    )

    if case.get("build"):
        site = tmp_path / "site"
        build = mkdocs_build(site, data)
        output = build.stdout + build.stderr
        assert build.returncode != 0, output
        assert "Traceback" not in output, output
        assert any(ln.startswith(where) and case["expect"] in ln for ln in output.splitlines()), output
        assert not site.exists() or not any(site.iterdir()), "a site was written"


@pytest.mark.build
@pytest.mark.parametrize("path", [p for p in CASES if load_case(p).get("valid")], ids=lambda p: p.stem)
def test_markup_in_text_is_shown_as_typed(path, tmp_path):
    case = load_case(path)
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    apply_case(case, data)
    result = validate_cli(data)
    assert result.returncode == 0, result.stdout + result.stderr

    site = tmp_path / "site"
    build = mkdocs_build(site, data)
    assert build.returncode == 0, build.stderr[-3000:]
    soup = BeautifulSoup((site / case["page"]).read_text(encoding="utf-8"), "html.parser")
    text = " ".join(soup.get_text(" ").split())
    assert " ".join(case["shows"].split()) in text, f"{case['shows']!r} is not shown as typed on {case['page']}"
    for script in soup.find_all("script"):
        assert "alert" not in script.get_text() and "alert" not in script.get("src", ""), script
    for el in soup.find_all(True):
        assert not [a for a in el.attrs if a.startswith("on")], f"event handler from data: {el}"
        assert not str(el.get("href", "")).startswith("javascript:"), el
    assert soup.find("img", src="x") is None
    assert soup.find("b", string="x") is None
    assert "49" not in text.split(), "Jinja ran"

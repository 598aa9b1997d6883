"""Regular expressions kept between processes (finsam/regexcache.py) change nothing.

Every stored pattern is the one a fresh compile gives (pattern, flags, program,
groups); a pattern from the store is what re.compile returns in a later process;
validation gives the same models, messages and warnings with the store off, empty
and filled, for the fixtures, the real data and every bad input; a file of another
Python, or one cut short, is not read; ``python -m finsam`` fills the store once and
then only reads it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD_DATE, FIXTURE, ROOT
from test_validatorcache import VALIDATE_ALL, every_data_tree

from finsam import regexcache

# VALIDATE_ALL of test_validatorcache, with the store installed first as `python -m
# finsam` does it, and saved at the end; prints what the store did as its last line.
WITH_STORE = (
    "from finsam import regexcache\ninstalled = regexcache.install()\n"
    + VALIDATE_ALL
    + "regexcache.save()\nprint(json.dumps({'installed': installed, 'loaded': regexcache.loaded, "
    "'stored': len(regexcache._store)}))\n"
)

# Patterns of every kind the engine knows: groups named and not, flags given and
# inline, bytes, case folding, look-behind, a character class up to U+10FFFF.
SAMPLES = [
    (r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(\d\d))?", 0),
    (r"[^\t\n\r -~\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", 0),
    (r"(?i)åäö|ÅÄÖ", 0),
    (r"^\s*#", re.MULTILINE | re.VERBOSE),
    (r"(?<!\d)\d{6}[-+]?\d{4}(?!\d)", 0),
    (rb"(__libc_init)|(GLIBC_([0-9.]+))", 0),
    (r"\w+", re.ASCII),
]


def env_for(store: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "macros"), FINSAM_IDAG=BUILD_DATE, FINSAM_REGEXCACHE=store)
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        env.pop(name, None)
    return env


def run_all(trees: list[Path], store: str) -> tuple[dict, dict]:
    done = subprocess.run([sys.executable, "-c", WITH_STORE, *map(str, trees)], env=env_for(store),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    *_, results, what = done.stdout.splitlines()
    return json.loads(results)["results"], json.loads(what)


def store_file(folder: Path) -> Path:
    return folder / f"compiled-regex.{sys.implementation.cache_tag}.marshal"


def run(code: str, store: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], env=env_for(store), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> list[Path]:
    return every_data_tree(tmp_path_factory.mktemp("regex-trees"))


def test_the_same_models_and_messages_with_and_without_the_store(trees, tmp_path):
    off, what_off = run_all(trees, "av")
    cold, what_cold = run_all(trees, str(tmp_path / "store"))
    warm, what_warm = run_all(trees, str(tmp_path / "store"))
    assert what_off == {"installed": False, "loaded": 0, "stored": 0}
    assert what_cold["installed"] and what_cold["loaded"] == 0 and what_cold["stored"] > 40  # PyYAML, pydantic, finsam
    assert what_warm["loaded"] == what_warm["stored"] == what_cold["stored"]
    assert cold == off and warm == off
    codes = [off[str(t)][0] for t in trees]
    assert codes[:3] == [0, 0, 0] and codes.count(1) >= 50


def test_a_stored_pattern_is_what_re_compile_gives_and_what_a_fresh_compile_gives(tmp_path):
    fill = ("import re\nfrom finsam import regexcache\nassert regexcache.install()\n"
            f"for p, f in {SAMPLES!r}:\n    re.compile(p, f)\nregexcache.save()\n")
    run(fill, str(tmp_path))
    check = (
        "import re, _sre\nfrom re import _compiler\nfrom finsam import regexcache\nassert regexcache.install()\n"
        f"for p, f in {SAMPLES!r}:\n"
        "    made = _sre.compile(*regexcache._store[p, f])\n"
        "    assert re.compile(p, f) is re._cache[type(p), p, f]\n"
        "    fresh = _compiler.compile(p, f)\n"
        "    assert re.compile(p, f) == fresh and made == fresh, p\n"
        "    assert re.compile(p, f).groupindex == fresh.groupindex and re.compile(p, f).groups == fresh.groups\n"
        "for (p, f), arguments in regexcache._store.items():\n"
        "    assert _sre.compile(*arguments) == _compiler.compile(p, f), p\n"
        "m = re.compile(r'(?P<year>\\d{4})-(?P<month>\\d\\d)(?:-(\\d\\d))?').match('2026-12')\n"
        "print(regexcache.loaded, m.group('year'), m.lastgroup, m.groups())\n"
    )
    assert run(check, str(tmp_path)).split() == [str(len(SAMPLES)), "2026", "month", "('2026',", "'12',", "None)"]


def test_installed_on_this_python():
    """re still looks a pattern up in a dictionary ``_cache`` keyed as the store puts
    it there, and re._compiler still compiles through ``_sre.compile``: if a Python
    release changes that, the store is not used and this test says so."""
    assert type(re._cache) is dict
    pattern = "finsam-regexcache-probe-(a|b)+"
    re._cache.pop((str, pattern, 0), None)
    compiled = re.compile(pattern)
    assert re._cache[str, pattern, 0] is compiled
    stand_in = re.compile("x")
    re._cache[str, pattern, 0] = stand_in
    assert re.compile(pattern) is stand_in
    del re._cache[str, pattern, 0]
    arguments = regexcache._arguments(pattern, 0)
    assert arguments is not None and regexcache._same(re._compiler._sre.compile(*arguments), compiled)
    assert re._compiler._sre is regexcache._sre


def test_the_command_line_fills_the_store_once_then_only_reads_it(tmp_path):
    env = env_for(str(tmp_path))
    command = [sys.executable, "-m", "finsam", "validera", str(FIXTURE)]
    first = subprocess.run(command, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    path = store_file(tmp_path)
    stored = path.read_bytes()
    os.utime(path, ns=(1, 1))
    second = subprocess.run(command, env=env, capture_output=True, text=True)
    assert second.returncode == 0 and second.stdout.split("(")[0] == first.stdout.split("(")[0]
    assert second.stderr == first.stderr
    assert path.stat().st_mtime_ns == 1 and path.read_bytes() == stored  # nothing new to write


def test_another_python_or_a_file_cut_short_is_not_read(tmp_path):
    run_all([FIXTURE], str(tmp_path))
    path = store_file(tmp_path)
    whole = path.read_bytes()
    for broken in (whole.replace(b"finsam-regex-1", b"finsam-regex-0", 1), whole[:-100], b"", b"finsam-regex-1\n"):
        path.write_bytes(broken)
        results, what = run_all([FIXTURE], str(tmp_path))
        assert what["loaded"] == 0 and what["stored"] > 40, broken[:20]
        assert path.read_bytes() != broken  # written again, whole
    assert run_all([FIXTURE], str(tmp_path))[1]["loaded"] > 40


def test_not_written_where_python_writes_no_bytecode(tmp_path):
    env = env_for("")
    env.pop("FINSAM_REGEXCACHE")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "finsam", "validera", str(FIXTURE)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.rglob("compiled-regex.*"))

"""Regular expressions kept between processes (finsam/regexcache.py) change nothing.

Every stored pattern is the one a fresh compile gives (pattern, flags, program,
groups); a pattern from the store is what re.compile returns in a later process;
validation gives the same models, messages and warnings with the store off, empty
and filled, for the fixtures, the real data and every bad input; a file of another
Python, or one cut short, is not read; ``python -m finsam`` fills the store once and
then only reads it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import pycache_stores as stores
from test_validatorcache import every_data_tree

from finsam import regexcache

STORE = stores.Store("regexcache", "FINSAM_REGEXCACHE", "compiled-regex", b"finsam-regex-1", minimum=40)
env_for, run_all = STORE.env_for, STORE.run_all


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
    stores.fills_once_then_only_reads(STORE, tmp_path)


def test_another_python_or_a_file_cut_short_is_not_read(tmp_path):
    stores.another_python_or_a_file_cut_short_is_not_read(STORE, tmp_path)


def test_not_written_where_python_writes_no_bytecode(tmp_path):
    stores.not_written_where_python_writes_no_bytecode(STORE, tmp_path)

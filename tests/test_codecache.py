"""Code compiled from text, kept between processes (finsam/codecache.py), changes nothing.

Every stored code object is the one a fresh compile of its text gives; the stand-ins
for exec and compile do what the builtins do for their caller (scope, inherited
__future__ flags, errors); validation gives the same models, messages and warnings with
the store off, empty and filled, for the fixtures, the real data and every bad input;
a file of another Python, or one cut short, is not read; ``python -m finsam`` fills the
store once and then only reads it.
"""

from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import Path

import pytest

import pycache_stores as stores
from conftest import FIXTURE
from test_validatorcache import every_data_tree

from finsam import codecache

STORE = stores.Store("codecache", "FINSAM_CODECACHE", "generated-code", b"finsam-code-1", minimum=400,
                      counters=("reused",), unset=("FINSAM_VALIDATORCACHE",))
env_for, run_all = STORE.env_for, STORE.run_all


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> list[Path]:
    return every_data_tree(tmp_path_factory.mktemp("code-trees"))


def test_the_same_models_and_messages_with_and_without_the_store(trees, tmp_path):
    off, what_off = run_all(trees, "av")
    cold, what_cold = run_all(trees, str(tmp_path / "store"))
    warm, what_warm = run_all(trees, str(tmp_path / "store"))
    assert what_off == {"installed": False, "loaded": 0, "reused": 0, "stored": 0}
    assert what_cold["installed"] and what_cold["loaded"] == 0 and what_cold["stored"] > 400  # methods, annotations
    assert what_warm["loaded"] == what_warm["stored"] == what_cold["stored"]
    assert cold == off and warm == off
    codes = [off[str(t)][0] for t in trees]
    assert codes[:3] == [0, 0, 0] and codes.count(1) >= 50


def test_every_stored_code_is_what_a_fresh_compile_gives(tmp_path):
    run_all([FIXTURE], str(tmp_path))
    check = (
        "import builtins, sys\nfrom finsam import codecache\nassert codecache.install()\n"
        "kinds = set()\n"
        "for (mode, flags, text), code in codecache._store.items():\n"
        "    assert code == builtins.compile(text, '<string>', mode, flags, True), text\n"
        "    kinds.add(mode)\n"
        "print(len(codecache._store), sorted(kinds))\n"
    )
    done = subprocess.run([sys.executable, "-c", check], env=env_for(str(tmp_path)), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    count, kinds = done.stdout.split(" ", 1)
    assert int(count) > 400 and kinds.strip() == "['eval', 'exec']"


def test_installed_on_this_python():
    """dataclasses and typing still look up exec and compile as globals of their own
    and do not define those names: if a Python release changes that, the store is not
    installed and this test says so."""
    import dataclasses
    import typing

    assert "exec" not in vars(dataclasses) or vars(dataclasses)["exec"] is codecache._exec
    assert "compile" not in vars(typing) or vars(typing)["compile"] is codecache._compile
    assert "exec" in dataclasses._create_fn.__code__.co_names
    assert "compile" in typing.ForwardRef.__init__.__code__.co_names


def test_exec_does_what_the_builtin_does():
    text = "def f(a, b=2):\n    return a + b\nvalue = f(1)\n"
    for runner in (builtins.exec, codecache._exec):
        scope: dict = {}
        runner(text, scope)
        assert scope["value"] == 3 and "__builtins__" in scope
        own: dict = {}
        runner(text, scope, own)
        assert own["value"] == 3 and "f" in own
    # Neither given: the caller's globals and locals.
    here = {"x": 5}
    exec("def probe(run):\n    y = 7\n    run('z = x + y')\n    return locals()\n", here)
    assert here["probe"](builtins.exec)["z"] == here["probe"](codecache._exec)["z"] == 12
    # The caller's __future__ flags are inherited: annotations stay text.
    with_future = {}
    exec("from __future__ import annotations\ndef run(e):\n    ns = {}\n    e('def g(a: int) -> str: pass', ns)\n"
         "    return ns['g'].__annotations__\n", with_future)
    assert with_future["run"](builtins.exec) == with_future["run"](codecache._exec) == {"a": "int", "return": "str"}
    plain = {}  # (this module's own `from __future__ import annotations` left out)
    exec(compile("def run(e):\n    ns = {}\n    e('def g(a: int) -> str: pass', ns)\n    return ns['g'].__annotations__\n",
                 "<test>", "exec", dont_inherit=True), plain)
    assert plain["run"](builtins.exec) == plain["run"](codecache._exec) == {"a": int, "return": str}
    for bad in ("def (:", "x = 1\n  y = 2\n"):
        errors = []
        for runner in (builtins.exec, codecache._exec):
            with pytest.raises(SyntaxError) as err:
                runner(bad, {})
            errors.append((type(err.value), err.value.msg, err.value.lineno, err.value.offset, err.value.filename))
        assert errors[0] == errors[1]


def test_compile_does_what_the_builtin_does():
    for text in ("list[int]", "'text'", "a.b[c] | None"):
        assert codecache._compile(text, "<string>", "eval") == builtins.compile(text, "<string>", "eval")
    # Other forms go to the builtin as given.
    tree = codecache._compile("x + 1", "<string>", "eval", 0x400)  # ast.PyCF_ONLY_AST
    assert type(tree).__name__ == "Expression"
    assert codecache._compile("x = 1", "file.py", "exec").co_filename == "file.py"
    with pytest.raises(SyntaxError) as ours:
        codecache._compile("int[", "<string>", "eval")
    with pytest.raises(SyntaxError) as theirs:
        builtins.compile("int[", "<string>", "eval")
    assert (ours.value.msg, ours.value.offset) == (theirs.value.msg, theirs.value.offset)


def test_the_command_line_fills_the_store_once_then_only_reads_it(tmp_path):
    stores.fills_once_then_only_reads(STORE, tmp_path)


def test_another_python_or_a_file_cut_short_is_not_read(tmp_path):
    stores.another_python_or_a_file_cut_short_is_not_read(STORE, tmp_path)


def test_not_written_where_python_writes_no_bytecode(tmp_path):
    stores.not_written_where_python_writes_no_bytecode(STORE, tmp_path)

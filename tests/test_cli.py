"""The command line: ``validera [DATAKATALOG]`` is read without argparse, everything
else by the parser, with the same results; running it as a script changes nothing for
code that imports it."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest

from conftest import BUILD_DATE, FIXTURE, ROOT


def test_plain_validate_is_only_the_plain_forms():
    from finsam.__main__ import _plain_validate

    assert _plain_validate(["validera"]) and _plain_validate(["validera", "data"])
    for argv in (["validera", "-h"], ["validera", "--help"], ["validera", "a", "b"], ["kontroller"], [],
                 ["validera", "--", "data"], ["scheman", "data"]):
        assert not _plain_validate(argv), argv


def test_the_parser_still_reads_the_rest(capsys):
    from finsam.__main__ import main

    with pytest.raises(SystemExit) as help_:
        main(["validera", "-h"])
    assert help_.value.code == 0 and "usage: python -m finsam validera" in capsys.readouterr().out
    with pytest.raises(SystemExit) as extra:
        main(["validera", str(FIXTURE), "mer"])
    assert extra.value.code == 2 and "unrecognized arguments: mer" in capsys.readouterr().err
    assert main(["validera", "--", str(FIXTURE)]) == 0  # the parser's way to the same command


def test_importing_the_command_line_leaves_the_garbage_collector_alone():
    import finsam.__main__  # noqa: F401

    assert gc.isenabled()


def test_as_a_script_the_same_output_with_and_without_the_parser():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "macros"), FINSAM_IDAG=BUILD_DATE)
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    runs = [
        subprocess.run([sys.executable, "-m", "finsam", "validera", *args], cwd=ROOT, env=env, capture_output=True, text=True)
        for args in ([str(FIXTURE)], ["--", str(FIXTURE)])
    ]
    out = [(r.returncode, r.stderr, r.stdout.rsplit(" (", 1)[0]) for r in runs]  # the time it took differs
    assert out[0] == out[1] and out[0][0] == 0 and "är i ordning" in out[0][2]

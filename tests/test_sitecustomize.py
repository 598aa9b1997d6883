"""macros/sitecustomize.py: in a ProperDocs process, mkdocs-macros' ``requests`` is a
stand-in that imports the real package on first use; other processes are left alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, assert_built_the_same

sys.path.insert(0, str(ROOT / "macros"))

import sitecustomize  # noqa: E402  (macros/sitecustomize.py, whatever the interpreter's own)

assert sitecustomize.__file__ == str(ROOT / "macros" / "sitecustomize.py")


@pytest.mark.parametrize(
    ("orig_argv", "expected"),
    [
        (["/venv/bin/python", "/venv/bin/properdocs", "build", "--strict"], True),
        (["/venv/bin/python", "/venv/bin/mkdocs", "serve"], True),
        (["python", "-m", "properdocs", "build"], True),
        (["python", "-X", "importtime", "-m", "properdocs", "build"], True),
        (["python", "-Ximporttime", "-O", "-m", "mkdocs", "serve"], True),
        (["python", "/venv/lib/python3.11/site-packages/properdocs/__main__.py", "build"], True),
        (["python", "-m", "pytest", "-k", "properdocs"], False),
        (["python", "-m", "finsam", "validera", "data"], False),
        (["python", "-c", "import properdocs"], False),
        (["python", "-m"], False),
        (["python"], False),
        ([], False),
    ],
)
def test_only_properdocs_and_mkdocs_are_recognised(orig_argv, expected):
    assert sitecustomize.is_site_tool(orig_argv) is expected


# Run as a program named `properdocs` (so sitecustomize takes it for one): import the
# plugin as ProperDocs does when it loads mkdocs.yml, then use requests through it.
PROBE = """
import sys, types
import mkdocs_macros.plugin
import mkdocs_macros.util as util
seen = {"loaded_with_the_plugin": type(sys.modules.get("requests")).__name__}
seen["stand_in_in_the_plugin"] = type(util.requests).__name__
error = util.requests.exceptions.RequestException
seen["resolves_to"] = error.__module__
seen["real_in_sys_modules"] = type(sys.modules["requests"]) is types.ModuleType
import requests
seen["import_gives_the_real_one"] = requests is sys.modules["requests"] and requests.get.__module__
print(__import__("json").dumps(seen))
"""


def _probe(tmp_path, **env) -> dict:
    program = tmp_path / "properdocs"
    program.write_text(PROBE, encoding="utf-8")
    environ = dict(os.environ, PYTHONPATH=str(ROOT / "macros"), **env)
    out = subprocess.run([sys.executable, str(program)], env=environ, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


def test_the_plugin_loads_without_requests_and_uses_the_real_one_when_it_asks(tmp_path):
    assert _probe(tmp_path) == {
        "loaded_with_the_plugin": "Deferred",
        "stand_in_in_the_plugin": "Deferred",
        "resolves_to": "requests.exceptions",
        "real_in_sys_modules": True,
        "import_gives_the_real_one": "requests.api",
    }


def test_switched_off_by_the_environment(tmp_path):
    seen = _probe(tmp_path, FINSAM_DEFER_IMPORTS="0")
    assert seen["loaded_with_the_plugin"] == "module"
    assert seen["stand_in_in_the_plugin"] == "module"


def test_other_processes_are_left_alone():
    code = "import sys, sitecustomize; print('requests' in sys.modules, sitecustomize.__file__)"
    out = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(ROOT / "macros")),
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", str(ROOT / "macros" / "sitecustomize.py")]


@pytest.mark.first
def test_the_built_site_is_the_same_without_it(fixture_build, tmp_path):
    assert_built_the_same(fixture_build.site, tmp_path, {"FINSAM_DEFER_IMPORTS": "0"})

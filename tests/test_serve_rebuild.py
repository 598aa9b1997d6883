"""`properdocs serve` rebuilds reuse what an edit did not change (macros/serve_hook.py):
what they serve must be byte for byte what a clean build of the same data gives,
and bad data must still stop a rebuild, loudly."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_DATE, FIXTURE, ROOT

DRIVER = ROOT / "tests" / "serve_driver.py"

# A rebuild with nothing changed (all from the cache), a text edit (a few pages change), a bad value (the rebuild must fail), the fix
# together with an edit of the förbund's own page (its navigation title too), and a
# year's budget removed (pages and the navigation change).
STEPS = [
    {"build": "first"},
    {"build": "again"},
    {"edit": ["forbund.yaml", "text: Förbundet bildas av fyra parter.", "text: Förbundet bildades av fyra parter."]},
    {"build": "text"},
    {"edit": ["forbund.yaml", "webbplats: exempeldalen.example", "webbplats: inte en adress"]},
    {"build": "bad"},
    {"edit": ["forbund.yaml", "webbplats: inte en adress", "webbplats: exempeldalen.example"]},
    {"edit": ["sidor/om/historik.md", "navtitel: Historik", "navtitel: Förbundets historik"]},
    {"edit": ["sidor/om/historik.md", "# Så växte förbundet", "# Så har förbundet växt"]},
    {"build": "fixed"},
    {"delete": "budget/2026.yaml"},
    {"build": "nav"},
]


def _run(args, data: Path, env_extra=None):
    env = dict(os.environ, FINSAM_DATA=str(data), FINSAM_IDAG=BUILD_DATE, PYTHONPATH=str(ROOT / "macros"),
               NO_MKDOCS_2_WARNING="1", **(env_extra or {}))
    env.pop("FINSAM_SITE_URL", None)
    r = subprocess.run([sys.executable, str(DRIVER), *args], cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]
    return r


def _differences(a: Path, b: Path) -> list[str]:
    out = []

    def walk(cmp: filecmp.dircmp, rel: str):
        out.extend(f"only in serve: {rel}{n}" for n in cmp.left_only)
        out.extend(f"only in clean: {rel}{n}" for n in cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out.extend(f"differs: {rel}{n}" for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{rel}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return out


@pytest.mark.first  # eight builds in a row
def test_serve_rebuilds_equal_clean_builds_and_bad_data_fails(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    steps = tmp_path / "steps.json"
    steps.write_text(json.dumps(STEPS), encoding="utf-8")
    out = tmp_path / "serve"
    r = _run(["serve", str(steps), str(out)], data, {"FINSAM_SERVE_STATS": "1"})
    stats = [json.loads(line.split(" ", 1)[1]) for line in r.stderr.splitlines() if line.startswith("serve-cache ")]
    # first, again, text, fixed, nav (the bad one fails before it counts). Nothing
    # changed: every page from the cache (a guard against a cache that never hits, which
    # the comparison cannot see). After the text edit
    # most pages come from the cache and the changed ones are rendered afresh; after the
    # fix (a navigation title changed) every page's theme render is made afresh, but the
    # unchanged pages' HTML is reused; when the site's files change (a year removed),
    # every page is rendered afresh.
    assert len(stats) == 5, stats
    first, again, text, fixed, nav = stats
    assert first.get("page_hits", 0) == 0 and first["page_misses"] > 0, first
    assert again.get("page_misses", 0) == 0 and again["page_hits"] == first["page_misses"], again
    assert again.get("markdown_misses", 0) == 0 and again.get("search_misses", 0) == 0, again
    assert text.get("page_hits", 0) > 0 and text.get("page_misses", 0) > 0, text
    assert fixed.get("markdown_hits", 0) > 0 and fixed.get("markdown_misses", 0) > 0, fixed
    assert fixed.get("page_hits", 0) == 0, fixed
    assert nav.get("markdown_hits", 0) == 0 and nav.get("page_hits", 0) == 0, nav

    failed = (out / "bad.failed").read_text(encoding="utf-8")
    assert "Abort" in failed and not (out / "bad").exists()
    assert "forbund.yaml" in r.stderr and "webbplats: ska vara ett domännamn" in r.stderr  # file and field, in Swedish

    # The same data states, each built clean in a fresh process.
    shutil.rmtree(data)
    shutil.copytree(FIXTURE, data)
    builds = 0
    for step in STEPS:
        if "edit" in step:
            name, old, new = step["edit"]
            path = data / name
            path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        elif "delete" in step:
            (data / step["delete"]).unlink()
        elif step["build"] not in ("first", "again", "bad"):
            assert (out / step["build"]).is_dir(), (out / f"{step['build']}.failed").read_text(encoding="utf-8")
            clean = tmp_path / f"clean-{step['build']}"
            _run(["clean", str(clean)], data)
            assert _differences(out / step["build"], clean / "clean") == [], step["build"]
            builds += 1
    assert builds == 3


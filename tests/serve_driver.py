"""Builds the site the way `properdocs serve` does, in one process (tests/test_serve_rebuild.py).

    python tests/serve_driver.py serve STEPS.json OUT   # the serve loop: build, edit, rebuild, ...
    python tests/serve_driver.py clean OUT              # one build as serve's first, no cache

Like ``properdocs serve`` (properdocs/commands/serve.py): the configuration is loaded
afresh for every build, the first one's plugins get ``on_startup(command="serve")``,
``site_url`` is the server's address and the build is given ``serve_url``. STEPS.json
is a list of ``{"edit": [file, old, new]}``, ``{"delete": file}`` (paths relative to the
data directory, FINSAM_DATA) and ``{"build": name}``; each build's site is copied to
OUT/name, or OUT/name.failed holds the error when the build failed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

import properdocs.replacement  # noqa: F401  (mkdocs.* imports of the hooks go to ProperDocs)
from properdocs.commands.build import build
from properdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SERVE_URL = "http://127.0.0.1:8000/"


def main(argv: list[str]) -> int:
    mode = argv[0]
    out = Path(argv[-1])
    data = Path(os.environ["FINSAM_DATA"])
    steps = json.loads(Path(argv[1]).read_text(encoding="utf-8")) if mode == "serve" else [{"build": "clean"}]
    site = tempfile.mkdtemp(prefix="serve-driver-")
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    first = True
    for step in steps:
        if "edit" in step:
            name, old, new = step["edit"]
            path = data / name
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1, (name, old)
            path.write_text(text.replace(old, new), encoding="utf-8")
            continue
        if "delete" in step:
            (data / step["delete"]).unlink()
            continue
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=site)
        if first and mode == "serve":
            config.plugins.on_startup(command="serve", dirty=False)
        first = False
        config.site_url = SERVE_URL
        try:
            build(config, serve_url=SERVE_URL)
        except (Exception, SystemExit) as err:  # Abort is a ClickException; both stop the build
            (out / f"{step['build']}.failed").parent.mkdir(parents=True, exist_ok=True)
            (out / f"{step['build']}.failed").write_text(f"{type(err).__name__}: {err}", encoding="utf-8")
            continue
        shutil.copytree(site, out / step["build"])
    shutil.rmtree(site, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

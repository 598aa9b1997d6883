"""MkDocs hook: the form editor (Decap CMS) at /admin/ of the built site.

After the build, writes ``admin/index.html`` and ``admin/config.yml`` (generated
from the models by finsam.cms) and copies the editor's own files from
node_modules/decap-cms/dist (pinned in package-lock.json; no CDN). Without
node_modules (a fresh machine before `npm ci`) the site still builds and
/admin/ says how to install the editor; with FINSAM_ADMIN_REQUIRED=1 (CI,
deploy) a missing editor stops the build.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import yaml
from mkdocs.exceptions import PluginError

from finsam.cms import config as cms_config
from finsam.render.templating import render_template

log = logging.getLogger("mkdocs.plugins.finsam.admin")
ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "node_modules" / "decap-cms" / "dist"
OWN = Path(__file__).resolve().parent / "admin"  # the project's own additions: Swedish phrases, styles

def _repo(url: str | None) -> str | None:
    if not url:
        return None
    parts = [p for p in urlparse(url).path.split("/") if p]
    return "/".join(parts[:2]).removesuffix(".git") if len(parts) >= 2 else None


def _data_root(config) -> Path:
    """The data directory the build read (FINSAM_DATA or data/ beside mkdocs.yml)."""
    from finsam.problems import DataError
    from finsam.settings import data_dir

    project = Path(config["config_file_path"]).parent if config.get("config_file_path") else ROOT
    try:
        return data_dir(project, config.get("extra", {}).get("finsam_data"))
    except DataError:  # a bad setting is reported by hooks.py; the editor then has no budget forms
        return project / "data"


def _budgets_stamp(data_root: Path) -> tuple:
    """The budget files' names, sizes and times: the one part of the data the editor's
    config reads (each budget year's columns), so a cached config is redone when they change."""
    return tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(Path(data_root).glob("budget/*.yaml"))
    )


@functools.lru_cache(maxsize=8)
def _config_yml(budgets_stamp: tuple = (), **settings) -> str:
    """The editor's config.yml: a function of the models (code), the settings and the
    budget files' columns (``budgets_stamp`` keys the cache), so written out once per
    process while they stay the same (`serve` rebuilds; the YAML dump is a tenth of one)."""
    return (
        "# Genereras av macros/admin_hook.py från modellerna (finsam.cms). Ändra inte för hand.\n"
        + dump(cms_config(**settings))
    )


def dump(data) -> str:
    """YAML by libyaml's emitter when PyYAML has it (the same text as the pure-Python
    one, tests/test_admin_yaml.py, in a fifth of the time: 0.13 s of every build)."""
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                     allow_unicode=True, sort_keys=False, width=100)


def on_post_build(config, **kwargs):
    target = Path(config["site_dir"]) / "admin"
    target.mkdir(parents=True, exist_ok=True)
    extra = config.get("extra", {}).get("redigering", {}) or {}
    data_root = _data_root(config)
    (target / "config.yml").write_text(
        _config_yml(
            repo=extra.get("repo") or _repo(config.get("repo_url")),
            branch=extra.get("branch", "main"),
            base_url=extra.get("base_url"),
            site_domain=extra.get("site_domain"),
            auth_endpoint=extra.get("auth_endpoint"),
            site_url=config.get("site_url"),
            data_root=data_root,
            budgets_stamp=_budgets_stamp(data_root),
        ),
        encoding="utf-8",
    )
    if not (DIST / "decap-cms.js").is_file():
        if os.environ.get("FINSAM_ADMIN_REQUIRED") == "1":
            raise PluginError("Formulärredigeraren (decap-cms) saknas i node_modules: kör npm ci före bygget.")
        # Info, not a warning: a strict build (and `make serve` on a fresh machine) must not
        # fail for want of the editor; FINSAM_ADMIN_REQUIRED=1 (CI, deploy) makes it an error.
        log.info("Formulärredigeraren saknas (node_modules/decap-cms): /admin/ säger hur den installeras (npm ci).")
        (target / "index.html").write_text(render_template("admin/index.html", editor=False) + "\n", encoding="utf-8")
        return
    for path in DIST.iterdir():
        # decap-cms.js, the chunks it loads (NNN.decap-cms.js), its WebAssembly and licence;
        # not the source maps nor the second build (cms.js) the package also ships.
        name = path.name
        if name == "decap-cms.js" or name.endswith(".decap-cms.js") or path.suffix == ".wasm" or name == "decap-cms.js.LICENSE.txt":
            shutil.copy2(path, target / path.name)
    for path in sorted(OWN.iterdir()):
        if path.suffix in (".js", ".css"):
            shutil.copy2(path, target / path.name)
    (target / "index.html").write_text(render_template("admin/index.html", editor=True) + "\n", encoding="utf-8")

"""MkDocs hook: the form editor (Decap CMS) at /admin/ of the built site.

After the build, writes ``admin/index.html`` and ``admin/config.yml`` (generated
from the models by finsam.cms) and copies the editor's own files from
node_modules/decap-cms/dist (pinned in package-lock.json; no CDN). Without
node_modules (a fresh machine before `npm ci`) the site still builds and
/admin/ says how to install the editor; with FINSAM_ADMIN_REQUIRED=1 (CI,
deploy) a missing editor stops the build.

Making config.yml (about 85 KB: the models walked for every field, then PyYAML's
representer over some 25 000 values) costs about 25 ms of every build, and it changes
only with the code, the settings or the budget files' columns. So the text is kept in
``.cache/admin/`` beside mkdocs.yml under a key made of exactly those: this
Python and PyYAML, the settings, the bytes of every data/budget/*.yaml, and the text of
every module of finsam/ and of this file, one file per key (the newest 8). Another key
makes it afresh; the written file is the same byte for byte either way.
``FINSAM_ADMIN_CACHE=0`` switches the kept copy off.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

import yaml
from mkdocs.exceptions import PluginError

from finsam.pycache import replace_whole
from finsam.render.templating import render_template

log = logging.getLogger("mkdocs.plugins.finsam.admin")
ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "node_modules" / "decap-cms" / "dist"
OWN = Path(__file__).resolve().parent / "admin"  # the project's own additions: Swedish phrases, styles
FINSAM = Path(__file__).resolve().parent / "finsam"
_FORMAT = "finsam-admin-config-1"
KEPT = 8  # config.yml texts kept in .cache/admin (one per data set and settings built lately)

def _repo(url: str | None) -> str | None:
    if not url:
        return None
    parts = [p for p in urlparse(url).path.split("/") if p]
    return "/".join(parts[:2]).removesuffix(".git") if len(parts) >= 2 else None


def _project(config) -> Path:
    """The folder of mkdocs.yml (this project's when the config names no file)."""
    return Path(config["config_file_path"]).parent if config.get("config_file_path") else ROOT


def _data_root(config) -> Path:
    """The data directory the build read (FINSAM_DATA or data/ beside mkdocs.yml)."""
    from finsam.problems import DataError
    from finsam.settings import data_dir

    project = _project(config)
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
def _config_yml(budgets_stamp: tuple = (), cache_dir: Path | None = None, **settings) -> str:
    """The editor's config.yml: a function of the models (code), the settings and the
    budget files' columns (``budgets_stamp`` keys this process's cache), so written out
    once per process while they stay the same (`serve` rebuilds), and kept in
    ``cache_dir`` between processes (the module's text)."""
    key = _key(settings) if cache_dir is not None else None
    # One file per key, so that builds of other data (a test's, the benchmark's) do not
    # push each other's out; the newest KEPT are kept.
    kept = cache_dir / f"config-{key[:32]}.yml" if cache_dir is not None else None
    if kept is not None and (text := _read_kept(kept, key)) is not None:
        return text
    from finsam.cms import config as cms_config  # the models' walk, only when not kept

    text = "# Genereras av macros/admin_hook.py från modellerna (finsam.cms). Ändra inte för hand.\n" + dump(
        cms_config(**settings)
    )
    if kept is not None and replace_whole(str(kept), f"{key}\n{text}".encode("utf-8")):
        _prune(cache_dir)  # (a read-only checkout builds without the kept copy)
    return text


def _prune(cache_dir: Path) -> None:
    """Keep the newest KEPT texts; another build pruning at the same time is no error."""
    try:
        for old in sorted(cache_dir.glob("config-*.yml"), key=lambda p: p.stat().st_mtime_ns)[:-KEPT]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _read_kept(kept: Path, key: str) -> str | None:
    """The text kept under ``key``, or None (no such file, another key, unreadable)."""
    try:
        first, _, text = kept.read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return text if first == key else None


def _key(settings: dict) -> str:
    """What config.yml is made from: this Python and PyYAML, the settings, the budget
    files' bytes (their columns) and the text of finsam/ and of this module."""
    h = hashlib.sha256()
    data_root = settings.get("data_root")
    described = {name: str(Path(value).resolve()) if isinstance(value, Path) else value for name, value in sorted(settings.items())}
    for part in (_FORMAT, sys.version, yaml.__version__, yaml.__with_libyaml__, described):
        h.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    budgets = sorted(Path(data_root).resolve().glob("budget/*.yaml")) if data_root is not None else []
    modules = sorted(p for p in FINSAM.rglob("*.py") if "__pycache__" not in p.parts)
    for path in [*budgets, *modules, Path(__file__).resolve()]:
        h.update(str(path).encode("utf-8", "surrogatepass") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _place(source: Path, target: Path) -> None:
    """The editor's file in the site: a hard link to node_modules' copy where the two
    share a file system (6.5 MB in 98 files: about 1 ms of CPU, against 8 ms to copy
    them in every build; nothing writes into the built site), a copy elsewhere."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _cache_dir(config) -> Path | None:
    """``.cache/admin`` beside mkdocs.yml (the project's when the config names no file)."""
    if os.environ.get("FINSAM_ADMIN_CACHE", "1") == "0":
        return None
    return _project(config) / ".cache" / "admin"


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
            cache_dir=_cache_dir(config),
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
            _place(path, target / path.name)
    for path in sorted(OWN.iterdir()):
        if path.suffix in (".js", ".css"):
            shutil.copy2(path, target / path.name)
    (target / "index.html").write_text(render_template("admin/index.html", editor=True) + "\n", encoding="utf-8")

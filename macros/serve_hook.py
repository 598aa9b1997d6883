"""MkDocs hook: `properdocs serve` rebuilds in well under a second after an edit.

A rebuild in ``serve`` is a full, strict build in the same process. Most of it
repeats the last build exactly: after a data file is saved, most pages' Markdown
(after the macros have run) is what it was, and so is their HTML. This hook, only
in ``serve`` (never in ``properdocs build``, CI or the tests' builds), keeps from
the last *successful* build what is a pure function of inputs it can compare:

* a page's Markdown → HTML (content, table of contents, title, anchors, links to
  anchors), keyed by the page, its Markdown after every other hook and the macros,
  its front matter, every file's address (links are made relative and checked
  against them) and the Markdown configuration;
* a page's theme render (Material's ``main.html``), keyed by everything the
  template is given: the page (its HTML, title, front matter, table of contents,
  neighbours, ancestors), the whole navigation, the configuration, every file's
  address and the theme's override files;
* a page's search entries (Material's search plugin), keyed by its HTML, title,
  table of contents and front matter;
* the macros' compiled Jinja code for a page's text (keyed by the text);
* mkdocs-macros' ``git`` variable (12 git commands), until HEAD moves;
* the list of the theme's files (Material ships ~10 000 icons; listing them is
  a tenth of a rebuild); only directories inside site-packages, which an edit
  cannot change;
* and it polls the watched files every 0.2 s instead of ProperDocs' 0.5 s (about
  4 % of a core while idle, against 2 %).

Everything else runs as in a clean build: the data are read and checked (bad data
stops the rebuild, loudly, as before), the macros run on every page, the
navigation is built, links and anchors are validated (a page taken from the
cache was validated against the same files when it was built), the search index,
feed and downloads are written. What a failed build (strict warnings included)
made is never kept. The served output equals a clean build's
(tests/test_serve_rebuild.py). ``FINSAM_SERVE_CACHE=0`` switches it off.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

POLL_SECONDS = 0.2

# The template context ProperDocs gives a page (commands/build.py: get_context); a
# context with any other key (a plugin added one) is rendered afresh.
_CONTEXT_KEYS = frozenset({
    "nav", "pages", "base_url", "extra_css", "extra_javascript", "properdocs_version",
    "mkdocs_version", "build_date_utc", "config", "page",
})
# Configuration values that are objects without a stable repr (new each build) or are
# covered otherwise (files, nav); everything else in the config is part of the key.
_CONFIG_SKIP = frozenset({"plugins", "hooks", "markdown_extensions", "mdx_configs", "nav", "theme", "watch"})
_IMMUTABLE = tuple(
    str(Path(p).resolve()) for p in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
)

_state = {"serving": False}
_prev: dict[str, dict] = {}  # from the last successful build
_next: dict[str, dict] = {}  # filled by this build
_sig: dict[str, object] = {}  # this build's signatures (config, files, nav, markdown)
_listings: dict[str, list[str]] = {}  # theme directory -> its template names
_verdicts: dict[tuple, dict[str, bool]] = {}  # (filter, static templates) -> {name: kept}


def on_startup(command, dirty):
    _state["serving"] = command == "serve" and not dirty and os.environ.get("FINSAM_SERVE_CACHE", "1") != "0"


def _serving() -> bool:
    return _state["serving"]


_stats: dict[str, int] = {}  # hits and misses of this build (FINSAM_SERVE_STATS=1 prints them)


def _get(kind: str, key):
    value = _prev.get(kind, {}).get(key)
    name = f"{kind}_{'misses' if value is None else 'hits'}"
    _stats[name] = _stats.get(name, 0) + 1
    return value


def _put(kind: str, key, value) -> None:
    _next.setdefault(kind, {})[key] = value


# -- signatures -------------------------------------------------------------


def _digest(value) -> str:
    """A short stand-in for a large signature (hashed once, not on every lookup)."""
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()


def _ext_name(ext) -> str:
    return ext if isinstance(ext, str) else f"{type(ext).__module__}.{type(ext).__qualname__}"


def _theme_sig(config) -> tuple:
    """The theme's settings and the state of every file in its writable directories (overrides/)."""
    theme = config.theme
    files = []
    for d in theme.dirs:
        if str(Path(d).resolve()).startswith(_IMMUTABLE):
            continue
        for dirpath, _, names in os.walk(d):
            for name in names:
                st = os.stat(os.path.join(dirpath, name))
                files.append((os.path.join(dirpath, name), st.st_mtime_ns, st.st_size))
    return (theme.name, tuple(theme.dirs), repr(sorted((k, repr(v)) for k, v in theme.items())), tuple(sorted(files)))


def _config_file(config) -> bytes:
    path = config.config_file_path
    try:
        return Path(path).read_bytes() if path else b""
    except OSError:
        return b""


def _nav_sig(items) -> tuple:
    out = []
    for item in items:
        children = getattr(item, "children", None)
        out.append((
            type(item).__name__, str(item.title), getattr(item, "url", None),
            getattr(getattr(item, "file", None), "src_uri", None),
            _nav_sig(children) if children else None,
        ))
    return tuple(out)


def _toc_sig(toc) -> tuple:
    return tuple((str(a.title), a.id, a.url, a.level, _toc_sig(a.children)) for a in (toc or ()))


def _meta_sig(meta) -> str:
    return repr(sorted((str(k), repr(v)) for k, v in (meta or {}).items()))


def _neighbour(page) -> tuple | None:
    return None if page is None else (type(page).__name__, str(page.title), getattr(page, "url", None))


# -- events -----------------------------------------------------------------


@event_priority(110)  # before Material's search plugin makes its first environment
def on_config(config):
    _next.clear()
    _sig.clear()
    _stats.clear()
    if not _serving():
        return config
    _memoise_macros_git_info()
    theme = config.theme
    get_env = theme.get_env

    def get_env_listing_once():
        env = get_env()
        env.bytecode_cache = _MEMORY  # Material's search plugin makes envs of its own (translations)
        loader = env.loader
        loader.list_templates = lambda: _list_templates(loader)
        list_templates = env.list_templates

        def list_filtered(extensions=None, filter_func=None):
            # ProperDocs' filter of theme files (files.py: add_files_from_theme) is a
            # function of the name and the theme's static templates: judged once per name.
            if extensions is not None or filter_func is None:
                return list_templates(extensions, filter_func)
            verdicts = _verdicts.setdefault((filter_func.__code__, tuple(sorted(theme.static_templates))), {})
            out = []
            for name in loader.list_templates():
                ok = verdicts.get(name)
                if ok is None:
                    ok = verdicts[name] = bool(filter_func(name))
                if ok:
                    out.append(name)
            return out

        env.list_templates = list_filtered
        return env

    theme.get_env = get_env_listing_once
    return config


def _memoise_macros_git_info() -> None:
    """mkdocs-macros runs 12 git commands on every build for its ``git`` variable; in
    serve they run again only when HEAD moves (or the directory changes)."""
    try:
        import mkdocs_macros.context as context
    except ImportError:
        return
    original = context.get_git_info
    if getattr(original, "_finsam_memo", False):
        return

    def get_git_info():
        try:
            head = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            head = None
        key = (os.getcwd(), head)
        if key not in _git_info:
            _git_info[key] = original()
        return copy.deepcopy(_git_info[key])

    get_git_info._finsam_memo = True
    context.get_git_info = get_git_info


_git_info: dict[tuple, dict] = {}


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory (Jinja keys them by name and source checksum);
    a miss asks the bytecode cache the environment had (the speed hook's, on disk)."""

    def __init__(self):
        self.code: dict[str, tuple[str, object]] = {}
        self.fallback: BytecodeCache | None = None

    def load_bytecode(self, bucket):
        hit = self.code.get(bucket.key)
        if hit is not None and hit[0] == bucket.checksum:
            bucket.code = hit[1]
        elif self.fallback is not None:
            self.fallback.load_bytecode(bucket)
            if bucket.code is not None:
                self.code[bucket.key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = (bucket.checksum, bucket.code)
        if self.fallback is not None:
            self.fallback.dump_bytecode(bucket)


_MEMORY = _MemoryBytecodeCache()


def _list_templates(loader) -> list[str]:
    """jinja2.FileSystemLoader.list_templates, with site-packages' directories listed once."""
    found: set[str] = set()
    for searchpath in loader.searchpath:
        cached = _listings.get(searchpath)
        if cached is None:
            cached = []
            for dirpath, _, filenames in os.walk(searchpath, followlinks=loader.followlinks):
                for filename in filenames:
                    template = os.path.join(dirpath, filename)[len(searchpath):].strip(os.path.sep).replace(os.path.sep, "/")
                    if template[:2] == "./":
                        template = template[2:]
                    cached.append(template)
            if str(Path(searchpath).resolve()).startswith(_IMMUTABLE):
                _listings[searchpath] = cached
        found.update(cached)
    return sorted(found)


@event_priority(-100)  # after every hook has changed the config
def on_pre_build(config):
    if not _serving():
        return
    _sig["config"] = _digest((
        repr(sorted((k, repr(v)) for k, v in config.items() if k not in _CONFIG_SKIP)),
        _theme_sig(config),
        _config_file(config),  # the plugins' and hooks' settings, which have no stable repr
    ))
    _sig["markdown"] = _digest((
        tuple(_ext_name(e) for e in config.markdown_extensions),
        repr(sorted((k, repr(v)) for k, v in (config.mdx_configs or {}).items())),
    ))
    macros = config.plugins.get("macros")
    env = getattr(macros, "env", None) if macros is not None else None
    if env is not None and not getattr(env, "_finsam_compile_memo", False):
        compile_ = env.compile

        def compile_memo(source, name=None, filename=None, raw=False, defer_init=False):
            if not isinstance(source, str):
                return compile_(source, name, filename, raw, defer_init)
            key = (source, name, filename, raw, defer_init, tuple(sorted(env.filters)), tuple(sorted(env.tests)))
            code = _get("jinja", key)
            if code is None:
                code = compile_(source, name, filename, raw, defer_init)
            _put("jinja", key, code)
            return code

        env.compile = compile_memo
        env._finsam_compile_memo = True
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is not None and not getattr(index, "_finsam_memo", False):
        add = index.add_entry_from_context

        def add_entry_memo(page):
            if type(page) is not Page:
                return add(page)
            key = (page.url, str(page.title), page.content, _toc_sig(page.toc), _meta_sig(page.meta))
            entries = _get("search", key)
            if entries is None:
                start = len(index.entries)
                add(page)
                entries = copy.deepcopy(index.entries[start:])
            else:
                index.entries.extend(copy.deepcopy(entries))
            _put("search", key, entries)

        index.add_entry_from_context = add_entry_memo
        index._finsam_memo = True


@event_priority(-100)  # after the hooks have added the generated pages and files
def on_files(files, config):
    if _serving():
        _sig["files"] = _digest(tuple((f.src_uri, f.dest_uri, f.url) for f in files))
    return files


@event_priority(-100)
def on_nav(nav, config, files):
    if _serving():
        _sig["nav"] = _digest(_nav_sig(nav.items))
    return nav


@event_priority(-100)  # after the macros and every other hook have changed the Markdown
def on_page_markdown(markdown, page, config, files):
    if not _serving() or type(page) is not Page:  # the blog's posts and views are built as usual
        return markdown
    key = (page.file.src_uri, markdown, _meta_sig(page.meta), _sig["files"], _sig["markdown"])
    done = _get("markdown", key)

    def render(config, files):
        nonlocal done
        if done is None:
            Page.render(page, config, files)
            done = {
                "content": page.content,
                "toc": page.toc,
                "title": page._title_from_render,
                "anchors": frozenset(page.present_anchor_ids or ()),
                "links": {f.src_uri: dict(links) for f, links in (page.links_to_anchors or {}).items()},
            }
        else:
            page.content = done["content"]
            page.toc = copy.deepcopy(done["toc"])
            page._title_from_render = done["title"]
            page.present_anchor_ids = set(done["anchors"])
            page.links_to_anchors = {files.get_file_from_path(uri): dict(links) for uri, links in done["links"].items()}
        _put("markdown", key, done)

    page.render = render
    return markdown


@event_priority(-100)  # after the speed hook's bytecode cache
def on_env(env, config, files):
    if not _serving() or getattr(env, "_finsam_render_memo", False):
        return env
    if env.bytecode_cache is not _MEMORY:
        _MEMORY.fallback = env.bytecode_cache
        env.bytecode_cache = _MEMORY
    get_template = env.get_template

    static = set(config.theme.static_templates) | set(config.extra_templates)

    def get_template_memo(name, *args, **kwargs):
        if name in static:  # ProperDocs skips a static template that is missing: load it now
            return get_template(name, *args, **kwargs)
        return _Template(lambda: get_template(name, *args, **kwargs), name)

    env.get_template = get_template_memo
    env._finsam_render_memo = True
    return env


class _Template:
    """A theme template whose page renders come from the last build when their input is the same."""

    def __init__(self, load, name):
        self._load = load  # loaded only when a render needs it (a page from the cache does not)
        self._loaded = None
        self._name = name

    @property
    def _template(self):
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded

    def __getattr__(self, attr):
        return getattr(self._template, attr)

    def render(self, *args, **kwargs):
        context = args[0] if len(args) == 1 and not kwargs else None
        page = context.get("page") if isinstance(context, dict) else None
        if type(page) is not Page or not set(context) <= _CONTEXT_KEYS:
            return self._template.render(*args, **kwargs)
        key = (
            self._name, page.file.src_uri, page.url, page.canonical_url, page.edit_url, str(page.title),
            page.content, _toc_sig(page.toc), _meta_sig(page.meta), page.is_homepage,
            _neighbour(page.previous_page), _neighbour(page.next_page),
            tuple(_neighbour(a) for a in page.ancestors),
            context.get("base_url"), tuple(map(str, context.get("extra_css") or ())),
            tuple(map(str, context.get("extra_javascript") or ())),
            _sig["nav"], _sig["files"], _sig["config"],
        )
        output = _get("page", key)
        if output is None:
            output = self._template.render(context)
        _put("page", key, output)
        return output


@event_priority(-100)
def on_serve(server, config, builder):
    """Poll the watched files every 0.2 s (ProperDocs polls every 0.5 s)."""
    if not _serving():
        return server
    from watchdog.observers.polling import PollingObserver

    watched = dict(getattr(server, "_watched_paths", None) or {})
    if not watched or server.observer.is_alive():
        return server
    for path, n in watched.items():
        for _ in range(n):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    for path, n in watched.items():
        for _ in range(n):
            server.watch(path)
    return server


@event_priority(-100)
def on_post_build(config):
    """This build succeeded so far: its results are the next build's cache.

    (A strict build with warnings fails after this; on_build_error drops them.)
    """
    if _serving():
        _prev.clear()
        _prev.update(_next)
        if os.environ.get("FINSAM_SERVE_STATS") == "1":
            print("serve-cache " + json.dumps(dict(sorted(_stats.items()))), file=sys.stderr)
    _next.clear()


def on_build_error(error):
    """A failed build's results are dropped; the last successful build's stay (each was
    made, without a warning, from exactly the input it is keyed by)."""
    _next.clear()

"""MkDocs hooks that make the build cheaper without changing what it writes.

* The theme's compiled Jinja templates are kept between builds (finsam's own templates
  too: render/templating.py). Material's
  templates are otherwise compiled from source on every build (about a quarter
  of a second here; see benchmarks/results.md). A bytecode cache on the theme's
  Jinja environment keeps the compiled code in ``.cache/jinja/`` beside
  mkdocs.yml (gitignored, outside docs/ and site/). Jinja keys each entry by the
  template's path and a checksum of its source, so an edited or upgraded
  template is compiled afresh. ``FINSAM_JINJA_CACHE=0`` switches it off.
* finsam's ready-made HTML blocks (``markdown="0"``) are stashed for Python-Markdown
  without running its HTML parser over them (finsam/rawblocks.py): the same HTML
  comes out, byte for byte. ``FINSAM_RAW_BLOCKS=0`` switches it off.
* Python-Markdown's inline pass skips the patterns whose expression does not occur
  in a piece of text, and the whole pass over text that none occurs in
  (finsam/quickinline.py): the same HTML. ``FINSAM_QUICK_INLINE=0`` switches it off.
* mkdocs-macros compiles every page's text as a Jinja template on every build (its
  ``from_string``, no cache). The compiled code of each page is kept in the same
  ``.cache/jinja/`` (``page-*.cache``, one file per page, as Jinja's own bytecode cache
  keeps one per template): it is used only when the page's text and everything in
  the environment that compiling reads (Jinja's version, the delimiters and
  whitespace settings, extensions, the undefined class, the names of the filters
  and tests) are what they were; otherwise the page is compiled, as before, and the
  file replaced. ``FINSAM_JINJA_CACHE=0`` switches this off with the theme's cache.
* A page whose Markdown has no Jinja syntax at all (no ``{{``, ``{%`` or ``{#``)
  is marked ``render_macros: false`` before mkdocs-macros sees it, so it is not
  compiled as a template: rendering it would return the same text.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import jinja2
from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.plugins import event_priority

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from finsam.quickinline import QuickInlineExtension  # noqa: E402
from finsam.rawblocks import RawBlocksExtension  # noqa: E402


# finsam's Markdown extensions, each with the variable that switches it off ("0").
EXTENSIONS = (("FINSAM_RAW_BLOCKS", RawBlocksExtension), ("FINSAM_QUICK_INLINE", QuickInlineExtension))


def on_config(config):
    for switch, extension in EXTENSIONS:
        if os.environ.get(switch, "1") != "0" and not any(isinstance(e, extension) for e in config.markdown_extensions):
            config.markdown_extensions.append(extension())
    return config


def _cache_dir(config) -> Path | None:
    """``.cache/jinja`` beside mkdocs.yml; None when switched off or not writable."""
    if os.environ.get("FINSAM_JINJA_CACHE", "1") == "0":
        return None
    directory = Path(config.config_file_path).parent / ".cache" / "jinja"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout builds without the cache
        return None
    return directory


def on_env(env, config, files):
    directory = _cache_dir(config)
    if directory is not None:
        env.bytecode_cache = FileSystemBytecodeCache(str(directory), "theme-%s.cache")
    return env


# The page mkdocs-macros is about to render (set before it runs; its first compile is the page's text).
_page: list = []


def on_pre_build(config):
    macros = config.plugins.get("macros")
    env = getattr(macros, "env", None) if macros is not None else None
    directory = _cache_dir(config)
    if env is None or directory is None or getattr(env, "_finsam_page_cache", False):
        return
    cache = FileSystemBytecodeCache(str(directory), "page-%s.cache")
    compile_ = env.compile

    def compile_cached(source, name=None, filename=None, raw=False, defer_init=False):
        page = _page.pop() if _page else None
        if page is None or not isinstance(source, str) or raw or defer_init or name is not None or filename is not None:
            return compile_(source, name, filename, raw, defer_init)
        bucket = Bucket(env, hashlib.sha1(page.encode("utf-8")).hexdigest(), _checksum(env, source))
        cache.load_bytecode(bucket)
        if bucket.code is None:
            bucket.code = compile_(source)
            cache.dump_bytecode(bucket)
        return bucket.code

    env.compile = compile_cached
    env._finsam_page_cache = True


def _checksum(env, source: str) -> str:
    """The page's text and what of the environment compiling depends on (the file's header
    holds Jinja's bytecode version and Python's)."""
    settings = (
        jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
        env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
        env.keep_trailing_newline, sorted(env.extensions), env.optimized, env.is_async, repr(env.autoescape),
        repr(env.finalize), f"{env.undefined.__module__}.{env.undefined.__qualname__}",
        sorted(env.filters), sorted(env.tests),
    )
    return hashlib.sha1(repr(settings).encode("utf-8") + b"\0" + source.encode("utf-8")).hexdigest()


@event_priority(50)  # before mkdocs-macros (priority 0)
def on_page_markdown(markdown, page, config, files):
    _page[:] = [page.file.src_uri]
    title = page.title or ""
    if "render_macros" not in page.meta and not any(t in markdown or t in title for t in ("{{", "{%", "{#")):
        page.meta["render_macros"] = False
    return markdown

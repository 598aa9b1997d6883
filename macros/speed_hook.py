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
* A page whose Markdown has no Jinja syntax at all (no ``{{``, ``{%`` or ``{#``)
  is marked ``render_macros: false`` before mkdocs-macros sees it, so it is not
  compiled as a template: rendering it would return the same text.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import event_priority

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from finsam.quickinline import QuickInlineExtension  # noqa: E402
from finsam.rawblocks import RawBlocksExtension  # noqa: E402


def on_config(config):
    if os.environ.get("FINSAM_RAW_BLOCKS", "1") != "0" and not any(
        isinstance(e, RawBlocksExtension) for e in config.markdown_extensions
    ):
        config.markdown_extensions.append(RawBlocksExtension())
    if os.environ.get("FINSAM_QUICK_INLINE", "1") != "0" and not any(
        isinstance(e, QuickInlineExtension) for e in config.markdown_extensions
    ):
        config.markdown_extensions.append(QuickInlineExtension())
    return config


def on_env(env, config, files):
    if os.environ.get("FINSAM_JINJA_CACHE", "1") == "0":
        return env
    directory = Path(config.config_file_path).parent / ".cache" / "jinja"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout builds without the cache
        return env
    env.bytecode_cache = FileSystemBytecodeCache(str(directory), "theme-%s.cache")
    return env


@event_priority(50)  # before mkdocs-macros (priority 0)
def on_page_markdown(markdown, page, config, files):
    title = page.title or ""
    if "render_macros" not in page.meta and not any(t in markdown or t in title for t in ("{{", "{%", "{#")):
        page.meta["render_macros"] = False
    return markdown

"""Benchmark (``make bench``): the real build against its flattened twin, paired.

Not a test: it prints figures and writes them, with the machine and its load,
into benchmarks/results.md. Every build runs in a fresh process
(``python -m properdocs build --strict``), as a person runs it, and each run
records its wall time, its CPU time (user + system of the child, from
``getrusage``) and the machine's load average when it started. The machine is
shared, so:

* runs are **paired**: each round builds A and B back to back, alternating which
  goes first, and a ratio is taken within each round; the report gives the
  median of the rounds' ratios with their min–max;
* CPU time is given next to wall time: it depends much less on what else the
  machine is doing (wall time of a build on a loaded machine mostly measures
  the queue for a core);
* instruction counts (``perf stat -e instructions:u``) are added when the
  kernel lets ``perf`` count them; when it cannot (no PMU in a VM), the report
  says so. ``--instructions`` counts them with valgrind instead (cachegrind, the
  build's child processes included), one build each of the real site and its twin,
  today, at 1 and at 25 years: a ratio of those does not depend on the machine's
  load at all (about 12 minutes more).

Measured:

1. the real site against its *flattened twin*: the same pages as plain Markdown
   with the macros' output frozen (dumped from a real build by a plugin added
   here), built by the same ProperDocs with the same configuration minus the
   macros plugin and the hooks. The ratio is the cost of the data layer;
2. where the real build's imports go, from ``-X importtime`` of the real build
   process, each module credited to the plugin or hook that imported it first;
3. validating the data as a process (``python -m finsam validera data``), and
   the pull request workflow's data job done locally (fresh venv, pip install
   from the pip cache, validation);
4. ``properdocs serve``: the time from saving a data file (edited, or unchanged) to the rebuilt page
   being served;
5. the build with 1, 5 and 25 years of data (synthetic later years), paired with
   each other and with the 25-year site's flattened twin;
6. page weight: the median and largest page, and the search index.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from typing import NamedTuple
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "macros"))
BUILD_DATE = "2026-11-22"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", FINSAM_IDAG=BUILD_DATE, PYTHONPATH=str(ROOT / "macros"))
ENV.pop("FINSAM_DATA", None)
# Measured as a staff machine runs it: Python writes and reuses its bytecode caches
# (__pycache__/). A shell that sets PYTHONDONTWRITEBYTECODE (this sandbox's does) would
# make every measured process compile finsam afresh; the Makefile unexports it too.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
SERVE_PORT = 8106

TARGETS = {
    "ratio": 1.10,  # real build / flattened twin (CPU, median of pairs), at 63 pages and at 25 years
    "validate": 0.3,  # seconds, the validation process (CPU and wall at low load)
    "serve": 1.0,  # seconds from saving a data file to the rebuilt page being served
    "median_page_kb": 22,
    "search_kb_25": 250,
    "years": 2.0,  # 25 years / 1 year
}


NOTES = r"""
December 2026 (issue 15). Each change was measured before and after on this shared
machine (CPU time; single builds unless said "paired"); the paired comparison of the
whole project against the commit before these changes is in the section above.

| Change | Before | After |
| --- | --- | --- |
| Own RSS writer (finsam/feed.py, macros/feed_hook.py) instead of mkdocs-rss-plugin; GitPython, gitdb, smmap, CacheControl, msgpack, filelock out of requirements.txt | the rss plugin's imports 0.77–0.93 s (wall, -X importtime, load 5–7); the feed changed on every build (build time as pubDate) | none; the same posts give the same bytes |
| Feed link `rel="alternate feed"` instead of Material's two `rel="alternate"` links | every page fetched sitemap.xml twice (Material's language-version lookup) | no page fetches it (browser gate test_no_page_fetches_the_sitemap_on_load) |
| `navigation.prune` | median page 41.0 KB, the nav ~70 % of it | median 21.6 KB; a section's nav only on its own pages, tabs (reader) unaffected |
| Search index: staff guide (`search: exclude`), older years of each yearly series, "Ladda ner" sections and tables of figures left out; written as UTF-8 (finsam/search.py, macros/search_hook.py) | 202 KB today, 1006 KB at 25 years | 143 KB today, 228 KB at 25 years |
| Jinja bytecode cache for Material's templates and finsam's own (.cache/jinja) | one build 5.4 s CPU (load 11) | 4.45 s; paired at load 25 the saving is within the noise (see above); identical output |
| Models `defer_build` (model/base.py) | `import finsam.dataset` 0.75 s CPU | 0.50 s |
| Validation no longer imports render/ (checks format numbers through finsam.format, from engine's layering; ours first made the import lazy) | 1.28–1.54 s CPU | 0.85–1.07 s |
| Pages without Jinja syntax marked `render_macros: false` (macros/speed_hook.py) | 7 of 28 hand-written pages compiled as Jinja | skipped; too small to measure |

Today against the commit before: 0.80× the CPU (paired, 3 rounds), although the
other engineers' work landed in between adds pages and templates.

Second session (the edit loop). Identical output: a clean build before and after is
the same byte for byte (`diff -r` of site/), and tests/test_serve_rebuild.py compares
`serve` rebuilds after edits (a text, a bad value and its fix, a navigation title, a
year removed) with clean builds of the same data.

| Change | Before | After |
| --- | --- | --- |
| `serve` keeps, from the last successful build, what is a pure function of inputs it compares (macros/serve_hook.py): each page's Markdown → HTML, its theme render, its search entries; the macros' compiled Jinja; the theme's file list (site-packages only); mkdocs-macros' 12 git commands (until HEAD moves). Everything else runs as in a clean build (data read and checked, macros on every page, links and anchors validated, strict) | every rebuild a full build in the warm process: 2.5–2.9 s CPU in-process (load 2–4) | 0.55–0.65 s CPU in-process for the same rebuild (load 2–7); the two servers side by side: see the serve section |
| `serve` polls the watched files every 0.2 s (ProperDocs: 0.5 s) | 0.25 s on average until a save is seen; an idle server 2 % of a core | 0.1 s; an idle server 4 % (polling every 0.1 s cost 9 %, so not that) |
| finsam: the git log read once per commit (finsam/lastmod.py), the own pages once per change of their files (finsam/sidor.py), the tree once per data set (finsam/site.py), the editor's config.yml once per process (admin_hook.py), a page's description once per text (finsam/sidmeta.py) | `serve` repeated them on every rebuild; the tree was made twice per build | once each |
| Validation: the state's id (`STATE`) from model/medlemsinsatser.py, not compute/medlemsinsatser.py (13 view dataclasses) | `import finsam.checks` 0.11 s CPU (min of 5, load 5) | 0.087 s; the whole process's paired difference is within the noise (load 5) |
| The benchmark's processes write and reuse bytecode caches (PYTHONDONTWRITEBYTECODE removed from their environment) | in this sandbox every measured process compiled finsam afresh | as on a staff machine |
| The form editor's config.yml written by libyaml's emitter (admin_hook.py; the same text, tests/test_admin_yaml.py) | 0.13 s CPU of every build (PyYAML's Python emitter) | 0.03 s |

Third session (page weight and growth). Measured on this shared machine (load 4–22):
sizes from builds of today's data and of the benchmark's 1- and 25-year data sets; CPU
from paired builds (7 rounds, the project just before these changes against after).

| Change | Before | After |
| --- | --- | --- |
| The theme's indentation out of every page (finsam/htmlspace.py, hooks.on_post_page): each run of whitespace holding a line break becomes one line break, outside pre/code/kbd/textarea/script/style, comments and attribute values; whether there is whitespace between two things never changes (a test compares what a parser builds; screenshots of four pages at 1280 and 390 px are the same bytes) | median page 26.2 KB (gzipped 4.8 KB); at 25 years 44.3 KB | 17.9 KB (4.1 KB); 32.4 KB; about 1.5 ms CPU a page |
| A member's and an insats's page: the three newest years in full, each older year a link to its row on that year's page (compute/recent.py); 26 pages had listed every year (pages × years) | at 25 years: search index 330 KB, medlemmar/sala 35 KB, those 26 pages 1.34 s CPU (macros, Markdown and theme, in-process, one build each) | 235 KB, 19.5 KB, 0.62 s; today's site (≤ 3 years) unchanged |

25 years / 1 year, paired (7 rounds, load 4–22): before 2.54 [2.18–2.98]×, after
2.31 [2.03–2.64]×; 25 years 0.97 [0.94–1.18]× the CPU of before, 1 year 1.07
[0.92–1.42]× (the noise of the load; the compaction adds about 0.1 s).

The same session (validation, the fixed cost, the edit loop). Validation measured with
valgrind's instruction counts (independent of the load) and paired process CPU; builds
compared byte for byte (`diff -r` of site/) before and after.

| Change | Before | After |
| --- | --- | --- |
| Models without `from __future__ import annotations` (pydantic no longer evaluates 405 annotation strings; a test keeps it so) | | −34 M instructions of validating (−2.3 %) |
| `PYDANTIC_DISABLE_PLUGINS=__all__` (model/base.py; a value set outside wins) and, while plugins are off, a stand-in for pydantic's plugin loader so importlib.metadata is not imported | | −22.5 M and −56.6 M instructions (about 0.03 s) |
| Validation imports only arithmetic: compute/budget_sums.py, medlemsinsatser_split.py, equity_sums.py (the view modules re-export them); Babel on first use; a test fails if validating imports Babel, importlib.metadata or the view modules | 102 dataclasses made per validation | 75 (finsam's own 52 → 25) |
| The YAML reader resolves each plain value once; whole-file pre-checks first (same values, lines, messages) | reading the 26 files 34–41 ms CPU | 25–27 ms |
| Help-text catalogue (model/hjalptexter.yaml) read with libyaml | 0.105 s CPU of every build | 0.012 s |
| A page's description: the HTML read only until its first paragraph | about 3 % of a profiled build | |
| Validation as a whole (`python -m finsam validera data`, 9 paired runs, load 3) | 1.679 G instructions; CPU min 0.80 / median 0.91 s | 1.364 G; 0.62 / 0.71 s (0.72× paired) |
| The form editor: budget forms for the 3 newest years (finsam/cms.py `BUDGET_FORM_YEARS`; older years are corrected in GitHub's web editor) | config.yml one full form per year: 948 KB and about 0.9 s CPU at 25 years | the same size at any number of years |
| `serve`: finsam.htmlspace.compact memoised (bounded): pages whose theme render the serve cache reuses come back as the same text (3 paired rounds, load 1) | rebuild after a save 0.96 s wall (edit), 1.29 s (touch); server CPU 0.77 / 1.10 s | 0.77 s, 0.97 s; 0.58 / 0.83 s |

Fourth session (validation as a process; `python benchmarks/validate.py`: paired
fresh processes against a commit, CPU from getrusage, and instructions by valgrind,
which do not depend on the load; every bad input, fixture and the real data give the
same models and messages before and after, tests/test_validatorcache.py).

| Change | Before | After |
| --- | --- | --- |
| pydantic's validators kept between processes (finsam/validatorcache.py): each model's SchemaValidator pickled into `__pycache__/validators/`, keyed by Python, pydantic, pydantic-core and the models' source; loaded instead of made (private pydantic API, fails loudly) | making the 21 validators 78 ms CPU in-process; 1.365 G instructions | 10 ms; 1.253 G (−8.2 %); process CPU 0.93× [0.88–1.06] paired (15 rounds, load 5) |
| `python -m finsam`: the cyclic GC off while the script imports, then `gc.freeze()` | 1.253 G | 1.189 G (−5.1 %) |
| `validera [DATAKATALOG]` read without argparse (other commands use it) | 1.189 G | 1.164 G (−2.1 %) |
| The check for phone and personal numbers searches only texts with at least 7 digits (fewer cannot match; a property test) | the check 13.7 ms; 1.165 G | 4.1 ms; 1.129 G (−3.0 %) |
| The four together against the commit before them (27b153d), other engineers' changes to validation included | 1.365 G; CPU 0.73 [0.54–0.80] s | 1.129 G (0.83×); 0.52 [0.41–0.59] s, 0.72× [0.56–1.09] paired (15 rounds, load ~2.2) |

Sixth session (validation as a process, issue 15 item 3: < 0.3 s CPU with margin).
Instructions of the whole `python -m finsam validera data` (callgrind, bytecode and stores
warm; load-independent), and paired fresh processes (`benchmarks/validate.py --against`);
every fixture, the real data and every bad input give the same output, exit code, warnings
and job summary before and after (each as a process, with and without GITHUB_ACTIONS).

| Change | Before | After |
| --- | --- | --- |
| Code compiled from text kept between processes (finsam/codecache.py, installed by `python -m finsam`): the ~290 dataclass methods dataclasses writes and execs (pydantic's, annotated_types', finsam's) and the ~740 string annotations typing compiles (pydantic-core's TypedDicts), stored as marshalled code beside the bytecode, keyed by text, mode and inherited `__future__` flags; a test compares every stored code object with a fresh compile | 1 106 M instructions (parsing and compiling those texts ~190 M); CPU 0.301 [0.227–0.376] s | 935 M (−15.5 %); 0.264 [0.197–0.319] s, 0.92 [0.73–1.17]× paired (15 rounds, load 9) |

The same session (the real build's extra cost and growth). Where the real build's CPU
goes beyond its twin's, in-process (each plugin event and build stage timed with
`time.process_time` around ProperDocs' `run_event`, `Page.render` and `_build_page`;
one warm build each, two runs, load ~1; a cProfile build for the hot spots). Before
these changes (27b153d):

| Stage | Real, today (66 pages) | Twin | Real, 25 years (137) | Twin |
| --- | --- | --- | --- | --- |
| Start and load_config (imports of the hooks and mkdocs-macros: finsam, pydantic and the models, the renderers, requests) | 1.15–1.21 s | 0.34–0.48 s | 1.36 s | 0.32 s |
| The hooks' on_config (data read and checked, the tree, the downloads) | 0.17–0.25 s | – | 0.89 s | – |
| mkdocs-macros on every page (Jinja, the macros: budget tables, Babel) | 0.29–0.30 s | – | 1.31 s | – |
| Python-Markdown | 0.63–0.65 s | 0.53–0.65 s | 2.68 s | 2.91 s |
| Theme render | 0.55–0.60 s | 0.43–0.57 s | 1.17 s | 1.02 s |
| on_post_page (compaction), page descriptions, admin_hook, git dates | 0.35 s | – | 1.16 s | – |
| Whole build | 3.79–3.89 s | 1.93–2.62 s | 9.47 s | 5.06 s |

The twin has no theme bytecode cache (no hooks), so its "build rest" holds 0.2–0.3 s of
template compiling the real build does not pay. Markdown grew 7.5× from 1 to 25 years
for 2.1× the pages: the added pages are the heavy year pages (a budget page 36 ms of
Markdown), and md_in_html's parse of an HTML block slices the rest of the page at each
block (quadratic in a page's size: ekonomi/index.html 158 ms). Every change below gives
the same site byte for byte where it says so (`diff -r` of clean builds of today's data
and of the 1- and 25-year data sets).

| Change | Before | After |
| --- | --- | --- |
| finsam.format keeps each number's text (bounded lru, keyed by type and exact spelling); site._relative_sources resolves each source path once per data set (1 528 names at 25 years, in the tree and in the lastmod hook) | at 25 years in-process: the macros 1.22/1.30 s, lastmod on_config 0.10 s | 0.72/0.85 s, 0.02/0.03 s; whole process paired 0.93 [0.91–0.99]× at 25 years, today within the noise; identical site |
| finsam/rawblocks.py (speed_hook; real build only): the macros' `markdown="0"` blocks stored in Python-Markdown's stash without md_in_html's parse, only where the result is certain | Markdown of the 25-year pages 1.58 s (min of 3); today 0.367 s | 1.33 s; 0.366 s (small pages: no gain); identical site |
| Navigation of a yearly series: the 3 newest years, older years by decade (site.year_groups) | each of 25 budget pages listed 25 years; 25-year site 4 204 KB | at most 3 + one per decade + its own decade; 4 134 KB; CPU not measurable (paired 0.99×); today's site identical |
| ekonomi/index: the 3 newest years' outcomes and downloads in full; older outcomes on ekonomi/utfall-tidigare-ar (out of search), older downloads linked to the page listing them | 131.6 KB at 25 years; search index 241 KB | 70.2 KB (the rest: the year-by-year equity tables); 226 KB; with the navigation change paired 0.95 [0.82–0.97]× at 25 years; today's site identical |

All four against 27b153d, paired (4 rounds, load 1.6): 1 year 1.00 [0.93–1.27]×, 25
years 0.90 [0.87–1.06]×; 25 years / 1 year 2.47 [2.38–2.64]× then, 2.22 [1.95–2.53]× now
in the same rounds (the quiet run above gave 2.05× for 27b153d: the ratio moves with the
load). Real / twin today 1.45 [1.36–1.82]× (5 rounds, load 2.2), at 25 years 1.63
[1.39–1.89]× (load 2.9). After them, in-process: today load_config 0.65–0.83 s, macros
0.24–0.27 s, on_config 0.10–0.11 s; at 25 years Markdown 1.74 s (the twin 1.97 s),
macros 0.84 s, on_config 1.01 s, admin_hook 0.35 s.

Why the goals still missed are missed:

- Real / twin (1.5× last session, 1.45× at load 2 after this one): the twin got the same
  savings (prune, no rss plugin), so the ratio rose although the real build got 20 %
  cheaper. What only the real build does, per build (in-process, see the table above):
  imports of finsam with pydantic and its ~85 model classes, the renderers and
  mkdocs-macros' requests (load_config 0.65–0.83 s against the twin's 0.13–0.2 s: the
  largest single gap); read and check the data and make the tree (0.1 s today, 1.0 s at
  25 years: 7 yearly files a year); the macros on every page (0.25 s today); the
  compaction of every page (0.11–0.13 s: it makes the pages a third smaller, the twin's
  are not compacted); descriptions, the editor's config.yml, the git dates (0.1 s).
  Markdown is now cheaper than the twin's (rawblocks). Reaching 1.10× today needs about
  1.1 s less of these: the imports alone are 0.5–0.7 s over the twin's.
- Validation (0.5–0.65 s CPU at load 1 after the third session; after the fourth see
  its table below): the floor with pydantic, in instructions by stage
  (`python benchmarks/validate.py --instructions`, callgrind, which the load does not
  change; 1.164 G in all before the digit count of the phone check, 1.129 G after) and
  CPU by stage (`--stages`, 7 runs, load 1.1):

  | Stage, in the order `validera` meets it | Instructions | CPU |
  | --- | --- | --- |
  | Python's start (-c) | 51 M (4 %) | 0.03 s |
  | `import yaml` (with the first `re` and other standard modules) | 110 M (9 %) | 0.04 s |
  | `import pydantic_core` (its core_schema module: 79 TypedDicts) | 140 M (12 %) | 0.06 s |
  | pydantic itself (`BaseModel` & co.: its dataclasses, annotated_types, uuid, json_schema) + model/base.py | 269 M (23 %) | 0.13 s |
  | finsam.dataset: pydantic's metaclass making the 86 model classes, the reader | 170 M (15 %) | 0.08 s |
  | finsam.checks (52 checks; the arithmetic modules' dataclasses) | 57 M (5 %) | 0.03 s |
  | `validera`: the stored validators loaded (~8 ms), posts, reading 26 files, validating, 52 checks, warnings, exit | 365 M (31 %) | 0.15 s |

  The first five rows are paid before a file is read by any validation that uses
  pydantic models: 740 M instructions, 64 % of the process, about 0.3 s of CPU on this
  machine at low load, which is the goal itself. Of the last row about 290 M is the work
  a second validation in the same process repeats (reading, validating, checking,
  warnings: no one part above 10 %), the rest first-use costs (lazy imports, regexes,
  loading the validators) and the exit. What pydantic made per process that could be
  kept is kept (its validators: finsam/validatorcache.py); the model classes themselves
  (pydantic's metaclass on each of 86 classes, about 1 ms each) and pydantic's import
  cannot be kept between processes. So < 0.3 s is out of reach with pydantic: it needs a
  loader without pydantic (models as plain classes checked by our own code, or
  pydantic-core alone driven by stored schemas, i.e. a second model layer to keep in
  step) or validation in a process that stays up (as `serve` does: a data change is read
  and checked there in about 0.1 s). The largest cost left that is finsam's own: the 25
  dataclasses validating creates (the checks' arithmetic, the reader, problems, posts),
  about 40 ms CPU at load 2 (Python 3.11 compiles each generated method, ~0.2 ms each;
  pydantic's and annotated_types' own 50 dataclasses cost as much again); they are
  shared with the pages' views, so they were left as they are.
- serve: a rebuild still reads and checks all the data (about 0.1 s), runs the macros on
  every page (about 0.15 s: a macro's output depends on data it does not declare, so it
  is never reused) and writes the whole site again (ProperDocs empties the directory
  first). A change of the navigation (a page title, a year added or removed) renders
  every page's theme template afresh, and a change of the site's files every page's
  Markdown too. On a loaded machine the wall time is mostly the queue for a core.
- Median page and search index: met again (see the third session above), the index at
  25 years 226 of 250 KB after the Ekonomi page's older outcomes left search: a page that
  follows one thing through every year should use compute/recent.py's rule too.
- The real site has one page the twin lacks: admin/index.html, which admin_hook.py
  writes after the build (with the editor's config.yml); the twin is built without the
  hooks, so that work counts as the real build's only.
- 25 years / 1 year (2.22× [1.95–2.53] paired at load 1.6 after this session's changes,
  2.47× for 27b153d in the same rounds): 25 years have 2.1× the pages, and the 72 year
  pages (budget, verksamhetsplan, medlemsinsatser) cost more than the average page (a
  budget page about 36 ms of Markdown and 20 ms of macros: the synthetic years copy the
  2023 budget's ten deviations, each a paragraph). Cutting the fixed cost (which the
  real / twin goal needs) raises this ratio. What grows with the years beyond the pages:
  reading and checking 7 yearly files a year (hooks' on_config 0.1 s at 1 year, 1.0 s at
  25); the lists of source files of pages that follow something through every year
  (pages × years names, now each resolved once); the editor's config.yml (0.05 s → 0.35 s:
  cms.budget_columns still reads every budget file for the 3 forms, and each yearly
  file is listed); the year-by-year equity tables on ekonomi/index.html and the state's
  allocation model's page listing every year (one page × years each, left: they are the
  year-by-year tables readers come for). The years × years navigation and the Ekonomi
  page's outcomes and downloads were removed (table above).
- Instructions could not be counted by perf (no PMU in this VM); valgrind would take
  minutes per build, so it is used only for validation (benchmarks/validate.py).

Fifth session (the real build's fixed start-up cost). What the real build imports that
the twin does not (`-X importtime` of both builds, 3 runs each, load 2–5; importtime's
own overhead inflates these by roughly 1.5×): 332 modules, 546–574 ms of self time:
finsam 260 ms (compute/ 99 ms in 26 modules, model/ 70 ms in 22: pydantic's metaclass on
~90 classes, the renderers 39 ms, the rest 46 ms), pydantic with pydantic-core,
annotated_types and typing_inspection 118 ms, mkdocs-macros' own imports about 100 ms
(requests with urllib3, charset_normalizer, idna, http.cookiejar and certifi, only for
its `include_yaml` from a URL; hjson, packaging, super_collections), icalendar with
dateutil 55 ms (the .ics is written by every build). Each of these is used by every
build (every renderer makes a page, every model reads a file), so none could move to
where it is used without the build paying it later; mkdocs-macros' imports are a
third party's (a plugin, imported before any hook: replacing the plugin by a hook of
our own that renders the pages' Jinja would drop them and its 12 git commands, 22 ms
of child CPU). pydantic's validators are already restored by the build as by
`validera` (load_dataset → validation.validate → validatorcache.prepare: 21 restored,
0 made, and no model is completed later in the build). What was cut:

| Change | Before | After |
| --- | --- | --- |
| The cyclic garbage collector off in `properdocs build` from the first hook's import until every on_config has run, then `gc.freeze()` (macros/gc_hook.py; serve and other commands as before; `FINSAM_GC_FREEZE=0` off) | 255/23/2 collections (gen 0/1/2), about 235 ms CPU of a build (in-process, gc.callbacks; the twin 107 ms) | 166/15/0, about 70 ms; paired 0.87 [0.67–1.04]× (7 rounds, load 1.8); identical site |
| finsam's 100 frozen dataclasses made with `@frozen` (finsam/frozen.py): dataclasses compiles only `__init__`, `__setattr__`, `__delattr__`; `__repr__`, `__eq__` and `__hash__` are made from the field names without compiling (tests/test_frozen.py: every such class against a plain frozen dataclass). `slots=True` was measured too and costs more (it makes the class again) | 85 classes of 6 fields 135 ms (min of 15) | 56 ms; build paired 0.91 [0.80–0.93]× (7 rounds, load 1); validation (benchmarks/validate.py, 11 rounds) 0.48 → 0.41 s, 0.92 [0.69–1.10]×; identical site |

Both against the commit before them (30f6572), paired fresh builds, CPU: 7 rounds at
load 1.8–4.1: 0.88 [0.73–0.97]×, real / twin 1.62 → 1.41 (medians); 7 rounds at load
~5.2 (the twin in the same rounds): 0.82 [0.68–0.92]×, real / twin 1.49 [1.15–1.57]×
→ 1.07 [1.03–1.37]×. The goal (≤ 1.10×) is therefore reached in some conditions only;
`make bench` (a quiet machine, the 25-year site too) is what counts. What is left of the
real build's own fixed cost is the list above: the imports that every build uses
(pydantic and the models about 0.2 s, finsam's module bodies, mkdocs-macros' requests).

Fifth session (growth: 25 years / 1 year). Paired fresh builds (a script of
benchmarks/run.py's own functions: scaled_data, run, rounds; A and B alternating;
CPU of the child; the same node_modules for both), and in-process timers and
cProfile of one build at 1 and at 25 years for what grows with the years more than
the pages (2.1×) do:

| Change | Before | After |
| --- | --- | --- |
| The form editor's config reads only the newest budget files (cms.budget_columns(data_root, BUDGET_FORM_YEARS): newest first, stopping once the forms have their years; a newest file that does not parse is skipped as before) | finsam.cms.config at 25 years 131–143 ms (in-process, min/median of 5), 1 year 13 ms | 29–31 ms (three forms instead of one), 13–16 ms; config.yml identical |
| Tried and taken out again: the downloads' JSON written by a module of our own (json's C encoder for each object or list of scalars, the indentation as its item separator; the same bytes as json.dumps(indent=2)) | the 103 downloads at 25 years (900 KB): 27–45 ms to encode | 23–28 ms; 77 lines of delicate code for ~10 ms at 25 years and nothing measurable today, so json.dumps(indent=2) stays |
| rawblocks runs before ProperDocs' anchor pass (21.5 > 21): that pass, an HTML parse of each page's whole Markdown in Python for the strict check of links to anchors, parses only what is not a taken block; the taken blocks' ids come from their start tags with an id/name attribute, through the same parser (every page's present_anchor_ids compared with FINSAM_RAW_BLOCKS=0: today 66 pages/428 ids, 25 years 138/2 310, equal; a test per case and per golden macro output) | the anchor pass 0.23–0.26 s at 25 years, 0.03–0.04 s at 1 year (in-process) | 0.021–0.022 s, 0.016–0.019 s; whole process paired against 13267a4 (5 rounds, load 2.7): 25 years 0.93 [0.86–0.97]×, 25y/1y 2.13 [2.07–2.45] → 1.87 [1.84–2.04]× in the same rounds |

Each change gives the same 1- and 25-year sites byte for byte (`diff -r` of clean
builds before/after). All of this session's changes on main (with the fixed-cost
work above) against 30f6572, 5 rounds at load 2.4: 1 year 0.78 [0.71–0.91]×, 25 years
0.80 [0.75–0.86]×; 25 years / 1 year 2.11 [1.73–2.18]× then, 2.06 [1.85–2.19]× now:
the fixed cost fell by as much as the growth, so the ratio hardly moved. What still
grows with the years beyond the pages (cProfile, 25 years against 1): reading and
checking 7 yearly files a year (yamlload's composer and the models: 0.67 s more
under cProfile, which inflates it; already on libyaml's composer); Python-Markdown's inline processing of
the year pages' own text (the synthetic years copy the 2023 budget's ten deviations,
each a paragraph: readers' text, not overhead); the macros of those pages (budget
tables); compaction and theme rendering of larger pages. None of these is a
pages × pages term; the page descriptions (sidmeta, about 1 ms a page at any size) and
the search index (older years excluded before Material parses them) stay per page.

Sixth session (real / twin and growth, the build side). First, which real / twin was
right: 1.20 [1.07–1.62]× (make bench, 5 rounds) or 1.40× (a quick paired run)? Neither
quite. By instructions (valgrind's cachegrind, one build each, children included;
repeatable to 0.1 % and unmoved by the load), 7f90c35's real build is 8.63 G against
the twin's 6.77 G: 1.27×, and paired CPU on the same morning agreed (1.27 [1.05–1.39]×,
5 rounds). The machine's speed moves by a third within seconds (the twin alone: 1.9 s,
then 1.4 s, in consecutive builds), so five rounds spread from 1.07 to 1.62. 1.40× is
what the real build costs when the shell's PYTHONDONTWRITEBYTECODE=1 is kept in a
checkout without __pycache__: every build then compiles finsam's ~100 modules from
source (9.32 G, 1.38× by instructions; the twin imports none of them). make bench
removes that variable, as a staff machine has bytecode; so should any quick run.
`--instructions` (new) adds these counts to the report. Changes, each giving today's,
the 1-year and the 25-year sites byte for byte (`diff -r` against 7f90c35):

| Change | Before | After |
| --- | --- | --- |
| Python-Markdown's inline pass searches each pattern's expression before calling it, and moves on where it does not occur (finsam/quickinline.py, real build only; the same matches and HTML: golden pages, hypothesis texts) | Markdown of the pages in-process, A/B per page: 25 years 0.828 s, today 0.267 s; build 8.628 G (today), 21.60 G (25 years, warm) instructions | 0.706 s (0.85×), 0.232 s (0.87×); −2.2 % today, −3.2 % at 25 years |
| Each page's compiled Jinja (mkdocs-macros compiles every page's text with from_string) kept in .cache/jinja, one file per page, checked against the text and the environment (speed_hook) | from_string 0.042–0.062 s today (56 pages) | 0.012–0.014 s |
| htmlspace's kept-region pattern with possessive repeats (the same matches from every position of 2 000 hypothesis texts) | compaction 0.088 s today, 0.175 s at 25 years | 0.064 s (0.75×), 0.128 s (0.70×) |
| A page's first paragraph (its description) looked for in pieces of 512 characters doubling to 8 KB, not 4 KB | 0.029–0.042 s today, 0.076–0.105 s at 25 years | 0.012–0.017 s, 0.027–0.031 s |
| text.inline by str.split, str.replace and one regex, not a loop over the characters (hypothesis test against the loop) | 0.055–0.078 s at 25 years (4 867 calls) | 0.032–0.042 s |
| finsam/codecache.py (the valid helper's) installed by a hook before finsam is imported (macros/codecache_hook.py) | 7.962 G instructions today | 7.622 G (−4.3 %) |

All of them, by instructions: today 8.628 G → 7.624 G (real / twin 1.274 → 1.126×);
25 years 21.60 G → 18.97 G (twin 15.97 G: 1.352 → 1.188×); 1 year 8.481 G → 7.482 G;
25 years / 1 year 2.547 → 2.535×. Paired CPU against 7f90c35 (fresh processes, load
1.2–1.9): today 0.90 [0.80–0.97]× (7 rounds), real / twin 1.29 [1.20–1.68]× → 1.18
[1.14–1.34]× in the same rounds; 25 years 0.91 [0.87–1.13]×, 1 year 0.96 [0.83–1.03]×
(5 rounds), real / twin at 25 years 1.35 [1.02–1.68]× → 1.27 [0.92–1.46]×, 25 years / 1
year 2.05 [1.62–2.37]× → 2.20 [1.89–2.26]× (within the noise of each other: the cuts
were as large at 1 year as at 25, so the ratio did not fall). Both goals are still missed.

What is left, and why. Real / twin: the real build's own work that the twin does not
do, today about 0.85 G of instructions: imports every build uses (finsam, pydantic and
its models, icalendar, and mkdocs-macros' requests, urllib3, charset_normalizer, idna,
hjson: about 0.085 s CPU, imported when ProperDocs loads the plugin, before any hook
runs, for `is_on_pypi`, which runs only when a configured pluglet is missing; no hook
can get there first, so only replacing the plugin by a hook of our own that renders
the pages' Jinja would drop it, with its 12 git commands (0.028 s) and its JSON dump
of every variable for the debug log: about 0.14 s a build, but DESIGN.md makes
mkdocs-macros the adapter, so that is a design decision, not taken here); reading and
checking the data (the loader: the valid helper's side); the macros themselves;
compaction, descriptions, the editor's config, the git dates. A persistent cache of
pages' Markdown → HTML across clean builds would cut the shared part too, but it is a
cache of output, not of code, and was not made. Growth: by instructions the 25-year
build is still about 2.4–2.5× the 1-year one (CPU: the 1-year build's CPU holds more
that is not instructions: page faults and file reads of the imports); what grows is
the 75 year pages' own text, tables and nav (budget pages copy 2023's ten deviations,
each a paragraph, into every synthetic year), reading 7 files a year (the loader:
display_path alone costs ~60–170 µs a file, 576 calls at 25 years, and 4 separate
walks of the data tree by the checks), the downloads (JSON by the Python encoder,
indent=2; a C-encoder variant was tried and taken out last session). Calls per page of
Material's nav macro go from 18 (1 year) to 23 (25 years), the decade groups; no
function's calls grow with pages × pages.

Seventh session (2026-12-02, an Intel Xeon machine, quiet: load 0.5). Each change gives
the same sites byte for byte. By instructions (cachegrind, the build process; the git
children add about 0.09 G to both real builds):

| Change | Before | After |
| --- | --- | --- |
| macros/sitecustomize.py: in a ProperDocs process `requests` is a stand-in that imports the real package on first use (mkdocs-macros imports it when ProperDocs loads the plugin, for is_on_pypi only; Python loads sitecustomize from PYTHONPATH, which make, CI and the benchmark set; `FINSAM_DEFER_IMPORTS=0` off) | 7.544 G | 7.373 G (−2.3 %) |
| admin_hook keeps config.yml in .cache/admin, one file per key (Python, PyYAML, settings, the budget files' bytes, the text of finsam/ and the hook), the newest 8; the models' walk and PyYAML's representer only on a new key | 7.373 G | 7.19 G (−2.5 %; a miss costs 0.19 G) |
| admin_hook hard-links Decap's 98 files (6.5 MB) from node_modules instead of copying them | 8 ms CPU (system) | 1 ms |
| finsam/regexcache.py (valid3): `python -m finsam` puts the regular expressions an earlier run compiled back into re's cache (PyYAML's NON_PRINTABLE alone 57 M); display_path without Path.relative_to per call; the checks' walks without a generator per value; difflib only for a message that needs it | validation 936 M | 790 M (−15.3 %); CPU paired 0.92× |
| format.date and day_month cached (growth2); unfilled.marked_paths without a generator per value; toc without a "[TOC]" marker (`marker: ""`) | 1 y 7.140 G, 25 y 18.465 G | 7.071 G, 18.083 G |

Result (make bench --instructions, this session): real / twin 1.069× today (7.21 vs
6.75 G; CPU 1.12 [1.10–1.17]×), 1.138× at 25 years (CPU 1.13×), 25 years / 1 year
2.556× (CPU 2.07×), validation 0.14 s CPU. CPU and instructions disagree on real / twin
because the real build's extra work is also memory: 74 MB against the twin's 45 MB at
its peak, 18 300 page faults against 9 100 (system time 0.08 against 0.04 s), from
finsam's imports (icalendar 4.5 MB, the renderers 6.6 MB), the data and the pages'
macros; mkdocs-macros' 12 git commands (its `git` variable, unused here) are 1.4 % of
the CPU (paired, with the commands stubbed), and its debug dumps of every variable are
computed even when not logged: both live inside the plugin and were left. Growth: the
75 year pages are 7.2 of the 25-year build's 18.3 G (Python-Markdown about 5 ms and
Material's template about 3.5 ms a page on the pages' own text), loading, checks and
downloads 0.36 → 2.76 G, the pages that list every year (ekonomi 0.10 → 0.45 G, möten,
utfall, the members' pages) the rest; the year-independent pages cost the same at 1
and 25 years and Material's nav does not grow with them (navigation.prune), so there is
no pages × pages term; 2.0× would need the 25-year build about 4 G smaller, some 40 % of
what the year pages, the loader and the downloads cost.

Eighth session (2026-12-02, an AMD EPYC machine; load 0.3–1.3, and the CPU time of
the same build varies by ±15–35 % from round to round here, so the instruction counts
decide). Each change gives the same sites byte for byte (today's data and 25 years,
against the session's first commit). By instructions (cachegrind, the build process
only; today, then 25 years):

| Change | Before | After |
| --- | --- | --- |
| htmlspace.compact: each run of whitespace made one in two passes that begin with a literal line break (re jumps from line break to line break instead of trying `[ \t\r\f]*\n` at every character; the second pass on the reversed text), over the page's text pieces joined once | 7.11 G, 17.97 G | 6.92 G, 17.36 G (compact 163 → 64 ms at 25 years, in-process) |
| finsam/yamlcache.py: what reading each data file gave (values and lines) kept by its bytes, under a header of the loader's source, PyYAML and Python; a file with a problem is always read afresh (FINSAM_YAMLCACHE=av off) | 6.92 G, 17.36 G | 6.80 G, 16.44 G (validating 25 years: 0.34 → 0.15 s in-process) |
| budget_page_view and medlemsinsatser_view once per data set (memo.by_identity): the year's page, the lists, each member's page and the downloads each asked for every year's view | 6.80 G, 16.44 G | 6.77 G, 16.09 G |
| text.inline kept per text, urls.relative per pair (lru_cache; posixpath.relpath asks for the working directory every call) | 6.77 G, 16.09 G | 6.76 G, 15.98 G |

The benchmark's cold rows now switch off every cache a build keeps for the next one
(NO_CACHES: templates, data files read, validators, generated code, the editor's
config.yml) and build the 25-year site cold too. Result (make bench --instructions
--runs 7, load 1.0–1.3): real / twin 1.014× today and 1.012× at 25 years by
instructions (CPU 0.97× and 1.13×, the rounds' ratios spanning 0.88–1.24 and
0.93–1.35); validation 0.16 s CPU. Growth stays above the goal: 2.389× by
instructions (CPU 2.45×, rounds 1.96–2.56). What remains is not
the build's own work: the flattened twin of the 25-year site, a plain Material site of
the same pages without macros or hooks, is 2.354× the twin of today's site, because
the site has three pages for every year (budget, verksamhetsplan, medlemsinsatser:
140 pages against 67) and each page costs Python-Markdown and Material's template
about the same at 1 and at 25 years (real build 101 M instructions a page at 1 year,
115 M at 25 years, as the twin's 101 and 114 M: year pages are heavier than the
average page). No pages × pages term is left (CPU per page 20, 22, 23 ms at 1, 5, 25
years, within the rounds' spread; 101 and 115 M instructions). Reaching 2.0× would take fewer pages per year or a cheaper page than a plain
Material page; both are decisions about the site, not this issue's build work.
Seen and left: mkdocs-macros' 12 git commands (a fixed cost: removing it would raise
the growth ratio, not lower it), ProperDocs making a new Python-Markdown instance for
every page (~0.5 ms), the personal-data check's walk of every value (~25 ms at 25
years), the JSON downloads through json's Python encoder (indent=2; ~20 ms at 25 years).
"""


# -- measuring --------------------------------------------------------------


class Run(NamedTuple):
    wall: float
    cpu: float
    load: float  # 1-minute load average when the run started
    instructions: float | None = None
    out: str = ""


def _perf_available() -> str | None:
    """None when ``perf stat`` can count user-space instructions here, else the reason."""
    if not shutil.which("perf"):
        return "perf is not installed (Debian: linux-perf)"
    try:
        r = subprocess.run(["perf", "stat", "-x,", "-e", "instructions:u", "true"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError) as err:
        return f"perf failed: {err}"
    if "<not supported>" in r.stderr or "<not counted>" in r.stderr or r.returncode != 0:
        return "perf cannot count instructions on this machine (no hardware counters exposed to the VM: " + (
            r.stderr.strip().splitlines() or ["?"])[-1] + ")"
    return None


PERF_MISSING = None  # set in main()


def run(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> Run:
    """One process, timed: wall, CPU (user + system of the child) and the load when it started."""
    count = PERF_MISSING is None
    full = (["perf", "stat", "-x,", "-e", "instructions:u", "--"] + cmd) if count else cmd
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(full, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    instructions = None
    if count:
        m = re.search(r"^([0-9]+),[^,]*,instructions", result.stderr, re.M)
        instructions = float(m.group(1)) if m else None
    return Run(wall, cpu, load, instructions, result.stdout + result.stderr)


# What a build keeps for the next one, all off: compiled templates (macros/speed_hook.py,
# render/templating.py), data files read (finsam/yamlcache.py), pydantic's validators
# (finsam/validatorcache.py), the code dataclasses and typing compile (finsam/codecache.py)
# and the editor's config.yml (macros/admin_hook.py). Python's own bytecode stays on, as
# on a staff machine.
NO_CACHES = {"FINSAM_JINJA_CACHE": "0", "FINSAM_YAMLCACHE": "av", "FINSAM_VALIDATORCACHE": "av",
             "FINSAM_CODECACHE": "av", "FINSAM_ADMIN_CACHE": "0"}


def build(config: Path, site: Path, data: Path | None = None, extra: list[str] = (), env_extra: dict | None = None) -> Run:
    env = dict(ENV, **(env_extra or {}))
    if data is not None:
        env["FINSAM_DATA"] = str(data)
    return run([sys.executable, *extra, "-m", "properdocs", "build", "--strict", "-f", str(config), "-d", str(site)], env)


def cachegrind_total(directory: Path) -> int:
    """The instructions in the cachegrind files of ``directory`` (one per process)."""
    total = 0
    for path in sorted(directory.glob("cg.*")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("summary:"):
                total += int(line.split()[1])
    return total


def instructions(config: Path, site: Path, data: Path | None = None) -> int:
    """User-space instructions of one build under valgrind (cachegrind, no cache simulation),
    its child processes (git) included. Independent of the machine's load; ~50x slower."""
    env = dict(ENV)
    if data is not None:
        env["FINSAM_DATA"] = str(data)
    with tempfile.TemporaryDirectory(prefix="finsam-cg-") as tmp:
        cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--branch-sim=no", "--trace-children=yes",
               f"--cachegrind-out-file={tmp}/cg.%p",
               sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(config), "-d", str(site)]
        result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"failed under valgrind: {' '.join(cmd)}\n{result.stderr[-4000:]}")
        return cachegrind_total(Path(tmp))


def checkout(ref: str, dest: Path) -> Path:
    """The project at ``ref``, as a clone with its history (the build reads git dates)."""
    subprocess.run(["git", "clone", "-q", "--shared", "--no-checkout", str(ROOT), str(dest)], check=True)
    subprocess.run(["git", "-C", str(dest), "checkout", "-q", "--detach", ref], check=True)
    return dest


def rounds(jobs: dict[str, callable], n: int) -> dict[str, list[Run]]:
    """``n`` rounds; each round runs every job once, in alternating order (A B, B A, ...)."""
    names = list(jobs)
    out: dict[str, list[Run]] = {k: [] for k in names}
    for i in range(n):
        for name in (names if i % 2 == 0 else names[::-1]):
            out[name].append(jobs[name]())
        print(f"  round {i + 1}/{n}: " + ", ".join(
            f"{k} {out[k][-1].wall:.2f} s wall / {out[k][-1].cpu:.2f} s CPU" for k in names)
            + f" (load {out[names[0]][-1].load:.1f})", flush=True)
    return out


def med(values: list[float], fmt: str = "{:.2f}", unit: str = "") -> str:
    """'median [min–max]'."""
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    return f"{fmt.format(statistics.median(values))}{unit} [{fmt.format(min(values))}–{fmt.format(max(values))}]"


def ratios(a: list[Run], b: list[Run], attr: str) -> list[float]:
    return [getattr(x, attr) / getattr(y, attr) for x, y in zip(a, b) if getattr(x, attr) and getattr(y, attr)]


def loads(*series: list[Run]) -> str:
    values = [r.load for s in series for r in s]
    return f"{statistics.median(values):.1f} [{min(values):.1f}–{max(values):.1f}]"


# -- the flattened twin -----------------------------------------------------


def dump_real_build(work: Path, data: Path | None = None) -> dict:
    """Build the real site in-process with a plugin that keeps every page's final Markdown."""
    import properdocs.replacement  # noqa: F401  (mkdocs.* imports of plugins and hooks go to ProperDocs)
    from properdocs.commands.build import build
    from properdocs.config import load_config
    from properdocs.plugins import BasePlugin, event_priority

    captured: dict = {"pages": {}, "nav": None, "site_name": None, "generated": set(), "files": {}}

    class Dump(BasePlugin):
        @event_priority(-1000)  # after the hooks have expanded the nav
        def on_config(self, config):
            captured["nav"] = config.nav
            captured["site_name"] = str(config.site_name)

        @event_priority(-1000)
        def on_files(self, files, config):
            captured["generated"] = {f.src_uri for f in files if f.generated_by}
            # Generated downloads (CSV, JSON, the .ics) are frozen into the twin as files.
            captured["files"] = {
                f.src_uri: f.content_bytes for f in files if f.generated_by and not f.src_uri.endswith(".md")
            }

        @event_priority(-1000)  # after mkdocs-macros has rendered the page
        def on_page_markdown(self, markdown, page, config, files):
            captured["pages"][page.file.src_uri] = (dict(page.meta), markdown)

    os.environ.update(FINSAM_IDAG=BUILD_DATE, NO_MKDOCS_2_WARNING="1")
    if data is not None:
        os.environ["FINSAM_DATA"] = str(data)
    else:
        os.environ.pop("FINSAM_DATA", None)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(work / "dump-site"))
    config.plugins["finsam-bench-dump"] = Dump()
    config.plugins.on_startup(command="build", dirty=False)  # as `properdocs build` does
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return captured


def write_twin(work: Path, captured: dict) -> Path:
    """docs/ with every page's frozen Markdown, and a config without macros and hooks."""
    import yaml
    from properdocs.utils.yaml import yaml_load

    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("*.md"))
    for src_uri, content in captured.get("files", {}).items():
        target = docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for src_uri, (meta, markdown) in captured["pages"].items():
        target = docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        # The hooks give titles and descriptions as escaped Markup: the twin (no hooks)
        # gets the same escaped text as plain strings, so its pages print the same.
        front = f"---\n{yaml.safe_dump(_plain_nav(meta), allow_unicode=True)}---\n\n" if meta else ""
        target.write_text(front + markdown, encoding="utf-8")

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        raw = yaml_load(f)
    plugins = [p for p in raw.get("plugins", []) if (p if isinstance(p, str) else next(iter(p))) != "macros"]
    twin = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": "docs",
        "site_name": captured["site_name"],
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
        "plugins": plugins,
        "hooks": [],
        "watch": [],
        "nav": _plain_nav(captured["nav"]),
    }
    config = work / "mkdocs.yml"
    config.write_text(yaml.safe_dump(twin, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def _plain_nav(nav):
    """The nav (or a page's front matter) with plain str values (the hooks give Markup, which YAML cannot write)."""
    if isinstance(nav, list):
        return [_plain_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {str(k): _plain_nav(v) for k, v in nav.items()}
    return str(nav) if isinstance(nav, str) else nav


# -- scaled data sets -------------------------------------------------------

YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])")
REFERENCE = re.compile(r"^\s*(?:- )?(?:kalla|kallor|befolkning|forbundsordning|beslut_kalla)\s*:")


def scaled_data(source: Path, years: int, dest: Path) -> tuple[Path, str]:
    """A copy of ``source`` with ``years`` years of data; returns it and how it was made."""
    from finsam.dataset import COLLECTIONS

    shutil.copytree(source, dest)
    keyed = []
    for coll in COLLECTIONS:
        if "*" not in coll.pattern:
            continue
        files = sorted(dest.glob(coll.pattern))
        if files and all(re.fullmatch(r"[0-9]{4}", p.stem) for p in files):
            keyed.append((coll, files))
    if keyed:
        from finsam.dataset import load_dataset
        from finsam.problems import DataError

        for coll, files in keyed:
            latest = files[-1]
            for old in files[:-1]:
                old.unlink()  # year 1 = the latest year alone
            base = int(latest.stem)
            text = latest.read_text(encoding="utf-8")
            for k in range(1, years):
                shifted = "".join(
                    # references to other files (sources, population figures, a förbundsordning
                    # version) stay as they are: those files are not copied forward
                    line if REFERENCE.match(line) else YEAR.sub(lambda m: str(int(m.group(1)) + k), line)
                    for line in text.splitlines(keepends=True)
                )
                latest.with_name(f"{base + k}.yaml").write_text(shifted, encoding="utf-8")
        # A collection whose shifted copies the checks refuse (a figure that must match
        # another year's data, say) is put back as it was, and named in the report.
        skipped = []
        for _ in range(len(keyed) + 3):
            try:
                load_dataset(dest)
                break
            except DataError as err:
                # A page reference to a year just removed (year 1 = the latest year alone)
                # points nowhere now: the reference goes, as staff would remove it.
                dangling = [p for p in err.problems if p.check == "sidor_finns"]
                if dangling and len(dangling) == len(err.problems):
                    for p in dangling:
                        path = Path(p.file)
                        lines = path.read_text(encoding="utf-8").split("\n")
                        lines[p.line - 1] = re.sub(r":\s*\S.*$", ": null", lines[p.line - 1])
                        path.write_text("\n".join(lines), encoding="utf-8")
                    continue
                bad = [c for c, _ in keyed if c not in skipped and any(
                    Path(p.file).resolve().match(c.pattern) or c.pattern.split("/")[0] in p.file for p in err.problems)]
                if not bad:
                    raise
                for coll in bad:
                    skipped.append(coll)
                    for f in dest.glob(coll.pattern):
                        f.unlink()
                    for f in source.glob(coll.pattern):
                        shutil.copy2(f, dest / f.relative_to(source))
        scaled_colls = [c.pattern for c, _ in keyed if c not in skipped]
        refused = ", ".join(c.pattern for c in skipped)
        if scaled_colls:
            how = "per-year files (" + ", ".join(scaled_colls) + ") copied forward from the latest year"
            return dest, how + (f"; not scaled, the checks refuse shifted copies: {refused}" if skipped else "")
        note = f" (the checks refuse shifted copies of {refused})"
    else:
        note = ""

    # No per-year files yet: one förbundsordning version per year instead.
    versions = sorted(dest.glob("forbundsordning/*.yaml"))
    current = next(p for p in versions if re.search(r"^giltig_till: *(null|~)? *$", p.read_text(encoding="utf-8"), re.M))
    text = current.read_text(encoding="utf-8")
    start = int(re.search(r"^giltig_fran: *([0-9]{4})-01-01", text, re.M).group(1))
    previous = current
    for k in range(1, years):
        year = start + k
        prev_text = previous.read_text(encoding="utf-8")
        previous.write_text(
            re.sub(r"^giltig_till:.*$", f"giltig_till: {year - 1}-12-31", prev_text, flags=re.M), encoding="utf-8"
        )
        new = current.with_name(f"{year}-01-01.yaml")
        # every date of the start (giltig_fran, a bildande rule) moves with the version
        new.write_text(text.replace(f"{start}-01-01", f"{year}-01-01"), encoding="utf-8")
        previous = new
    return dest, "the förbundsordning in force split into one version (and page) per year" + (note or " (no per-year files yet)")


# -- imports inside the real build -------------------------------------------

# Who imported a module first decides whom it is credited to: the outermost
# importer (from the root of -X importtime's tree) that is one of these.
OWNERS = {
    "properdocs": "ProperDocs (the engine)",
    "mkdocs": "ProperDocs (the engine)",
    "material": "Material (theme, search and blog plugins)",
    "mkdocs_rss_plugin": "mkdocs-rss-plugin",
    "mkdocs_macros": "mkdocs-macros",
    "finsam": "finsam (hooks, macros adapter, package)",
    "main": "finsam (hooks, macros adapter, package)",
    "hooks": "finsam (hooks, macros adapter, package)",
    "lastmod_hook": "finsam (hooks, macros adapter, package)",
}


def parse_importtime(stderr: str) -> list[tuple[str, str, float]]:
    """(owner, top-level package, self seconds) for every module in ``-X importtime`` output."""
    stack: list[dict] = []
    for line in stderr.splitlines():
        m = re.match(r"import time:\s+([0-9]+) \|\s+([0-9]+) \| ( *)(\S+)", line)
        if not m:
            continue
        node = {"name": m.group(4), "level": len(m.group(3)) // 2, "self": int(m.group(1)) / 1e6, "children": []}
        while stack and stack[-1]["level"] > node["level"]:
            node["children"].insert(0, stack.pop())
        stack.append(node)
    out = []

    def walk(node, owner):
        top = node["name"].split(".")[0]
        owner = owner or OWNERS.get(top)
        out.append((owner or "other (Python, shared libraries)", top, node["self"]))
        for child in node["children"]:
            walk(child, owner)

    for root in stack:
        walk(root, None)
    return out


def import_breakdown(work: Path, n: int) -> tuple[list[tuple[str, float, list[tuple[str, float]]]], float]:
    """Median over ``n`` real builds run with -X importtime: per owner, its total and its heaviest packages."""
    per_run = []
    for i in range(n):
        r = build(ROOT / "mkdocs.yml", work / f"imports-site-{i}", extra=["-X", "importtime"])
        per_run.append(parse_importtime(r.out))
    owners: dict[str, list[float]] = {}
    packages: dict[tuple[str, str], list[float]] = {}
    totals = []
    for rows in per_run:
        o: dict[str, float] = {}
        p: dict[tuple[str, str], float] = {}
        for owner, top, sec in rows:
            o[owner] = o.get(owner, 0) + sec
            p[(owner, top)] = p.get((owner, top), 0) + sec
        totals.append(sum(o.values()))
        for k, v in o.items():
            owners.setdefault(k, []).append(v)
        for k, v in p.items():
            packages.setdefault(k, []).append(v)
    result = []
    for owner, values in sorted(owners.items(), key=lambda kv: -statistics.median(kv[1])):
        tops = sorted(((top, statistics.median(v)) for (o, top), v in packages.items() if o == owner), key=lambda kv: -kv[1])
        result.append((owner, statistics.median(values), tops[:6]))
    return result, statistics.median(totals)


# -- validation, the pull request's data job, serve ---------------------------


def validate(data: Path = ROOT / "data") -> Run:
    return run([sys.executable, "-m", "finsam", "validera", str(data)])


def ci_data_job(work: Path) -> tuple[Run, Run]:
    """The pull request workflow's data job (.github/workflows/pr.yml), locally: a fresh
    venv with requirements-validate.txt, which is all that job installs (from the pip
    cache, as actions/setup-python's cache gives), then the validation."""
    venv = work / "ci-venv"
    setup_cmd = (
        f"{sys.executable} -m venv {venv} && {venv}/bin/python -m pip install --quiet "
        f"--disable-pip-version-check -r {ROOT / 'requirements-validate.txt'}"
    )
    setup = run(["bash", "-c", setup_cmd])
    check = run([str(venv / "bin" / "python"), "-m", "finsam", "validera", "data"])
    return setup, check


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.read()
    except OSError:
        return None


def _proc_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


EDITED = re.compile(r"^(\s*text: )(.+)$", re.M)


def _start_server(copy: Path, port: int, env: dict) -> subprocess.Popen | str:
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", port)) == 0:
            return f"port {port} is in use; serve not measured"
    proc = subprocess.Popen(
        [sys.executable, "-m", "properdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.time() + 600
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if _get(f"http://127.0.0.1:{port}/") is not None:
            return proc
    return "serve did not start: " + (proc.stderr.read()[-500:] if proc.poll() is not None else "timeout")


def serve_rebuilds(work: Path, n: int) -> tuple[dict[str, list[Run]], str]:
    """Two ``properdocs serve --strict`` servers on copies of the project: one as it is
    (the serve hook's cache on) and one with FINSAM_SERVE_CACHE=0 (every rebuild a full
    build, as before the hook). Each round saves a data file in both, in alternating
    order, and times each until the rebuilt page is served (the livereload epoch in the
    served page changes); CPU is the server process's own during the rebuild. Even
    rounds *edit* data/forbund.yaml (a text field changes, so pages change); odd rounds
    save data/budget/ unchanged (touch)."""
    servers = {}
    how = "not measured"
    try:
        for name, port, extra in (("cache", SERVE_PORT, {}), ("no-cache", SERVE_PORT + 1, {"FINSAM_SERVE_CACHE": "0"})):
            copy = work / f"serve-{name}"
            shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "site", "node_modules", ".git", "__pycache__", "benchmarks", ".cache"))
            proc = _start_server(copy, port, dict(ENV, **extra))
            if isinstance(proc, str):
                return {}, proc
            servers[name] = (proc, copy, port)
        epoch = re.compile(rb"livereload\(([0-9]+),")
        out: dict[str, list[Run]] = {f"{k}-{kind}": [] for k in servers for kind in ("edit", "touch")}
        for i in range(2 * n):
            kind = "edit" if i % 2 == 0 else "touch"
            names = list(servers) if (i // 2) % 2 == 0 else list(servers)[::-1]
            for name in names:
                proc, copy, port = servers[name]
                page = f"http://127.0.0.1:{port}/"
                time.sleep(1.5)  # let the machine settle
                old = epoch.search(_get(page) or b"")
                old = old.group(1).decode() if old else "0"
                load = os.getloadavg()[0]
                cpu0 = _proc_cpu(proc.pid)
                started = time.perf_counter()
                if kind == "edit":
                    path = copy / "data" / "forbund.yaml"
                    text = path.read_text(encoding="utf-8")
                    if " (ändrad)" in text:
                        text = text.replace(" (ändrad)", "", 1)
                    else:
                        text = EDITED.sub(lambda m: m.group(1) + m.group(2) + " (ändrad)", text, count=1)
                    path.write_text(text, encoding="utf-8")
                else:
                    budget = sorted((copy / "data" / "budget").glob("*.yaml"))
                    os.utime(budget[-1] if budget else copy / "data" / "forbund.yaml")
                # As the browser learns of it: the livereload long poll answers when a build
                # newer than ``old`` is visible; then the page is fetched, as the browser reloads.
                while time.perf_counter() - started < 120:
                    try:
                        with urllib.request.urlopen(f"{page}livereload/{old}/{i}", timeout=120) as resp:
                            newer = int(resp.read()) > int(old)
                    except (OSError, ValueError):
                        newer = False
                    if newer and _get(page) is not None:
                        break
                else:
                    return out, f"the rebuilt page did not appear within 120 s ({name}, {kind})"
                out[f"{name}-{kind}"].append(Run(time.perf_counter() - started, _proc_cpu(proc.pid) - cpu0, load))
            print(f"  round {i + 1}/{2 * n} ({kind}): " + ", ".join(
                f"{k} {out[f'{k}-{kind}'][-1].wall:.2f} s wall / {out[f'{k}-{kind}'][-1].cpu:.2f} s CPU" for k in servers), flush=True)
        how = ("edit: a `text:` field of data/forbund.yaml changed (pages change); touch: data/budget/ saved unchanged;"
               " timed until ProperDocs' livereload long poll (what the browser waits on) answers and the page is fetched")
        return out, how
    finally:
        for proc, _, _ in servers.values():
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


# -- the report -------------------------------------------------------------


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import material
    import properdocs

    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "properdocs": properdocs.__version__,
        "material": getattr(material, "__version__", "?"),
    }


def page_sizes(site: Path) -> list[tuple[int, str]]:
    return sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")), reverse=True)


def search_kb(site: Path, gzipped: bool = False) -> float:
    import gzip

    index = site / "search" / "search_index.json"
    if not index.is_file():
        return float("nan")
    return (len(gzip.compress(index.read_bytes())) if gzipped else index.stat().st_size) / 1024


def shown(path: Path) -> str:
    """``path`` as the report names it: relative to the project when inside it, else absolute
    (``--out /tmp/x.md`` is outside it)."""
    path = path.resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def main() -> int:
    global PERF_MISSING
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of paired builds per comparison")
    parser.add_argument("--year-runs", type=int, help="rounds for the 1/5/25-year builds (default: --runs)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results.md"))
    parser.add_argument("--no-ci-job", action="store_true", help="skip the pull request data job (a fresh venv)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve rebuild measurement")
    parser.add_argument("--baseline", metavar="REF", help="also build the project at this git commit, paired with today's")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions with valgrind: real and twin today, 1 and 25 years (about 12 min)")
    args = parser.parse_args()
    n = args.runs
    PERF_MISSING = _perf_available()
    if args.instructions and not shutil.which("valgrind"):
        parser.error("--instructions needs valgrind (Debian: valgrind)")

    from finsam.dataset import load_dataset

    work = Path(tempfile.mkdtemp(prefix="finsam-bench-"))
    try:
        info = machine()
        print(f"Machine: {info['nproc']} CPU ({info['cpu']}), Python {info['python']}, load {os.getloadavg()[0]:.1f}")
        print("Instructions: " + ("counted with perf" if PERF_MISSING is None else PERF_MISSING))

        print("Real site vs its flattened twin (63 pages):")
        twin_config = write_twin(work / "twin", dump_real_build(work / "dump"))
        real_site, twin_site = work / "real-site", work / "twin-site"
        build(ROOT / "mkdocs.yml", real_site)  # warm the file cache once
        pair = rounds({
            "real": lambda: build(ROOT / "mkdocs.yml", real_site),
            "twin": lambda: build(twin_config, twin_site),
        }, n)
        pages_real = sorted(p.relative_to(real_site).as_posix() for p in real_site.rglob("*.html"))
        pages_twin = sorted(p.relative_to(twin_site).as_posix() for p in twin_site.rglob("*.html"))
        ratio_cpu = ratios(pair["real"], pair["twin"], "cpu")

        # What the cache of compiled theme templates buys (macros/speed_hook.py), paired.
        print("Caches between builds on vs off:")
        cache = rounds({
            "cache": lambda: build(ROOT / "mkdocs.yml", real_site),
            "no-cache": lambda: build(ROOT / "mkdocs.yml", work / "nocache-site", env_extra=NO_CACHES),
        }, n)

        base = None
        if args.baseline:
            print(f"Today's build vs the project at {args.baseline}:")
            old = checkout(args.baseline, work / "baseline")
            old_env = {"PYTHONPATH": str(old / "macros")}
            base = rounds({
                "now": lambda: build(ROOT / "mkdocs.yml", real_site),
                "baseline": lambda: build(old / "mkdocs.yml", work / "baseline-site", env_extra=old_env),
            }, n)
            old_sizes = page_sizes(work / "baseline-site")
            base_pages = (statistics.median(s for s, _ in old_sizes) / 1024, search_kb(work / "baseline-site"))

        print("Imports inside the real build (-X importtime):")
        imports, import_total = import_breakdown(work, 3)
        for owner, sec, tops in imports[:8]:
            print(f"  {owner}: {sec:.3f} s (" + ", ".join(f"{t} {s:.3f}" for t, s in tops[:4]) + ")")

        print("Validation (python -m finsam validera data):")
        validate()  # unmeasured: bytecode and pydantic's stored validators (finsam/validatorcache.py) as a staff machine has them
        validations = [validate() for _ in range(max(n, 5))]
        print(f"  wall {med([r.wall for r in validations])} s, CPU {med([r.cpu for r in validations])} s")
        load_times = []
        for _ in range(n):
            started = time.process_time()
            load_dataset(ROOT / "data")
            load_times.append(time.process_time() - started)

        ci = None
        if not args.no_ci_job:
            print("The pull request's data job, locally (fresh venv from the pip cache + validation):")
            ci = ci_data_job(work)
            print(f"  setup {ci[0].wall:.1f} s wall ({ci[0].cpu:.1f} s CPU), validation {ci[1].wall:.2f} s")

        serve, serve_how = {}, "not measured (--no-serve)"
        if not args.no_serve:
            print("properdocs serve: save a data file, time until the rebuilt page is served (cache on / off):")
            serve, serve_how = serve_rebuilds(work, n)
        serve_runs = serve.get("cache-edit", [])

        print("Years of data (1, 5, 25) and the 25-year twin:")
        datasets, hows = {}, {}
        for years in (1, 5, 25):
            datasets[years], hows[years] = scaled_data(ROOT / "data", years, work / f"data-{years}")
            load_dataset(datasets[years])  # the synthetic data must be valid, or the figure means nothing
        twin25_config = write_twin(work / "twin-25", dump_real_build(work / "dump-25", datasets[25]))
        years = rounds({
            "1y": lambda: build(ROOT / "mkdocs.yml", work / "site-1", datasets[1]),
            "5y": lambda: build(ROOT / "mkdocs.yml", work / "site-5", datasets[5]),
            "25y": lambda: build(ROOT / "mkdocs.yml", work / "site-25", datasets[25]),
            "twin25": lambda: build(twin25_config, work / "twin-25-site"),
            "25y-cold": lambda: build(ROOT / "mkdocs.yml", work / "site-25-cold", datasets[25], env_extra=NO_CACHES),
        }, args.year_runs or n)
        pages_at = {y: len(list((work / f"site-{y}").rglob("*.html"))) for y in (1, 5, 25)}
        growth_cpu = ratios(years["25y"], years["1y"], "cpu")
        ratio25_cpu = ratios(years["25y"], years["twin25"], "cpu")

        counted: dict[str, int] = {}
        if args.instructions:
            print("Instructions (valgrind, one build each):")
            for name, config, site, data in (
                ("real", ROOT / "mkdocs.yml", real_site, None),
                ("twin", twin_config, twin_site, None),
                ("1y", ROOT / "mkdocs.yml", work / "site-1", datasets[1]),
                ("25y", ROOT / "mkdocs.yml", work / "site-25", datasets[25]),
                ("twin25", twin25_config, work / "twin-25-site", None),
            ):
                counted[name] = instructions(config, site, data)
                print(f"  {name}: {counted[name] / 1e9:.3f} G", flush=True)

        sizes = page_sizes(real_site)
        median_kb = statistics.median(s for s, _ in sizes) / 1024
        sizes25 = page_sizes(work / "site-25")
        search1, search25 = search_kb(real_site), search_kb(work / "site-25")
        print(f"Pages: median {median_kb:.1f} KB, largest {sizes[0][1]} {sizes[0][0] / 1024:.1f} KB; "
              f"search index {search1:.0f} KB, at 25 years {search25:.0f} KB; largest at 25 years "
              f"{sizes25[0][1]} {sizes25[0][0] / 1024:.1f} KB")

        verdict = {
            "ratio": statistics.median(ratio_cpu) <= TARGETS["ratio"],
            "ratio25": statistics.median(ratio25_cpu) <= TARGETS["ratio"],
            "validate": statistics.median(r.cpu for r in validations) < TARGETS["validate"],
            "serve": bool(serve_runs) and statistics.median(r.wall for r in serve_runs) <= TARGETS["serve"],
            "median_page": median_kb <= TARGETS["median_page_kb"],
            "search25": search25 <= TARGETS["search_kb_25"],
            "years": statistics.median(growth_cpu) <= TARGETS["years"],
        }
        ok = lambda v: "met" if v else "**missed**"  # noqa: E731
        perpage = {y: statistics.median(r.cpu for r in years[f"{y}y"]) / pages_at[y] for y in (1, 5, 25)}

        def row(what, runs):
            return (f"| {what} | {med([r.wall for r in runs])} s | {med([r.cpu for r in runs])} s | "
                    + (f"{med([r.instructions / 1e9 for r in runs if r.instructions], '{:.2f}')} G | " if PERF_MISSING is None else "")
                    + f"{loads(runs)} |")

        inst_col = " Instructions |" if PERF_MISSING is None else ""
        inst_sep = " --- |" if PERF_MISSING is None else ""
        lines = [
            "# Benchmark results",
            "",
            "Written by `make bench` (benchmarks/run.py); do not edit by hand.",
            "",
            "Method: every build is a fresh process (`python -m properdocs build --strict`).",
            f"Comparisons are **paired**: {n} rounds, each building A and B back to back,",
            "alternating which goes first; a ratio is taken inside each round, and the",
            "figure is the median of the rounds' ratios, with their min–max in brackets.",
            "Python writes and reuses its bytecode caches (`__pycache__/`) in every measured",
            "process, as on a staff machine: the benchmark removes PYTHONDONTWRITEBYTECODE",
            "from the environment it gives them (the sandbox's shell sets it).",
            "CPU time (user + system of the build process) stands next to wall time: the",
            "machine is shared (see the load column), so wall time mostly measures the",
            "queue for a core, and the goals are judged on CPU time.",
            "Instructions: " + ("`perf stat -e instructions:u`." if PERF_MISSING is None else
                                f"not counted: {PERF_MISSING}."),
            "",
            "## Machine",
            "",
            f"- Date: {info['date']}",
            f"- CPU: {info['nproc']} × {info['cpu']}",
            f"- Python {info['python']}, {info['system']}; ProperDocs {info['properdocs']}, Material {info['material']}",
            f"- Load average (1 min) at the start of the runs: {loads([r for v in pair.values() for r in v])}",
            "",
            "## Goals",
            "",
            "| What | Figure | Goal | |",
            "| --- | --- | --- | --- |",
            f"| Real / twin, 63 pages (CPU; wall in brackets) | {med(ratio_cpu)}× ({statistics.median(ratios(pair['real'], pair['twin'], 'wall')):.2f}× wall) | ≤ {TARGETS['ratio']}× | {ok(verdict['ratio'])} |",
            f"| Real / twin, 25 years of data (CPU) | {med(ratio25_cpu)}× ({statistics.median(ratios(years['25y'], years['twin25'], 'wall')):.2f}× wall) | ≤ {TARGETS['ratio']}× | {ok(verdict['ratio25'])} |",
            f"| Validate all data, a process (CPU) | {med([r.cpu for r in validations])} s (wall {med([r.wall for r in validations])} s) | < {TARGETS['validate']} s | {ok(verdict['validate'])} |",
            f"| `serve`: data file edited and saved → rebuilt page served (wall) | {med([r.wall for r in serve_runs])} s (server CPU {med([r.cpu for r in serve_runs])} s, load {loads(serve_runs) if serve_runs else '–'}) | ≤ {TARGETS['serve']} s | {ok(verdict['serve'])} |",
            f"| Median page HTML ({len(sizes)} pages) | {median_kb:.1f} KB | ≤ {TARGETS['median_page_kb']} KB | {ok(verdict['median_page'])} |",
            f"| Search index at 25 years of data | {search25:.0f} KB (today {search1:.0f} KB) | ≤ {TARGETS['search_kb_25']} KB | {ok(verdict['search25'])} |",
            f"| 25 years / 1 year (CPU) | {med(growth_cpu)}× ({pages_at[25]} vs {pages_at[1]} pages) | ≤ {TARGETS['years']}× | {ok(verdict['years'])} |",
            *([
                f"| Real / twin, 63 pages (instructions) | {counted['real'] / counted['twin']:.3f}× | ≤ {TARGETS['ratio']}× | {ok(counted['real'] / counted['twin'] <= TARGETS['ratio'])} |",
                f"| Real / twin, 25 years of data (instructions) | {counted['25y'] / counted['twin25']:.3f}× | ≤ {TARGETS['ratio']}× | {ok(counted['25y'] / counted['twin25'] <= TARGETS['ratio'])} |",
                f"| 25 years / 1 year (instructions) | {counted['25y'] / counted['1y']:.3f}× | ≤ {TARGETS['years']}× | {ok(counted['25y'] / counted['1y'] <= TARGETS['years'])} |",
                "",
                "By instructions (valgrind's cachegrind, one build each, child processes included; the",
                "machine's load does not change them): real / twin "
                f"{counted['real'] / counted['twin']:.3f}× today ({counted['real'] / 1e9:.2f} vs {counted['twin'] / 1e9:.2f} G), "
                f"{counted['25y'] / counted['twin25']:.3f}× at 25 years ({counted['25y'] / 1e9:.2f} vs {counted['twin25'] / 1e9:.2f} G); "
                f"25 years / 1 year {counted['25y'] / counted['1y']:.3f}× ({counted['1y'] / 1e9:.2f} G at 1 year). "
                f"Per page: {counted['1y'] / pages_at[1] / 1e6:.0f} M at 1 year, {counted['25y'] / pages_at[25] / 1e6:.0f} M at 25 years. "
                f"A plain Material site of the same pages grows too: the twin of the 25-year site is "
                f"{counted['twin25'] / counted['twin']:.3f}× the twin of today's site ({pages_at[25]} against {len(pages_twin)} pages).",
            ] if counted else []),
            "",
            "## Builds",
            "",
            f"| Build | Wall | CPU |{inst_col} Load |",
            f"| --- | --- | --- |{inst_sep} --- |",
            row(f"Real site, {len(pages_real)} pages", pair["real"]),
            row(f"Flattened twin, {len(pages_twin)} pages" + ("" if pages_real == pages_twin else " (**pages differ from the real site's**)"), pair["twin"]),
            row(f"1 year of data, {pages_at[1]} pages", years["1y"]),
            row(f"5 years of data, {pages_at[5]} pages", years["5y"]),
            row(f"25 years of data, {pages_at[25]} pages", years["25y"]),
            row("Flattened twin of the 25-year site", years["twin25"]),
            row("25 years of data, without the caches between builds", years["25y-cold"]),
            row("Real site without the caches between builds", cache["no-cache"]),
            "",
            "Without the caches between builds: " + " ".join(f"{k}={v}" for k, v in NO_CACHES.items())
            + " (compiled templates, data files read, validators, generated code, the editor's config.yml;"
            " Python's own bytecode stays).",
            "",
            f"The caches between builds save {med([a - b for a, b in zip((r.cpu for r in cache['no-cache']), (r.cpu for r in cache['cache']))])} s CPU"
            f" per build (paired, {n} rounds).",
            "",
            "CPU per page: " + ", ".join(f"{y} year{'s' if y > 1 else ''} {perpage[y] * 1000:.0f} ms" for y in (1, 5, 25))
            + " (a pages × pages term would make this grow with the page count).",
            "",
            "## `properdocs serve` (issue 15, item 4)",
            "",
            "Two servers side by side, each on its own copy of the project (without .git, so no",
            "page dates): the serve hook's cache on (as `make serve` runs) and off",
            "(FINSAM_SERVE_CACHE=0: every rebuild a full build, as before macros/serve_hook.py).",
            f"Each round saves the file in both, in alternating order. {serve_how}.",
            "",
            "| Server | Save | Wall | Server CPU | Load |",
            "| --- | --- | --- | --- | --- |",
            *(f"| {'cache on' if k.startswith('cache') else 'cache off (FINSAM_SERVE_CACHE=0)'} | {k.rsplit('-', 1)[1]} |"
              f" {med([r.wall for r in v])} s | {med([r.cpu for r in v])} s | {loads(v)} |" for k, v in serve.items() if v),
            "",
            ("Cache on / off, server CPU per rebuild (paired): edit "
             f"{med(ratios(serve['cache-edit'], serve['no-cache-edit'], 'cpu'))}×, touch "
             f"{med(ratios(serve['cache-touch'], serve['no-cache-touch'], 'cpu'))}×." if serve.get("no-cache-edit") else ""),
            "The wall time includes the file polling (every 0.2 s with the hook, 0.5 s without) and",
            "ProperDocs' 0.1 s settle delay before a rebuild starts.",
            "",
            "## Validation and the pull request's data job (issue 13, item 10)",
            "",
            "| What | Wall | CPU | Load |",
            "| --- | --- | --- | --- |",
            f"| `python -m finsam validera data` ({len(validations)} runs) | {med([r.wall for r in validations])} s | {med([r.cpu for r in validations])} s | {loads(validations)} |",
            f"| load_dataset in-process (read, models, checks; no imports) | | {med([t * 1000 for t in load_times], '{:.0f}')} ms | |",
        ]
        if ci:
            lines += [
                f"| Data job locally: fresh venv + `pip install -r requirements-validate.txt` from the pip cache | {ci[0].wall:.1f} s | {ci[0].cpu:.1f} s | {ci[0].load:.1f} |",
                f"| Data job locally: the validation step | {ci[1].wall:.2f} s | {ci[1].cpu:.2f} s | {ci[1].load:.1f} |",
                "",
                "On GitHub the job also waits for a runner and checks out the repository",
                "(typically 5–20 s, not measurable here); setup-python restores the pip cache.",
            ]
        if base:
            lines += [
                "",
                f"## Today against the project at `{args.baseline}`",
                "",
                f"| Build | Wall | CPU |{inst_col} Load |",
                f"| --- | --- | --- |{inst_sep} --- |",
                row("Today", base["now"]),
                row(f"At {args.baseline}", base["baseline"]),
                "",
                f"Today / then (CPU, paired): {med(ratios(base['now'], base['baseline'], 'cpu'))}×. Median page then"
                f" {base_pages[0]:.1f} KB (now {median_kb:.1f} KB); search index then {base_pages[1]:.0f} KB (now {search1:.0f} KB).",
            ]
        lines += [
            "",
            "## Imports inside the real build",
            "",
            "From `python -X importtime -m properdocs build --strict` (median of 3 runs; wall",
            "time, so inflated by the load). Each module is credited to the outermost plugin",
            "or hook that imported it first (`requests`, say, is mkdocs-macros' when it",
            "imports it before Material does).",
            "",
            "| Imported by | Seconds | Heaviest packages |",
            "| --- | --- | --- |",
            *(f"| {owner} | {sec:.3f} | " + ", ".join(f"{t} {s:.3f}" for t, s in tops) + " |" for owner, sec, tops in imports),
            f"| All imports | {import_total:.3f} | |",
            "",
            "## Pages",
            "",
            f"- Median page {median_kb:.1f} KB; largest {sizes[0][1]} {sizes[0][0] / 1024:.1f} KB.",
            f"- At 25 years: median {statistics.median(s for s, _ in sizes25) / 1024:.1f} KB; largest {sizes25[0][1]} {sizes25[0][0] / 1024:.1f} KB.",
            f"- Search index (search/search_index.json): {search1:.0f} KB today, {search25:.0f} KB at 25 years"
            f" ({search_kb(real_site, True):.0f} and {search_kb(work / 'site-25', True):.0f} KB gzipped, as a server sends it).",
            "",
            "## How",
            "",
            "- Flattened twin: the real site is built once with a plugin that keeps every page's",
            "  Markdown after mkdocs-macros has run (generated pages and files included) and the",
            "  navigation after the hooks have expanded it; those are written as static files and",
            "  built with the same mkdocs.yml (INHERIT) minus the macros plugin and the hooks (so",
            "  also without the hooks' theme bytecode cache and feed writer: the twin is a plain",
            "  Material site of the same pages).",
            f"- Years of data: {hows[25]}; each synthetic data set passes `load_dataset` first.",
            "- serve: the served page's livereload epoch changes when the rebuild is visible (see",
            "  the serve section for the polling and the settle delay it includes).",
        ]
        lines += ["", "## What was changed, and what it bought", "", *NOTES.strip().splitlines()]
        Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"Written to {shown(Path(args.out))}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

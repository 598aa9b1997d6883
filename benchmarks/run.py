"""Benchmark (``make bench``): what the data layer costs, and how the build grows with years.

Not a test: it prints figures and writes them, with the machine, into
benchmarks/results.md. In one run on one machine it measures:

1. the full build of the real site against its *flattened twin*: the same pages
   as plain Markdown with the macros' output frozen (dumped from a real build by
   a plugin added here), built by the same MkDocs with the same configuration
   minus the macros plugin and the hooks. The ratio is the cost of the data layer;
2. validating the data alone (``python -m finsam validera``, and load_dataset in-process);
3. the build with 1, 5 and 25 years of data: every collection whose files are
   named by year (data/budget/2023.yaml, ...) gets synthetic later years copied
   from its latest year with every year shifted; when there is none yet, the
   förbundsordning in force is split into one version per year instead;
4. the byte size of the largest page and of the yearly-cycle page (arshjul/index.html).

Each build runs in a fresh process (``python -m properdocs build``), as a person
runs it; each time is the fastest of several interleaved runs (the machine is
shared: the fastest run is the least disturbed). Where a target is missed, the real
build is profiled with pyinstrument into benchmarks/profile.txt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "macros"))
BUILD_DATE = "2026-11-22"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", FINSAM_IDAG=BUILD_DATE, PYTHONPATH=str(ROOT / "macros"))
ENV.pop("FINSAM_DATA", None)

TARGETS = {
    "ratio": 1.25,  # real build / flattened twin
    "validate": 0.5,  # seconds
    "years": 3.0,  # 25 years / 1 year
    "page_kb": 200,
}


NOTES = """
What the profiles showed, and what was done (November 2026):

- (6 pages) PyYAML's pure-Python scanner took 95 % of loading the data (0.53 s for
  25 years). The loader now composes with libyaml where both agree (0.07 s).
- (6 pages) mkdocs-macros writes every macro to JSON for its debug log on each
  build; the macros were functools.partial objects whose repr spelt out the whole
  data set (0.45 s for 25 years). They are plain functions now (macros/main.py).
- (63 pages, all areas merged) The computed downloads were recomputed on every page
  that lists them, each year's contribution split on every member page, and the
  last-modified hook walked data/ once per page. Each is now done once per build
  (finsam/memo.py, finsam/lastmod.py): 25 years 6.75 s -> 4.26 s, and real/twin
  with 25 years 1.83x -> 1.21x.
- What remains on today's site (about 0.65 s over the twin) is a fixed cost per
  build: importing finsam with its models, checks and Babel (about 0.2 s),
  mkdocs-macros with requests and hjson (0.07 s), pydantic's first model class
  (0.04 s), loading and checking the data (0.03 s), and rendering the macros. The
  ratio falls as pages are added (1.21x at 134 pages, within the target); at 63
  pages the 1.25x target is not met without dropping pydantic or mkdocs-macros.
"""


# -- measuring --------------------------------------------------------------


def timed(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    return elapsed, result.stdout + result.stderr


def mkdocs_build(config: Path, site: Path, data: Path | None = None) -> tuple[float, float]:
    """Wall-clock seconds of one build in a fresh process, and MkDocs' own 'built in' figure."""
    env = dict(ENV)
    if data is not None:
        env["FINSAM_DATA"] = str(data)
    wall, out = timed([sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(config), "-d", str(site)], env)
    m = re.search(r"Documentation built in ([0-9.]+) seconds", out)
    return wall, float(m.group(1)) if m else float("nan")


# -- the flattened twin -----------------------------------------------------


def dump_real_build(work: Path, data: Path | None = None) -> dict:
    """Build the real site in-process with a plugin that keeps every page's final Markdown."""
    import properdocs.replacement  # noqa: F401  (as the properdocs CLI does: mkdocs.* imports are ProperDocs)
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
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
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
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
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
    """The nav with plain str titles (the hooks give Markup, which YAML cannot write)."""
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
        for _ in range(len(keyed) + 1):
            try:
                load_dataset(dest)
                break
            except DataError as err:
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
        "material": material.__version__ if hasattr(material, "__version__") else "?",
    }


def profile_build(work: Path) -> str:
    """pyinstrument over one real build in a fresh process (imports included)."""
    out = work / "profile.txt"
    cmd = [sys.executable, "-m", "pyinstrument", "--no-color", "-o", str(out), "-m", "properdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(work / "profile-site")]
    subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True, check=True)
    return out.read_text(encoding="utf-8")


OVERHEAD_SCRIPT = r"""
import json, sys, time
from pathlib import Path
marks = {}
t = time.perf_counter()
import properdocs.replacement, properdocs.commands.build, properdocs.config, material.plugins.search.plugin  # what the twin imports too
marks["for comparison, paid by both builds: import MkDocs and Material"] = time.perf_counter() - t
t = time.perf_counter()
from pydantic import BaseModel
marks["import pydantic"] = time.perf_counter() - t
t = time.perf_counter()
import mkdocs_macros.plugin
marks["import mkdocs-macros (and its requests, hjson, ...)"] = time.perf_counter() - t
t = time.perf_counter()
import finsam.dataset, finsam.render, finsam.checks
marks["import finsam (models, checks, macros, Babel)"] = time.perf_counter() - t
t = time.perf_counter()
finsam.dataset.load_dataset(Path(sys.argv[1]))
marks["load_dataset: read, validate, check all data"] = time.perf_counter() - t
print(json.dumps(marks))
"""


def overhead_breakdown() -> dict:
    """Where the real build's extra time goes, measured in a fresh process."""
    import json

    result = subprocess.run(
        [sys.executable, "-c", OVERHEAD_SCRIPT, str(ROOT / "data")], cwd=ROOT, env=ENV, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per measurement (the fastest counts)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results.md"))
    args = parser.parse_args()

    from finsam.dataset import load_dataset

    work = Path(tempfile.mkdtemp(prefix="finsam-bench-"))
    try:
        info = machine()
        print(f"Machine: {info['nproc']} CPU ({info['cpu']}), Python {info['python']}, {info['system']}")

        captured = dump_real_build(work / "dump")
        twin_config = write_twin(work / "twin", captured)
        real_site, twin_site = work / "real-site", work / "twin-site"
        real = {"wall": [], "inner": []}
        twin = {"wall": [], "inner": []}
        mkdocs_build(ROOT / "mkdocs.yml", real_site)  # warm the file cache once
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            for bucket, config in ((real, ROOT / "mkdocs.yml"), (twin, twin_config)):
                w, i = mkdocs_build(config, real_site if bucket is real else twin_site)
                bucket["wall"].append(w)
                bucket["inner"].append(i)
        # The fastest run is the one least disturbed by other work on the machine.
        real_wall, twin_wall = min(real["wall"]), min(twin["wall"])
        real_inner, twin_inner = min(real["inner"]), min(twin["inner"])
        real_median, twin_median = statistics.median(real["wall"]), statistics.median(twin["wall"])
        ratio = real_wall / twin_wall
        print(f"Real build {real_wall:.2f} s vs flattened twin {twin_wall:.2f} s (fastest of {args.runs}): ratio {ratio:.2f}")

        pages_real = sorted(p.relative_to(real_site).as_posix() for p in real_site.rglob("*.html"))
        pages_twin = sorted(p.relative_to(twin_site).as_posix() for p in twin_site.rglob("*.html"))
        same_pages = pages_real == pages_twin

        cli_times = []
        for _ in range(args.runs):
            t, _out = timed([sys.executable, "-m", "finsam", "validera", str(ROOT / "data")])
            cli_times.append(t)
        load_times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            load_dataset(ROOT / "data")
            load_times.append(time.perf_counter() - started)
        cli, load = min(cli_times), min(load_times)
        print(f"Validation: CLI {cli:.2f} s (process), load_dataset {load * 1000:.0f} ms (in-process)")

        scaled: dict[int, dict] = {}
        how = ""
        datasets = {}
        for years in (1, 5, 25):
            datasets[years], how = scaled_data(ROOT / "data", years, work / f"data-{years}")
            load_dataset(datasets[years])  # the synthetic data must be valid, or the figure means nothing
            scaled[years] = {"walls": []}
        for _ in range(args.runs):  # interleaved, like the builds above
            for years, data in datasets.items():
                wall, _inner = mkdocs_build(ROOT / "mkdocs.yml", work / f"site-{years}", data)
                scaled[years]["walls"].append(wall)
        for years, result in scaled.items():
            result["wall"] = min(result["walls"])
            result["median"] = statistics.median(result["walls"])
            result["pages"] = len(list((work / f"site-{years}").rglob("*.html")))
            print(f"{years:>2} years: {result['wall']:.2f} s (median {result['median']:.2f} s), {result['pages']} pages")
        growth = scaled[25]["wall"] / scaled[1]["wall"]

        # The same comparison with 25 years of data: the fixed costs weigh less as pages grow.
        twin25_config = write_twin(work / "twin-25", dump_real_build(work / "dump-25", datasets[25]))
        twin25 = min(mkdocs_build(twin25_config, work / "twin-25-site")[0] for _ in range(args.runs))
        ratio25 = scaled[25]["wall"] / twin25
        print(f"25 years: real {scaled[25]['wall']:.2f} s vs flattened twin {twin25:.2f} s: ratio {ratio25:.2f}")

        sizes = sorted(((p.stat().st_size, p.relative_to(real_site).as_posix()) for p in real_site.rglob("*.html")), reverse=True)
        largest = sizes[0]
        wheel = real_site / "arshjul" / "index.html"
        wheel_size = wheel.stat().st_size if wheel.is_file() else None
        print(f"Largest page: {largest[1]} {largest[0] / 1024:.1f} KB; arshjul/index.html: "
              + (f"{wheel_size / 1024:.1f} KB" if wheel_size else "not built yet"))

        verdict = {
            "ratio": ratio <= TARGETS["ratio"],
            "validate": cli < TARGETS["validate"],
            "years": growth < TARGETS["years"],
            "page_kb": largest[0] / 1024 <= TARGETS["page_kb"],
        }
        profile_lines: list[str] = []
        if not all(verdict.values()):
            text = profile_build(work)
            (ROOT / "benchmarks" / "profile.txt").write_text(text, encoding="utf-8")
            marks = overhead_breakdown()
            print("A target was missed: profiled into benchmarks/profile.txt. Fixed costs in a fresh process:")
            profile_lines = [
                "A target was missed, so one real build was profiled with pyinstrument (fresh",
                "process, imports included) into benchmarks/profile.txt. The fixed costs of the",
                "real build, measured one after another in a fresh process:",
                "",
                "| Step | Seconds |",
                "| --- | --- |",
            ]
            for what, seconds in marks.items():
                print(f"  {what}: {seconds:.3f} s")
                profile_lines.append(f"| {what} | {seconds:.3f} |")

        ok = lambda v: "met" if v else "**missed**"  # noqa: E731
        wheel_text = f"{wheel_size:,} B ({wheel_size / 1024:.1f} KB)" if wheel_size else "not built yet (no arshjul/ page)"
        lines = [
            "# Benchmark results",
            "",
            "Written by `make bench` (benchmarks/run.py); do not edit by hand. Every build",
            "runs in a fresh process (`python -m properdocs build --strict`), so times include",
            "starting Python and importing MkDocs and Material; 'MkDocs' is the figure MkDocs",
            f"itself reports (its build only). Each figure is the fastest of {args.runs} runs (the",
            "machine is shared, and the fastest run is the least disturbed); medians in brackets.",
            "",
            "## Machine",
            "",
            f"- Date: {info['date']}",
            f"- CPU: {info['nproc']} × {info['cpu']}",
            f"- Python {info['python']}, {info['system']}; ProperDocs {info['properdocs']}",
            "",
            "## Figures",
            "",
            "| What | Figure | Target | |",
            "| --- | --- | --- | --- |",
            f"| Real site build | {real_wall:.2f} s [{real_median:.2f} s]; MkDocs {real_inner:.2f} s; {len(pages_real)} pages | | |",
            f"| Flattened twin build | {twin_wall:.2f} s [{twin_median:.2f} s]; MkDocs {twin_inner:.2f} s; {len(pages_twin)} pages | | |",
            f"| Real / twin | {ratio:.2f}× | ≤ {TARGETS['ratio']}× | {ok(verdict['ratio'])} |",
            f"| Validate all data (`python -m finsam validera data`) | {cli:.2f} s [{statistics.median(cli_times):.2f} s] | < {TARGETS['validate']} s | {ok(verdict['validate'])} |",
            f"| load_dataset in-process (read, models, checks) | {load * 1000:.0f} ms | | |",
            f"| Build with 1 year of data | {scaled[1]['wall']:.2f} s [{scaled[1]['median']:.2f} s], {scaled[1]['pages']} pages | | |",
            f"| Build with 5 years of data | {scaled[5]['wall']:.2f} s [{scaled[5]['median']:.2f} s], {scaled[5]['pages']} pages | | |",
            f"| Build with 25 years of data | {scaled[25]['wall']:.2f} s [{scaled[25]['median']:.2f} s], {scaled[25]['pages']} pages | | |",
            f"| 25 years / 1 year | {growth:.2f}× | < {TARGETS['years']}× | {ok(verdict['years'])} |",
            f"| Flattened twin of the 25-year site | {twin25:.2f} s | | |",
            f"| Real / twin with 25 years of data | {ratio25:.2f}× | (≤ {TARGETS['ratio']}×) | |",
            f"| Largest page ({largest[1]}) | {largest[0]:,} B ({largest[0] / 1024:.1f} KB) | ≤ {TARGETS['page_kb']} KB | {ok(verdict['page_kb'])} |",
            f"| Yearly-cycle page (arshjul/index.html) | {wheel_text} | ≤ {TARGETS['page_kb']} KB | |",
            "",
            "## How",
            "",
            "- Flattened twin: the real site is built once with a plugin that keeps every page's",
            "  Markdown after mkdocs-macros has run (generated pages included) and the navigation",
            "  after the hooks have expanded it; those pages are written as static .md files and",
            "  built with the same mkdocs.yml (INHERIT) minus the macros plugin and the hooks."
            + ("" if same_pages else " **The twin's pages differ from the real site's.**"),
            f"- Years of data: {how}; each synthetic data set passes `load_dataset` before it is timed.",
            "- Validation: the command staff run, in a fresh process; load_dataset is the same work",
            "  without starting Python and importing pydantic.",
        ]
        if profile_lines:
            lines += ["", "## Profile", "", *profile_lines, "", *NOTES.strip().splitlines()]
        Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"Written to {Path(args.out).relative_to(ROOT)}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

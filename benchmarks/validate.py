"""Validation as a process, measured closely (not a test; ``make bench`` has the summary).

``python benchmarks/validate.py [--runs N] [--against REF] [--stages]``

* ``--against REF``: ``python -m finsam validera data`` of this tree and of the
  project at git commit REF, in fresh processes, **paired**: each round runs both
  back to back, alternating which goes first, so that other work on the machine
  falls on both alike. Reported: each side's CPU (user + system of the child, from
  ``getrusage``) and wall time as median [min–max], and the median of the rounds'
  CPU ratios with its min–max.
* ``--stages``: where one validating process's CPU goes, stage by stage, each a
  fresh process (``resource.getrusage(RUSAGE_SELF)`` read between the stages, in the
  order ``python -m finsam validera`` meets them), median [min–max] over the runs.
* ``--instructions``: the same stages in instructions (valgrind), which do not depend
  on the machine's load: one process per stage, the stages before it included.

Both measure as a staff machine runs it: Python writes and reuses its bytecode caches
(the shell of this sandbox sets PYTHONDONTWRITEBYTECODE; it is removed here), and a
first unmeasured run warms them.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def env_for(tree: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree / "macros"), FINSAM_IDAG="2026-11-22")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("FINSAM_DATA", None)
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    return env


def timed(cmd: list[str], cwd: Path, env: dict) -> tuple[float, float, str]:
    """(CPU s, wall s, output) of one fresh process; fails loudly if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"failed in {cwd}: {' '.join(cmd)}\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, result.stdout + result.stderr


def spread(values: list[float], digits: int = 3) -> str:
    return f"{statistics.median(values):.{digits}f} [{min(values):.{digits}f}–{max(values):.{digits}f}]"


def validate_cmd(tree: Path) -> list[str]:
    return [sys.executable, "-m", "finsam", "validera", str(tree / "data")]


def paired(trees: dict[str, Path], runs: int) -> None:
    names = list(trees)
    for name in names:  # warm the bytecode caches (and check that both pass)
        timed(validate_cmd(trees[name]), trees[name], env_for(trees[name]))
    cpu = {n: [] for n in names}
    wall = {n: [] for n in names}
    for i in range(runs):
        order = names if i % 2 == 0 else names[::-1]
        for name in order:
            c, w, _ = timed(validate_cmd(trees[name]), trees[name], env_for(trees[name]))
            cpu[name].append(c)
            wall[name].append(w)
    load = os.getloadavg()[0]
    for name in names:
        print(f"{name:>10}: CPU {spread(cpu[name])} s, wall {spread(wall[name])} s")
    a, b = names
    ratios = [y / x for x, y in zip(cpu[a], cpu[b])]
    diffs = [x - y for x, y in zip(cpu[a], cpu[b])]
    print(f"{b} / {a} (CPU, paired, {runs} rounds, load {load:.1f} at the end): {spread(ratios)}×; "
          f"{a} − {b}: {spread(diffs)} s")


# Each stage in the order `python -m finsam validera` meets it, with the garbage collector
# as finsam/__main__.py sets it (off during the imports, then the imported objects frozen).
# A stage's figure is the process's CPU since the previous mark; Python's own start is the
# process's CPU at the first mark (getrusage in the process: nothing of the parent's).
STAGE_CODE = [
    ("finsam.regexcache + codecache (as python -m finsam)",
     "import finsam.regexcache; finsam.regexcache.install(); import finsam.codecache; finsam.codecache.install()"),
    ("import yaml", "import yaml"),
    ("import pydantic_core", "import pydantic_core"),
    ("pydantic + finsam.model.base", "import finsam.model.base"),
    ("finsam.dataset (model classes, reader)", "import finsam.dataset"),
    ("finsam.checks", "import finsam.checks"),
    ("finsam.__main__ (command line)", "import finsam.__main__"),
    ("validera (validators, posts, read, check, warnings)",
     "gc.freeze(); gc.enable()\n"
     "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):\n"
     "    code = finsam.__main__.main(['validera', sys.argv[1]])\n"
     "assert code == 0, out.getvalue()"),
]
STAGES = "\n".join([
    "import gc; gc.disable()",
    "import contextlib, io, resource, sys",
    "def cpu():",
    "    r = resource.getrusage(resource.RUSAGE_SELF)",
    "    return r.ru_utime + r.ru_stime",
    "out = io.StringIO()",
    "marks = [('python start', cpu())]",
    *[f"{code}\nmarks.append(({name!r}, cpu()))" for name, code in STAGE_CODE],
    "prev = 0.0",
    "for name, t in marks:",
    "    print(f'{name}\\t{t - prev:.6f}')",
    "    prev = t",
    "print(f'total in the process\\t{marks[-1][1]:.6f}')",
])


def instructions(tree: Path) -> None:
    """Instructions (valgrind's callgrind, independent of the machine's load) of the
    stages: each a process running the stages up to it, teardown included; a stage's
    figure is the difference to the process before it."""
    if not shutil.which("valgrind"):
        print("valgrind is not installed: no instruction counts")
        return
    env = env_for(tree)
    timed(validate_cmd(tree), tree, env)
    prefix = ["import gc; gc.disable()", "import contextlib, io, sys", "out = io.StringIO()"]
    counts = []
    with tempfile.TemporaryDirectory() as work:
        for n in range(len(STAGE_CODE) + 1):
            code = "\n".join(prefix + [c for _, c in STAGE_CODE[:n]])
            out = Path(work) / f"cg.{n}"
            done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                                   sys.executable, "-c", code, str(tree / "data")],
                                  cwd=tree, env=env, capture_output=True, text=True)
            found = re.search(r"Collected : ([0-9]+)", done.stderr)
            if done.returncode != 0 or not found:
                raise SystemExit(done.stderr[-2000:])
            counts.append(int(found.group(1)))
    print("Instructions by stage (callgrind, each stage's process minus the one before):")
    names = ["python start (-c, gc off)"] + [name for name, _ in STAGE_CODE]
    prev = 0
    for name, count in zip(names, counts):
        print(f"  {name:<52} {(count - prev) / 1e6:8.1f} M  ({(count - prev) / counts[-1]:5.1%})")
        prev = count
    print(f"  {'total':<52} {counts[-1] / 1e6:8.1f} M")


def stages(tree: Path, runs: int) -> None:
    cmd = [sys.executable, "-c", STAGES, str(tree / "data")]
    timed(cmd, tree, env_for(tree))
    table: dict[str, list[float]] = {}
    for _ in range(runs):
        _, _, out = timed(cmd, tree, env_for(tree))
        for line in out.splitlines():
            name, _, value = line.partition("\t")
            table.setdefault(name, []).append(float(value))
    print(f"CPU by stage, one fresh process each ({runs} runs, load {os.getloadavg()[0]:.1f}):")
    for name, values in table.items():
        print(f"  {name:<52} {spread(values)} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--against", metavar="REF", help="pair with the project at this git commit")
    parser.add_argument("--stages", action="store_true", help="CPU by stage of one validating process")
    parser.add_argument("--instructions", action="store_true", help="instructions by stage (valgrind)")
    args = parser.parse_args()
    if args.stages:
        stages(ROOT, args.runs)
    if args.instructions:
        instructions(ROOT)
    if args.against:
        with tempfile.TemporaryDirectory() as work:
            old = Path(work) / "old"
            subprocess.run(["git", "clone", "-q", "--shared", "--no-checkout", str(ROOT), str(old)], check=True)
            subprocess.run(["git", "-C", str(old), "checkout", "-q", "--detach", args.against], check=True)
            paired({args.against[:10]: old, "this tree": ROOT}, args.runs)


if __name__ == "__main__":
    main()

"""The package's layers: no import cycles, and checking data never loads the renderers.

The import graph is read from the source (every ``import`` of a finsam module,
including those inside functions: a lazy import hides a cycle, it does not remove
it). Layers, bottom to top: model -> checks -> compute -> render -> adapters.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURE, ROOT

PACKAGE = ROOT / "macros" / "finsam"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    """The finsam modules ``name`` imports, anywhere in its source."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in MODULES else target)
    return {m for m in out if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _reachable(start: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(start)
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo += GRAPH[m]
    return seen


def test_the_graph_is_read():
    """The reader finds real edges (a broken reader would find no cycle either)."""
    assert "finsam.dataset" in GRAPH["finsam.__main__"]
    assert "finsam.problems" in GRAPH["finsam.checks"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    assert _cycles(GRAPH) == []


def test_checks_and_validation_import_no_renderer():
    starts = {m for m in MODULES if m.startswith("finsam.checks")} | {"finsam.validation", "finsam.dataset"}
    rendering = sorted(m for m in _reachable(starts) if m.startswith("finsam.render"))
    assert rendering == [], rendering


def test_model_and_compute_import_no_renderer():
    starts = {m for m in MODULES if m.startswith(("finsam.model", "finsam.compute"))}
    rendering = sorted(m for m in _reachable(starts) if m.startswith("finsam.render"))
    assert rendering == [], rendering


# What validating never needs: the renderers and what they use, and the pages'
# views of the budget, the contributions, equity and the insatser (the checks and
# warnings use the arithmetic beside them: compute/budget_sums.py,
# compute/medlemsinsatser_split.py, compute/equity_sums.py).
# Babel formats numbers only in a problem's message, so good data never loads it.
NOT_FOR_VALIDATING = (
    "finsam.render", "icalendar", "jinja2", "mkdocs", "properdocs", "markdown", "babel",
    "finsam.compute.budget", "finsam.compute.medlemsinsatser", "finsam.compute.equity", "finsam.compute.insatser",
    "importlib.metadata",  # pydantic's plugin search, off (model/base.py)
    "argparse",  # `validera [DATAKATALOG]` is read without it (finsam/__main__.py)
    "difflib",  # the value meant, looked for only in a problem's message (finsam/validation.py)
)


def test_validating_loads_only_what_it_needs():
    """``python -m finsam validera`` as a process: no renderer, no iCalendar, no Jinja, no MkDocs,
    no Babel, no page views of the budget or the contributions."""
    probe = (
        "import sys\n"
        "from finsam.__main__ import main\n"
        f"code = main(['validera', {str(FIXTURE)!r}])\n"
        f"heavy = sorted(m for m in sys.modules if m in {NOT_FOR_VALIDATING!r} or m.startswith({tuple(n + '.' for n in NOT_FOR_VALIDATING)!r}))\n"
        "print(code, heavy)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "macros"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "0 []", run.stdout


def test_models_do_not_postpone_their_annotations():
    """pydantic compiles a postponed (text) annotation at import: ~400 of them on every validation."""
    postponed = sorted(
        name for name, path in MODULES.items()
        if name.startswith("finsam.model") and "from __future__ import annotations" in path.read_text(encoding="utf-8")
    )
    assert postponed == [], postponed

"""Golden snapshots of the fixture förbund (tests/fixtures/exempelforbund).

Three kinds, each compared with a file under tests/golden/:

* ``views/<source>.json``: every view object a ``@view_source`` in ``compute/``
  builds (``all_views``), serialised deterministically (sorted keys, Decimal
  as a string, dates in ISO form, the class name under ``_type``);
* ``macros/<macro>.md``: every macro in ``finsam.render.MACROS``, called as the
  site calls it: each call written in a page of docs/ or in a generated page
  (every year, version, member ...), plus EXTRA_CALLS for calls no page makes;
* ``files/<path>``: every generated download (CSV, JSON) and the iCalendar file.

All at build date BUILD_DATE. A new view source, macro or file gets a snapshot
the first time it is blessed; a missing, changed or left-over snapshot fails.
When a change to the output is intended, accept it and review the diff:

    make bless          # = python -m pytest tests/test_golden.py --bless

then commit the changed files under tests/golden/ with the code.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import difflib
import enum
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import BUILD_DATE, FIXTURE, ROOT, edit

GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date.fromisoformat(BUILD_DATE)
DOCS = ROOT / "docs"
BLESS = "run `make bless` (python -m pytest tests/test_golden.py --bless), review the diff and commit tests/golden/"

# Calls that no page makes but whose output the site can show: (macro, args).
# The real förbund's own pages (data/sidor/) make some of these; the fixture's do not.
EXTRA_CALLS: list[tuple[str, tuple]] = [
    ("forbundsordning", ()),  # the version in force, as on forbundsordning/index.md
    ("start_kommande", (1,)),
    ("forbundsordning_lank", ("revision", "revision")),
    ("lansforbundet_beslut", ()),
    ("utfall_tidigare", ()),  # its page exists only with more outcome years than the Ekonomi page shows in full
    *[("personer_i_grupp", (g,)) for g in ("lanspresidiet", "forbundschef", "forbundsstyrelse", "revision")],
]

CALL = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\((.*?)\)\s*-?\}\}", re.S)


# -- what is snapshotted --------------------------------------------------------------


def _dataset():
    from finsam.dataset import load_dataset

    return load_dataset(FIXTURE)


def _page_sources(ds) -> list[str]:
    """The Markdown of every page the fixture förbund's site has: docs/, the förbund's
    own pages in its data tree, and the generated pages."""
    from finsam.pages import generated_pages

    texts = [p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(FIXTURE.rglob("*.md")) if p.name != "README.md"]
    texts += [p.content for p in generated_pages(ds)]
    return texts


def macro_calls(ds) -> dict[str, set[tuple]]:
    """Every (macro, args) the pages make, by macro name; args as Python values."""
    from finsam.render import MACROS

    calls: dict[str, set[tuple]] = {name: set() for name in MACROS}
    for text in _page_sources(ds):
        for name, args in CALL.findall(text):
            if name not in MACROS:
                continue  # an adapter's own macro (e.g. senaste_nytt) or a Jinja builtin
            value = ast.literal_eval(f"({args},)") if args.strip() else ()
            calls[name].add(tuple(value))
    for name, args in EXTRA_CALLS:
        calls[name].add(args)
    return calls


def _context(ds):
    """The macros' context as the build makes it (macros/main.py: macros_and_variables)."""
    from finsam.render import Context
    from finsam.site import page_paths

    return Context(ds, TODAY, page_paths(DOCS, ds, TODAY))


def plain(obj):
    """A view object as plain JSON values, the same on every run and machine."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {"_type": type(obj).__name__}
        out.update({f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)})
        return out
    if isinstance(obj, enum.Enum):
        return plain(obj.value)
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return str(obj) if isinstance(obj, str) else obj  # str(): Markup is a plain string here
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, (dt.date, dt.datetime, dt.time)):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [plain(x) for x in obj]
    if isinstance(obj, (set, frozenset)):
        return sorted((plain(x) for x in obj), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if hasattr(obj, "model_dump"):  # a pydantic model inside a view
        return {"_type": type(obj).__name__, **obj.model_dump(mode="json")}
    raise TypeError(f"a view holds a {type(obj).__name__} ({obj!r:.80}); give plain() a deterministic form for it")


def dump(value) -> str:
    return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def view_snapshots(ds) -> dict[str, str]:
    from finsam.compute.views import all_views

    return {f"views/{key}.json": dump(plain(views)) for key, views in all_views(ds, TODAY).items()}


def macro_snapshots(ds) -> dict[str, str]:
    from finsam.render import MACROS

    ctx = _context(ds)
    out = {}
    for name, calls in macro_calls(ds).items():
        parts = []
        for args in sorted(calls, key=repr):
            shown = ", ".join(json.dumps(a, ensure_ascii=False) for a in args)
            parts.append(f"<!-- {name}({shown}) -->\n{MACROS[name](ctx, *args)}\n")
        out[f"macros/{name}.md"] = "\n".join(parts)
    return out


def file_snapshots(ds) -> dict[str, str]:
    """Every generated download, and every generated page that is not Markdown (the
    iCalendar file): what a build writes as it is."""
    from finsam.pages import generated_files, generated_pages

    out = {f"files/{path}": text for path, text in generated_files(ds, TODAY)}
    out.update({f"files/{p.path}": p.content for p in generated_pages(ds) if not p.path.endswith(".md")})
    return out


def _view_source_names() -> list[str]:
    """Every registered view source, without loading any data (for parametrize)."""
    import importlib
    import pkgutil

    from finsam import compute
    from finsam.compute.views import VIEW_SOURCES

    for info in pkgutil.iter_modules(compute.__path__):
        importlib.import_module(f"{compute.__name__}.{info.name}")
    return sorted(VIEW_SOURCES)


def _macro_names() -> list[str]:
    from finsam.render import MACROS

    return sorted(MACROS)


@pytest.fixture(scope="module")
def actual() -> dict[str, str]:
    """Every snapshot as the code makes it now: relative path under golden/ -> text."""
    ds = _dataset()
    return {**view_snapshots(ds), **macro_snapshots(ds), **file_snapshots(ds)}


# -- comparing and blessing ------------------------------------------------------------


def compare(rel: str, text: str | None, bless: bool) -> None:
    path = GOLDEN / rel
    if bless:
        if text is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
        return
    if text is None:
        pytest.fail(f"tests/golden/{rel} has no output any more (its source is gone): {BLESS}", pytrace=False)
    if not path.exists():
        pytest.fail(f"tests/golden/{rel} does not exist yet (a new view source, macro or file): {BLESS}", pytrace=False)
    expected = path.read_bytes().decode("utf-8")
    if expected != text:
        diff = list(difflib.unified_diff(
            expected.splitlines(), text.splitlines(), f"tests/golden/{rel}", "the code's output now", lineterm="", n=2
        ))
        shown = "\n".join(diff[:150]) + (f"\n... ({len(diff) - 150} more diff lines)" if len(diff) > 150 else "")
        pytest.fail(f"tests/golden/{rel} differs from the output. If the change is intended, {BLESS}.\n{shown}",
                    pytrace=False)


@pytest.mark.parametrize("source", _view_source_names())
def test_view_snapshot(actual, bless, source):
    compare(f"views/{source}.json", actual[f"views/{source}.json"], bless)


@pytest.mark.parametrize("name", _macro_names())
def test_macro_snapshot(actual, bless, name):
    compare(f"macros/{name}.md", actual[f"macros/{name}.md"], bless)


def test_file_snapshots(actual, bless):
    for rel in sorted(k for k in actual if k.startswith("files/")):
        compare(rel, actual[rel], bless)


def test_no_left_over_snapshots(actual, bless):
    for kind in ("views", "macros", "files"):
        for path in sorted((GOLDEN / kind).rglob("*")):
            rel = path.relative_to(GOLDEN).as_posix()
            if path.is_file() and rel not in actual:
                compare(rel, None, bless)


def test_every_macro_is_called():
    """A macro no page calls and EXTRA_CALLS does not list has no snapshot: say so."""
    calls = macro_calls(_dataset())
    uncalled = sorted(name for name, args in calls.items() if not args)
    assert not uncalled, f"no page calls {uncalled}: add a call to EXTRA_CALLS in tests/test_golden.py"


def test_serialisation_is_deterministic_and_refuses_the_unknown():
    @dataclasses.dataclass(frozen=True)
    class Row:
        amount: Decimal
        day: dt.date
        tags: frozenset

    assert dump(plain([Row(Decimal("1.50"), dt.date(2026, 1, 2), frozenset({"b", "a"}))])) == (
        '[\n  {\n    "_type": "Row",\n    "amount": "1.50",\n    "day": "2026-01-02",\n'
        '    "tags": [\n      "a",\n      "b"\n    ]\n  }\n]\n'
    )
    with pytest.raises(TypeError, match="deterministic form"):
        plain(object())


# -- the macros' own guarantees (formerly tests/test_render_golden.py) -------------------


def test_in_force_version_depends_on_date():
    from finsam.render import MACROS, Context

    before = MACROS["forbundsordning_versioner"](Context(_dataset(), dt.date(2015, 6, 1)))
    assert (
        "- [Exempeldalens Samordningsförbund](2010.md): från 1 januari 2010 till och med 31 december 2019; "
        "gäller den 1 juni 2015."
    ) in before


def test_text_from_data_is_inert(fixture_copy):
    from finsam.dataset import load_dataset
    from finsam.render import MACROS, Context

    edit(
        fixture_copy / "forbund.yaml",
        "  Exempeldalens förbund samordnar rehabilitering mellan fem parter.",
        "  <script>alert(1)</script> **fet** [länk](javascript:alert(1)) {{ x }} {% raw %} & ~~",
    )
    out = MACROS["syfte"](Context(load_dataset(fixture_copy), TODAY))
    assert "<script>" not in out
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in out
    assert "\\*\\*fet\\*\\*" in out and "\\[länk\\]\\(javascript:alert\\(1\\)\\)" in out
    assert "\\{\\{ x \\}\\}" in out and "\\{% raw %\\}" in out and "&amp; \\~\\~" in out

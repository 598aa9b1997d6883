"""Load the whole data/ tree once: read, validate, check.

Which files exist is declared once, in ``COLLECTIONS``; a file in data/ that
matches none of them is an error (a misspelt file name would otherwise be
silently ignored). To add a kind of data: write its model, add a field to
``DataSet`` and a line to ``COLLECTIONS``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .model.forbund import Forbund
from .model.forbundsordning import Forbundsordning
from .model.kallor import Kallor
from .model.arshjul import Arshjul
from .model.moten import Moten
from .model.styrelse import Personer, Styrelse
from .model.verksamhetsplan import Verksamhetsplan
from .model.dokument import Dokumentbank
from .model.insatser import Insatser
from .model.lansforbundet import Lansforbundet
from .model.arvoden import Arvodesunderlag
from .model.befolkning import Befolkning
from .model.budget import Budget
from .model.ekonomisk_policy import EkonomiskPolicy
from .model.fordelningsmodell import Fordelningsmodell
from .model.medlemsinsatser import Medlemsinsatser
from .model.utfall import Utfall
from .model.webbplats import Webbplats
from .model.tillganglighet import Tillganglighet
from .problems import DataError, Problem, display_path
from .unfilled import unfilled_problems
from .validation import validate
from .yamlload import LineMap, PathKey, format_path, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Document(Generic[M]):
    """One validated data file: its model, and where each value stands."""

    path: Path
    display: str
    model: M
    lines: LineMap
    raw: Any

    @property
    def key(self) -> str:
        """The file's name without .yaml: the year or version it is about."""
        return self.path.stem

    def line(self, *path: Any) -> int:
        return self.lines.line(tuple(path))

    def problem(self, path: PathKey, message: str, check: str = "") -> Problem:
        return Problem(self.display, self.line(*path), format_path(tuple(path)), message, check)


@dataclass(frozen=True)
class Collection:
    field: str
    pattern: str  # glob relative to data/
    model: type[BaseModel]
    single: bool = False  # exactly one file
    required: bool = True


COLLECTIONS: list[Collection] = [
    Collection("forbund", "forbund.yaml", Forbund, single=True),
    Collection("kallor", "kallor.yaml", Kallor, single=True),
    Collection("forbundsordningar", "forbundsordning/*.yaml", Forbundsordning),
    Collection("personer", "personer.yaml", Personer, single=True, required=False),
    Collection("styrelser", "styrelse/*.yaml", Styrelse, required=False),
    Collection("moten", "moten/*.yaml", Moten, required=False),
    Collection("arshjul", "arshjul.yaml", Arshjul, single=True, required=False),
    Collection("verksamhetsplaner", "verksamhetsplan/*.yaml", Verksamhetsplan, required=False),
    Collection("insatser", "insatser.yaml", Insatser, single=True, required=False),
    Collection("dokument", "dokument.yaml", Dokumentbank, single=True, required=False),
    Collection("lansforbundet", "lansforbundet.yaml", Lansforbundet, single=True, required=False),
    # Money (ekonomi): budgets, outcomes, contributions and their inputs.
    Collection("budgetar", "budget/*.yaml", Budget, required=False),
    Collection("utfall", "utfall/*.yaml", Utfall, required=False),
    Collection("ekonomisk_policy", "ekonomisk-policy.yaml", EkonomiskPolicy, single=True, required=False),
    Collection("befolkning", "befolkning/*.yaml", Befolkning, required=False),
    Collection("medlemsinsatser", "medlemsinsatser/*.yaml", Medlemsinsatser, required=False),
    Collection("fordelningsmodeller", "fordelningsmodell/*.yaml", Fordelningsmodell, required=False),
    Collection("arvoden", "arvoden/*.yaml", Arvodesunderlag, required=False),
    Collection("webbplats", "webbplats.yaml", Webbplats, single=True),
    Collection("tillganglighet", "tillganglighet.yaml", Tillganglighet, single=True, required=False),
]


@dataclass
class DataSet:
    root: Path
    forbund: Document[Forbund]
    kallor: Document[Kallor]
    forbundsordningar: list[Document[Forbundsordning]] = field(default_factory=list)
    personer: Document[Personer] | None = None
    styrelser: list[Document[Styrelse]] = field(default_factory=list)
    moten: list[Document[Moten]] = field(default_factory=list)
    arshjul: Document[Arshjul] | None = None
    verksamhetsplaner: list[Document[Verksamhetsplan]] = field(default_factory=list)
    insatser: Document[Insatser] | None = None
    dokument: Document[Dokumentbank] | None = None
    lansforbundet: Document[Lansforbundet] | None = None
    budgetar: list[Document[Budget]] = field(default_factory=list)
    utfall: list[Document[Utfall]] = field(default_factory=list)
    ekonomisk_policy: Document[EkonomiskPolicy] | None = None
    befolkning: list[Document[Befolkning]] = field(default_factory=list)
    medlemsinsatser: list[Document[Medlemsinsatser]] = field(default_factory=list)
    fordelningsmodeller: list[Document[Fordelningsmodell]] = field(default_factory=list)
    arvoden: list[Document[Arvodesunderlag]] = field(default_factory=list)
    webbplats: Document[Webbplats] | None = None  # required: see COLLECTIONS
    tillganglighet: Document[Tillganglighet] | None = None

    # -- lookups used by checks, computations and pages -------------------
    def organisation(self, org_id: str):
        return self.forbund.model.organisation(org_id)

    def source_ids(self) -> set[str]:
        return {k.id for k in self.kallor.model.kallor}

    def forbundsordning_on(self, day: dt.date) -> Document[Forbundsordning] | None:
        """The version of the förbundsordning in force on ``day``."""
        for doc in self.forbundsordningar:
            if doc.model.in_force_on(day):
                return doc
        return None

    def forbundsordning_for_year(self, year: int) -> Document[Forbundsordning] | None:
        return self.forbundsordning_on(dt.date(year, 1, 1))

    def forbundsordning(self, key: str) -> Document[Forbundsordning]:
        for doc in self.forbundsordningar:
            if doc.key == key:
                return doc
        raise KeyError(key)

    def by_key(self, collection: str, key: str) -> Document | None:
        """The file of a collection with this name (e.g. ``by_key("budgetar", "2023")``)."""
        return next((d for d in getattr(self, collection) if d.key == key), None)

    def documents(self) -> list[Document]:
        out: list[Document] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Document):
                out.append(value)
            elif isinstance(value, list):
                out.extend(value)
        return out


def _version_sort_key(doc: Document) -> tuple:
    start = getattr(doc.model, "giltig_fran", None)
    return (start or dt.date.min, doc.key)


def read_dataset(root: Path) -> tuple[DataSet | None, list[Problem]]:
    """Read and validate every file; run no cross-checks. Collects all problems."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        return None, [Problem(str(root), 0, "", "datakatalogen finns inte")]
    claimed: set[Path] = set()
    values: dict[str, Any] = {}
    for coll in COLLECTIONS:
        paths = sorted(p for p in root.glob(coll.pattern) if p.is_file())
        claimed.update(paths)
        docs = []
        for path in paths:
            ydoc, read_problems = read_yaml(path)
            problems += read_problems
            if ydoc is None:
                continue
            unfilled = unfilled_problems(path, ydoc.lines, ydoc.data)  # "ATT FYLLA I" left by nytt-ar
            if unfilled:
                problems += unfilled
                continue
            model, model_problems = validate(coll.model, ydoc)
            problems += model_problems
            if model is not None:
                docs.append(Document(path, ydoc.display, model, ydoc.lines, ydoc.data))
        if coll.required and not paths:
            problems.append(Problem(str(root / coll.pattern), 0, "", "filen saknas" if coll.single else "inga filer hittades"))
        if coll.single:
            if len(paths) > 1:  # pragma: no cover - a plain file name matches once
                problems.append(Problem(str(root / coll.pattern), 0, "", "bara en fil får finnas"))
            values[coll.field] = docs[0] if docs else None
        else:
            values[coll.field] = sorted(docs, key=_version_sort_key)
    for path in sorted(root.rglob("*")):
        if path.is_file() and path not in claimed and not _ignored(path, root):
            problems.append(
                Problem(display_path(path), 0, "", "filen hör inte till någon känd datamängd (fel namn eller fel mapp?)")
            )
    if problems:
        return None, problems
    return DataSet(root=root, **values), []


def _ignored(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    return any(part.startswith(".") for part in rel.parts) or path.suffix.lower() in (".md", ".txt")


def load_dataset(root: Path) -> DataSet:
    """Read, validate and cross-check. Raises DataError with every problem."""
    from .checks import run_checks

    dataset, problems = read_dataset(root)
    if dataset is None:
        raise DataError(problems)
    problems = run_checks(dataset)
    if problems:
        raise DataError(problems)
    return dataset


_cache: dict[Path, tuple[tuple, DataSet]] = {}


def load_dataset_cached(root: Path) -> DataSet:
    """Like load_dataset, but reads the files once per change (one build = one read).

    The MkDocs hooks and macros both ask for the data; the cache key is every
    file's name, size and modification time, so ``mkdocs serve`` reloads after
    an edit.
    """
    root = Path(root).resolve()
    stamp = tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(root.rglob("*")) if p.is_file()
    )
    hit = _cache.get(root)
    if hit and hit[0] == stamp:
        return hit[1]
    dataset = load_dataset(root)
    _cache[root] = (stamp, dataset)
    return dataset

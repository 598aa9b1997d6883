"""Load the whole data/ tree once: read, validate, check.

Which files exist is declared once, in ``COLLECTIONS``; a file in data/ that
matches none of them is an error (a misspelt file name would otherwise be
silently ignored). To add a kind of data: write its model, add a field to
``DataSet`` and a line to ``COLLECTIONS``.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
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
from .model.base import MAX_ID_LENGTH, SLUG_PATTERN
from .problems import DataError, Problem, display_path
from .unfilled import marked_paths, related, unfilled_problems, with_stand_ins
from .validation import validate
from . import yamlcache
from .yamlload import LineMap, PathKey, format_path, read_yaml
from .frozen import frozen

M = TypeVar("M", bound=BaseModel)


@frozen
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


@frozen
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
    # Collections with a file that could not be read (only in a partial data set).
    incomplete: frozenset[str] = frozenset()
    # Files that still hold ATT FYLLA I: display path -> the marked values' paths.
    # Their models hold stand-ins (finsam.unfilled); ``twin`` is the same data set
    # with other stand-ins, so a check's problem that depends on them shows as one
    # that differs between the two (only in a partial data set).
    marked: dict[str, tuple[str, ...]] = field(default_factory=dict)
    twin: DataSet | None = field(default=None, repr=False, compare=False)

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


def data_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """Every file under ``root``, and a problem for each thing that cannot be read.

    Nothing under data/ is skipped silently: a folder that cannot be opened, a file
    that cannot be read and a symbolic link that leads nowhere are each reported
    (a glob would quietly leave them out, and the site would lack that data).
    """
    files: list[Path] = []
    problems: list[Problem] = []

    def unreadable_folder(err: OSError) -> None:
        problems.append(
            Problem(display_path(Path(err.filename)), 0, "", f"mappen kan inte läsas ({err.strerror}); ändra behörigheterna")
        )

    for folder, dirs, names in os.walk(root, onerror=unreadable_folder, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # hidden: editors' and git's own
        names = [n for n in names if not n.startswith(".")]
        for name in list(dirs):
            path = base / name
            if path.is_symlink():
                dirs.remove(name)
                target = "en mapp utanför data/" if path.exists() else "ingenting"
                problems.append(
                    Problem(display_path(path), 0, "", f"mappen är en symbolisk länk till {target}; lägg filerna direkt i data/")
                )
        for name in sorted(names):
            path = base / name
            if path.is_symlink() and not path.exists():
                problems.append(
                    Problem(display_path(path), 0, "", "filen är en symbolisk länk som pekar på en fil som inte finns")
                )
            elif not path.is_file():
                problems.append(Problem(display_path(path), 0, "", "är ingen vanlig fil; ta bort den"))
            elif not os.access(path, os.R_OK):
                problems.append(Problem(display_path(path), 0, "", "filen kan inte läsas; ändra behörigheterna"))
            else:
                files.append(path)
    return files, problems


_SAFE_STEM = re.compile(SLUG_PATTERN)


def _matches(rel: tuple[str, ...], pattern: str) -> bool:
    parts = tuple(pattern.split("/"))
    return len(parts) == len(rel) and all(fnmatch.fnmatchcase(r, p) for r, p in zip(rel, parts))


def read_dataset(root: Path, partial: bool = False) -> tuple[DataSet | None, list[Problem]]:
    """Read and validate every file; run no cross-checks. Collects all problems.

    With ``partial``, a data set of the files that were read and validated is
    returned beside the problems (when the files every check needs are among
    them), so the cross-checks can still look at those.
    """
    root = Path(root)
    if not root.exists():
        return None, [Problem(display_path(root), 0, "", "datakatalogen finns inte (är FINSAM_DATA eller sökvägen rätt?)")]
    if not root.is_dir():
        return None, [Problem(display_path(root), 0, "", "är ingen mapp; ange datakatalogen (mappen med forbund.yaml)")]
    files, problems = data_files(root)
    relative = {p: p.relative_to(root).parts for p in files}
    if not any(rel in (("forbund.yaml",), ("kallor.yaml",)) for rel in relative.values()):
        return None, [
            Problem(
                display_path(root), 0, "",
                "mappen innehåller inga datafiler (forbund.yaml, kallor.yaml, forbundsordning/ ...); "
                "är det rätt datakatalog?",
            )
        ]
    claimed: set[Path] = set()
    values: dict[str, Any] = {}
    twin_values: dict[str, Any] = {}  # the same, with the other stand-ins for marked values
    marked: dict[str, tuple[str, ...]] = {}
    incomplete: set[str] = set()  # collections with a file that could not be used
    for coll in COLLECTIONS:
        paths = sorted(p for p, rel in relative.items() if _matches(rel, coll.pattern))
        claimed.update(paths)
        docs = []
        twin_docs = []
        for path in paths:
            if not coll.single and not (_SAFE_STEM.match(path.stem) and len(path.stem) <= MAX_ID_LENGTH):
                problems.append(
                    Problem(
                        display_path(path), 0, "",
                        f"filnamnet '{path.stem}' blir en del av sidors adresser och ska bestå av små bokstäver "
                        f"a–z, siffror och bindestreck (högst {MAX_ID_LENGTH} tecken), t.ex. 2025.yaml",
                    )
                )
                continue
            ydoc, read_problems = read_yaml(path)
            problems += read_problems
            if ydoc is None:
                continue
            marks = marked_paths(ydoc.data)  # "ATT FYLLA I" left by nytt-ar
            if marks:
                # Every other problem of the file too, not only once the marks are filled in.
                problems += unfilled_problems(path, ydoc.lines, ydoc.data)
                model, first, data, standing = with_stand_ins(coll.model, ydoc, marks, 0)
                twin, second, twin_data, twin_standing = with_stand_ins(coll.model, ydoc, marks, 1)
                problems += [p for p in first if p in set(second)]
                marked[ydoc.display] = tuple(dict.fromkeys(standing + twin_standing))
                if model is not None and twin is not None:
                    docs.append(Document(path, ydoc.display, model, ydoc.lines, data))
                    twin_docs.append(Document(path, ydoc.display, twin, ydoc.lines, twin_data))
                continue
            model, model_problems = validate(coll.model, ydoc)
            problems += model_problems
            if model is not None:
                docs.append(doc := Document(path, ydoc.display, model, ydoc.lines, ydoc.data))
                twin_docs.append(doc)
        if len(docs) < len(paths):
            incomplete.add(coll.field)
        if coll.required and not paths:
            problems.append(Problem(str(root / coll.pattern), 0, "", "filen saknas" if coll.single else "inga filer hittades"))
        if coll.single:
            if len(paths) > 1:  # pragma: no cover - a plain file name matches once
                problems.append(Problem(str(root / coll.pattern), 0, "", "bara en fil får finnas"))
            values[coll.field] = docs[0] if docs else None
            twin_values[coll.field] = twin_docs[0] if twin_docs else None
        else:
            values[coll.field] = sorted(docs, key=_version_sort_key)
            twin_values[coll.field] = sorted(twin_docs, key=_version_sort_key)
    yamlcache.save()  # the files read without a problem, for the next read
    for path in files:
        if path not in claimed and not _ignored(path, root):
            problems.append(
                Problem(display_path(path), 0, "", "filen hör inte till någon känd datamängd (fel namn eller fel mapp?)")
            )
    if problems:
        needed = [c.field for c in COLLECTIONS if c.single and c.required]
        if partial and all(values.get(f) is not None for f in needed):
            part = dict(root=root, incomplete=frozenset(incomplete), marked=marked)
            twin = DataSet(**part, **twin_values) if marked else None
            return DataSet(**part, twin=twin, **values), problems
        return None, problems
    return DataSet(root=root, **values), []


def _ignored(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    return any(part.startswith(".") for part in rel.parts) or path.suffix.lower() in (".md", ".txt")


def load_dataset(root: Path) -> DataSet:
    """Read, validate and cross-check. Raises DataError with every problem."""
    from .checks import run_checks

    dataset, problems = read_dataset(root, partial=True)
    if dataset is None:
        raise DataError(problems)
    if problems:
        # Some files could not be read: every problem at once still means the
        # cross-checks over the files that could (a check that needs a missing
        # file may fail on the gap; the reason is already reported above).
        raise DataError(problems + _checks_over_part(dataset))
    problems = run_checks(dataset)
    if problems:
        raise DataError(problems)
    return dataset


def _checks_over_part(dataset: DataSet) -> list[Problem]:
    """The cross-checks that see only complete collections, over a partial data set.

    A check that reads a collection with a file missing would report the gap as
    the data's fault ("no förbundsordning in force") next to the real reason (the
    file's own problem), so which collections each check reads is watched, and
    its problems are kept only when every collection it read is complete.
    """
    import copy
    from dataclasses import replace

    from .checks import CHECKS

    problems: list[Problem] = []
    for c in CHECKS.values():
        read: set[str] = set()

        class Watched(type(dataset)):  # type: ignore[misc,valid-type]
            def __getattribute__(self, name):
                read.add(name)
                return super().__getattribute__(name)

        def run(ds: DataSet) -> list[Problem]:
            watched = copy.copy(ds)
            watched.__class__ = Watched
            return [replace(p, check=c.name) for p in c.run(watched)]

        try:
            found = run(dataset)
            if dataset.twin is not None:
                # A problem that changes with the stand-ins depends on a value to fill in.
                again = set(run(dataset.twin))
                found = [p for p in found if p in again and not related(p.path, dataset.marked.get(p.file, ()), root=False)]
        except Exception:  # noqa: BLE001 - a check may need the file that is missing
            continue
        if not read & dataset.incomplete:
            problems += found
    return problems


_cache: dict[Path, tuple[tuple, DataSet]] = {}


def load_dataset_cached(root: Path) -> DataSet:
    """Like load_dataset, but reads the files once per change (one build = one read).

    The MkDocs hooks and macros both ask for the data; the cache key is every
    file's name, size and modification time, so ``mkdocs serve`` reloads after
    an edit.
    """
    root = Path(root).resolve()
    stamp = tuple((str(p), s.st_mtime_ns, s.st_size) for p in data_files(root)[0] if (s := p.stat()))
    hit = _cache.get(root)
    if hit and hit[0] == stamp:
        return hit[1]
    dataset = load_dataset(root)
    _cache[root] = (stamp, dataset)
    return dataset

"""The form editor's configuration (Decap CMS at /admin/), generated from the models.

The same models and help-text catalogue (``helptexts``) that write schemas/
write the editor's ``config.yml``: every field gets its Swedish label and help,
fixed values become drop-downs, dates a date picker, numbers a number field,
and ids that point at people, sources, members or insatser become pickers over
the files that define them. ``config(...)`` returns the configuration as a
dict; the MkDocs hook (macros/admin_hook.py) writes it with the editor's own
files into the built site.

Decap CMS was chosen over Sveltia CMS (README, "Formulärredigeraren"):
Decap's bundle carries its Swedish translation and makes no request to a CDN;
Sveltia 0.221 fetches its fonts and every non-English translation from
jsDelivr/unpkg, and it has no local proxy server to test against offline.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel

from .dataset import COLLECTIONS, Collection
from .helptexts import field_help, literal_values, model_help, model_key, value_label
from .model.base import CLOCK_PATTERN
from .model.budget import POST_TYPE, Budget

# Free text written over several lines (a multi-line text box instead of one line).
LONG_TEXT = {
    "text", "beskrivning", "kommentar", "syfte", "vision", "inriktning", "sammanfattning",
    "forklaring", "motivering", "villkor", "mal", "notering", "atgard", "status_skal", "skal",
}

# Dates and times of day (Decap 3's datetime widget, decap-cms-widget-datetime 3.6):
# ``format`` is what is stored, the schema's form (a date ÅÅÅÅ-MM-DD, a time TT:MM);
# ``date_format``/``time_format`` choose the picker, a date or a time picker (``False``
# leaves that half out), in that same form. The picker is the browser's own
# (<input type=date|time>), which shows the date as the browser's language does: a
# Swedish browser shows 2025-03-14 and 24-hour time, whatever the config says (Decap 3
# has no option for the shown form). No ``picker_utc``: a date without a time is read
# and written as the same day in any time zone, and the option adds a "UTC" label.
# An empty field stays empty (Decap's default since 3.2.1 is "", not today).
DATE_WIDGET = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
TIME_WIDGET = {"widget": "datetime", "format": "HH:mm", "date_format": False, "time_format": "HH:mm"}

# Ids that point at a record defined elsewhere: (collection, file, list, label field).
# Each becomes a relation widget: a searchable picker over the records that exist.
SOURCE = ("kallor", "kallor", "kallor", "titel")
PERSON = ("personer", "personer", "personer", "namn")
MEMBER = ("forbund", "forbund", "organisationer", "namn")
INSATS = ("insatser", "insatser", "insatser", "namn")
REFERENCES: dict[str, tuple[str, str, str, str]] = {
    "kalla": SOURCE,
    "kallor": SOURCE,
    "beslut_kalla": SOURCE,
    "person": PERSON,
    "ordforande": PERSON,
    "vice_ordforande": PERSON,
    "medlem": MEMBER,
    "parter": MEMBER,
    "avvecklas": MEMBER,
    "sate": MEMBER,
    "medlemmar": MEMBER,
    "kommun": MEMBER,
}
# Fields whose name means something else in one model (not a reference there).
NOT_REFERENCES = {("medlemsinsatser", "medlem")}  # may also be "staten"

# The collections the editor shows, in this order (field names in COLLECTIONS).
# Budgets come after them (budget_collection): their amounts sit in maps keyed by
# each file's own column ids, so each budget year has its own form, written from
# that file's columns. A new budget year cannot be a form of its own (its columns
# are not known until someone writes them); it starts with `make nytt-ar` or a
# copy in GitHub's editor (docs/om-webbplatsen/redigera.md).
EDITED = [
    "moten", "styrelser", "personer", "dokument", "kallor", "insatser",
    "verksamhetsplaner", "medlemsinsatser", "utfall", "arvoden", "forbund", "arshjul",
]


def _strip_optional(annotation):
    """(inner type, optional?) for ``X | None``."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]), True
    return annotation, False


def _base(annotation):
    """The type under ``Annotated[...]``."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _models(annotation) -> list[type[BaseModel]]:
    annotation = _base(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [m for a in typing.get_args(annotation) for m in _models(a)]
    return []


def _module(cls: type[BaseModel]) -> str:
    return cls.__module__.rsplit(".", 1)[-1]


def widget(cls: type[BaseModel], name: str, columns: dict[str, str] | None = None) -> dict:
    """The Decap field for ``cls.name``: label, hint, widget and its options.

    ``columns`` (a budget's column id -> heading) gives the keys of a map keyed by
    column (a budget line's amounts): one number field per column of that file.
    """
    info = cls.model_fields[name]
    help_ = field_help(cls, name)
    out: dict = {"name": name, "label": help_.title if help_ else name}
    if help_:
        out["hint"] = help_.description
    annotation, optional = _strip_optional(info.annotation)
    clock = _is_clock(annotation)
    annotation = _base(annotation)
    if optional or not info.is_required():
        out["required"] = False
    origin = typing.get_origin(annotation)
    values = literal_values(annotation)
    ref = REFERENCES.get(name) if (_module(cls), name) not in NOT_REFERENCES else None

    if origin is list:
        (item,) = typing.get_args(annotation) or (str,)
        item, _ = _strip_optional(item)
        item = _base(item)
        models = _models(item)
        if ref:
            out.update(_relation(ref, multiple=True))
        elif len(models) == 1:
            out.update(widget="list", fields=fields_of(models[0], columns), summary=_summary(models[0]))
            own = model_help(models[0])
            if own:
                out["label_singular"] = own.title.lower()
            if len(models[0].model_fields) <= 3:
                out["collapsed"] = False  # small items (a seat): shown open, no click to see them
        elif len(models) > 1:
            # A list mixing shapes: each item says its shape under POST_TYPE (the model's
            # tagged union), which is the key Decap's typed list writes.
            out.update(widget="list", types=[_typed(m, columns) for m in models], typeKey=POST_TYPE)
            out["label_singular"] = "post"  # "Lägg till post", then the shape: Rad / Grupp av rader
        elif literal_values(item):
            out.update(_select(literal_values(item), multiple=True))
        else:
            out.update(widget="list", field={"name": "varde", "label": out["label"], **_scalar(item, name)})
        return out
    if ref:
        out.update(_relation(ref))
        return out
    if values:
        out.update(_select(values))
        return out
    models = _models(annotation)
    if models:
        fields = fields_of(models[0], columns)
        out.update(widget="object", fields=_optional(fields) if out.get("required") is False else fields, collapsed=True)
        return out
    if origin is dict:
        out.update(_map(cls, annotation, columns))
        return out
    out.update(TIME_WIDGET if clock else _scalar(annotation, name))
    return out


def _is_clock(annotation) -> bool:
    """A time of day (``Clock``: HH:MM, 24 hours), told by its pattern."""
    return typing.get_origin(annotation) is typing.Annotated and any(
        getattr(m, "pattern", None) == CLOCK_PATTERN for m in typing.get_args(annotation)[1:]
    )


def _map(cls: type[BaseModel], annotation, columns: dict[str, str] | None) -> dict:
    """A map as an object with one field per key: fixed keys (a Literal) or, for a
    map keyed by column, the columns of the file the form edits. A map whose keys
    are chosen freely has no faithful form."""
    key_type, value_type = typing.get_args(annotation)
    fixed = literal_values(_base(key_type))
    if fixed:
        keys = {k: (field_help(cls, k).title if field_help(cls, k) else k) for k in fixed}
    elif columns is not None:
        keys = columns
    else:
        raise NotImplementedError(f"{model_key(cls)}: en tabell med egna nycklar har inget formulärfält")
    value_type, _ = _strip_optional(value_type)
    models = _models(value_type)
    fields = []
    for key, heading in keys.items():
        if models:
            help_ = model_help(models[0])
            fields.append({
                "name": key, "label": f"{heading}: {help_.title.lower()}" if help_ else heading,
                "hint": help_.description if help_ else heading, "required": False,
                "widget": "object", "collapsed": True, "fields": _optional(fields_of(models[0], columns)),
            })
        else:
            fields.append({
                "name": key, "label": heading, "required": False,
                "hint": f"Beloppet i kolumnen {heading} ({key}), i filens enhet. Tomt där dokumentet inte trycker något.",
                **_scalar(_base(value_type), key),
            })
    return {"widget": "object", "collapsed": False, "fields": fields}


def _optional(fields: list[dict]) -> list[dict]:
    """The fields of an object that may be left out (an acknowledged difference):
    Decap checks the required fields of an empty optional object too and refuses
    to save, so inside one nothing is required in the form; the validator still
    requires them once the object is filled in (the pull request's checks)."""
    out = []
    for f in fields:
        f = {**f, "required": False}
        if f.get("widget") == "object":
            f["fields"] = _optional(f["fields"])
        out.append(f)
    return out


def _scalar(annotation, name: str) -> dict:
    annotation = _base(annotation)
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int:
        return {"widget": "number", "value_type": "int"}
    if annotation in (Decimal, float):
        return {"widget": "number", "value_type": "float"}
    if annotation is dt.date:
        return dict(DATE_WIDGET)
    return {"widget": "text" if name in LONG_TEXT else "string"}


def _select(values: list, multiple: bool = False) -> dict:
    options = [{"label": value_label(v) or str(v), "value": v} for v in values]
    out = {"widget": "select", "options": options}
    if multiple:
        out["multiple"] = True
    return out


def _relation(ref: tuple[str, str, str, str], multiple: bool = False) -> dict:
    collection, file, items, label = ref
    out = {
        "widget": "relation",
        "collection": collection,
        "file": file,
        "value_field": f"{items}.*.id",
        "search_fields": [f"{items}.*.{label}", f"{items}.*.id"],
        "display_fields": [f"{items}.*.{label}"],
        "options_length": 200,
    }
    if multiple:
        out["multiple"] = True
    return out


def _summary(cls: type[BaseModel]) -> str:
    if "datum" in cls.model_fields and "rubrik" in cls.model_fields:
        return "{{fields.datum}} {{fields.rubrik}}"
    for name in ("rubrik", "namn", "titel", "id", "text"):
        if name in cls.model_fields:
            return "{{fields.%s}}" % name
    return " · ".join("{{fields.%s}}" % name for name in list(cls.model_fields)[:3])


def _tag(cls: type[BaseModel]) -> str:
    """The one value ``cls`` has under POST_TYPE (``Rad`` -> ``rad``)."""
    (value,) = typing.get_args(cls.model_fields[POST_TYPE].annotation)
    return value


def _typed(cls: type[BaseModel], columns: dict[str, str] | None = None) -> dict:
    """One shape of a typed list; Decap writes its name under the list's typeKey."""
    help_ = model_help(cls)
    fields = [f for f in fields_of(cls, columns) if f["name"] != POST_TYPE]
    out = {"name": _tag(cls), "label": help_.title if help_ else cls.__name__, "fields": fields}
    if help_:
        out["hint"] = help_.description
    out["summary"] = _summary(cls)
    return out


def fields_of(cls: type[BaseModel], columns: dict[str, str] | None = None) -> list[dict]:
    out = []
    for name in cls.model_fields:
        if name == POST_TYPE and typing.get_origin(cls.model_fields[name].annotation) is typing.Literal and len(
            typing.get_args(cls.model_fields[name].annotation)
        ) == 1:
            # An item's shape where the list has one shape only (a group's lines):
            # written, not asked for.
            help_ = field_help(cls, name)
            out.append({"name": name, "label": help_.title, "hint": help_.description, "widget": "hidden", "default": _tag(cls)})
            continue
        out.append(widget(cls, name, columns))
    return out


def _collection(coll: Collection) -> dict:
    help_ = model_help(coll.model)
    label = help_.title if help_ else coll.field
    base = {
        "label": label,
        "description": help_.description if help_ else "",
        "extension": "yaml",
        "format": "yaml",
        "editor": {"preview": False},
    }
    if coll.single:
        return {
            "name": coll.field,
            **base,
            "files": [
                {"name": coll.field, "label": label, "file": f"data/{coll.pattern}", "fields": fields_of(coll.model)}
            ],
        }
    folder = "data/" + coll.pattern.rsplit("/", 1)[0]
    out = {"name": coll.field, **base, "folder": folder, "fields": fields_of(coll.model)}
    if "ar" in coll.model.model_fields:
        out.update(create=True, identifier_field="ar", slug="{{ar}}", summary="{{fields.ar}}")
        out["label_singular"] = f"{label.lower()} för ett nytt år"  # "Lägg till verksamhetsplan för ett nytt år"
    else:
        # Files named after the year they hold (moten/2025.yaml): a new one is named by the
        # year it is created in; the guide says how to start next year's file in advance.
        out.update(create=coll.field == "moten", slug="{{year}}", summary="{{filename}}")
        if coll.field == "moten":
            out["label_singular"] = "möten för i år"  # the new file is named after the current year
        out["identifier_field"] = coll.model.model_fields and next(iter(coll.model.model_fields))
    return out


def budget_columns(data_root: Path, newest: int | None = None) -> dict[int, dict[str, str]]:
    """Each budget file's columns (id -> heading), read as the validator reads them;
    with ``newest``, only the newest that many years that have columns (the files are
    read newest first and reading stops there: the forms need no older year).

    A file that does not parse or has no columns yet is left out: it has no form
    until it is valid (its problems are reported by `make validate`)."""
    from .yamlload import read_yaml

    out: dict[int, dict[str, str]] = {}
    years = sorted((int(p.stem), p) for p in Path(data_root).glob("budget/*.yaml") if p.stem.isdigit())
    for year, path in reversed(years):
        if newest is not None and len(out) >= newest:
            break
        doc, problems = read_yaml(path)
        data = doc.data if doc is not None and not problems else None
        if not isinstance(data, dict) or not isinstance(data.get("kolumner"), list):
            continue
        cols = {
            str(c["id"]): str(c.get("rubrik") or c["id"])
            for c in data["kolumner"]
            if isinstance(c, dict) and isinstance(c.get("id"), str)
        }
        if cols:
            out[year] = cols
    return dict(sorted(out.items()))


# The budget years that have a form: the newest few. A budget is adopted once and then
# stands; the years that change are the one being prepared, the current one and the last.
# Older years are corrected in GitHub's web editor (the guide says how). Each form is as
# large as its year's table, so a form for every year would make the editor's
# config.yml (and the build that writes it) grow with every year of data.
BUDGET_FORM_YEARS = 3


def budget_collection(budgets: dict[int, dict[str, str]]) -> dict | None:
    """Budgets: one form for each of the newest years, whose amount fields are that year's columns."""
    if not budgets:
        return None
    help_ = model_help(Budget)
    newest = sorted(budgets)[-BUDGET_FORM_YEARS:]
    return {
        "name": "budgetar",
        "label": help_.title + "ar" if help_ else "Budgetar",
        "description": (
            f"Ett formulär för vart och ett av de {BUDGET_FORM_YEARS} senaste budgetåren, med ett "
            "beloppsfält per kolumn i årets tabell. Äldre budgetar rättas i GitHubs webbredigerare. "
            "Ett nytt budgetår skapas med make nytt-ar eller i GitHubs webbredigerare (se guiden)."
        ),
        "extension": "yaml",
        "format": "yaml",
        "editor": {"preview": False},
        "files": [
            {
                "name": str(year),
                "label": f"Budget {year}",
                "file": f"data/budget/{year}.yaml",
                "fields": fields_of(Budget, columns),
            }
            for year, columns in ((y, budgets[y]) for y in newest)
        ],
    }


def news_collection() -> dict:
    """Aktuellt: Material's blog posts (Markdown with front matter)."""
    return {
        "name": "nyheter",
        "label": "Nyheter (Aktuellt)",
        "label_singular": "nyhet",
        "description": "Nyheter på sidan Aktuellt. Rubriken är första raden i texten, efter #.",
        "folder": "data/sidor/aktuellt/posts",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "identifier_field": "slug",
        "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
        "summary": "{{date.created}} {{slug}}",
        "editor": {"preview": False},
        "fields": [
            {
                "name": "date",
                "label": "Datum",
                "hint": "När nyheten publiceras.",
                "widget": "object",
                "fields": [
                    {
                        "name": "created",
                        "label": "Publiceringsdag",
                        "hint": "Dagen nyheten gäller, ÅÅÅÅ-MM-DD.",
                        **_scalar(dt.date, "created"),
                    }
                ],
            },
            {
                "name": "slug",
                "label": "Kort namn i adressen",
                "hint": "Små bokstäver och bindestreck, utan å, ä, ö (t.ex. nytt-styrelsemote).",
                "widget": "string",
                "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*$", "Bara a–z, 0–9 och bindestreck."],
            },
            {
                "name": "description",
                "label": "Sammanfattning",
                "hint": "En mening som visas i listan och i RSS-flödet.",
                "widget": "string",
            },
            {
                "name": "body",
                "label": "Text",
                "hint": "Börja med rubriken på en egen rad: # Rubrik. Skriv <!-- more --> där ingressen slutar.",
                "widget": "markdown",
                "modes": ["raw"],
            },
        ],
    }


def config(
    repo: str | None,
    branch: str = "main",
    base_url: str | None = None,
    site_url: str | None = None,
    data_root: Path | None = None,
    site_domain: str | None = None,
    auth_endpoint: str | None = None,
) -> dict:
    """The whole config.yml. ``repo`` is ``owner/name`` on GitHub; ``data_root``
    (the data directory) gives the budget years their forms."""
    backend: dict = {
        "name": "github",
        "repo": repo or "OKAND/OKAND",
        "branch": branch,
        # In Swedish, naming the file: each becomes a commit and the pull request's title.
        "commit_messages": {
            "create": "Ny fil {{path}} (formulärredigeraren)",
            "update": "Ändring i {{path}} (formulärredigeraren)",
            "delete": "Ta bort {{path}} (formulärredigeraren)",
            "uploadMedia": "Ladda upp {{path}} (formulärredigeraren)",
            "deleteMedia": "Ta bort {{path}} (formulärredigeraren)",
        },
    }
    # Sign-in (README, "Sign-in on GitHub Pages"): base_url is the OAuth proxy (Decap's
    # default is Netlify's, https://api.netlify.com); site_domain names the Netlify site
    # whose OAuth settings hold the GitHub app when Netlify is the provider;
    # auth_endpoint is the proxy's sign-in path when it is not Decap's default "auth".
    if base_url:
        backend["base_url"] = base_url
    if site_domain:
        backend["site_domain"] = site_domain
    if auth_endpoint:
        backend["auth_endpoint"] = auth_endpoint
    by_field = {c.field: c for c in COLLECTIONS}
    out = {
        "locale": "sv",
        "backend": backend,
        # On a staff member's own machine, `npx decap-server` serves the working copy on
        # 127.0.0.1:8081 and the editor uses it instead of GitHub (README).
        "local_backend": {"url": "http://127.0.0.1:8081/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]},
        # Every change becomes a branch and a pull request: nothing reaches main unchecked.
        "publish_mode": "editorial_workflow",
        "media_folder": "docs/dokument",
        "public_folder": "/dokument",
        "collections": [news_collection()] + [_collection(by_field[f]) for f in EDITED if f in by_field],
    }
    budgets = budget_collection(budget_columns(data_root, BUDGET_FORM_YEARS)) if data_root is not None else None
    if budgets:
        out["collections"].append(budgets)
    if site_url:
        out["site_url"] = site_url
        out["display_url"] = site_url
    return out

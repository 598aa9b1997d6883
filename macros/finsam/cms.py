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

from pydantic import BaseModel

from .dataset import COLLECTIONS, Collection
from .helptexts import field_help, literal_values, model_help, model_key, value_label

# Free text written over several lines (a multi-line text box instead of one line).
LONG_TEXT = {
    "text", "beskrivning", "kommentar", "syfte", "vision", "inriktning", "sammanfattning",
    "forklaring", "motivering", "villkor", "mal", "notering", "atgard", "status_skal", "skal",
}

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
# Budgets are not here: their amounts sit in maps keyed by column id, which no form
# widget writes back as a map; a new budget year starts with `make nytt-ar` and is
# filled in in GitHub's editor (docs/om-webbplatsen/redigera.md).
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


def widget(cls: type[BaseModel], name: str) -> dict:
    """The Decap field for ``cls.name``: label, hint, widget and its options."""
    info = cls.model_fields[name]
    help_ = field_help(cls, name)
    out: dict = {"name": name, "label": help_.title if help_ else name}
    if help_:
        out["hint"] = help_.description
    annotation, optional = _strip_optional(info.annotation)
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
            out.update(widget="list", fields=fields_of(models[0]), summary=_summary(models[0]))
            own = model_help(models[0])
            if own:
                out["label_singular"] = own.title.lower()
            if len(models[0].model_fields) <= 3:
                out["collapsed"] = False  # small items (a seat): shown open, no click to see them
        elif len(models) > 1:
            out.update(widget="list", types=[_typed(m) for m in models], typeKey="slag")
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
        out.update(widget="object", fields=fields_of(models[0]), collapsed=True)
        return out
    if origin is dict:
        # A map with keys chosen by staff (a budget's column id -> amount) has no form
        # widget that writes it back as a map; such files are edited in GitHub's editor.
        raise NotImplementedError(f"{model_key(cls)}.{name}: en tabell med egna nycklar har inget formulärfält")
    out.update(_scalar(annotation, name))
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
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "picker_utc": True,
        }
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


def _typed(cls: type[BaseModel]) -> dict:
    help_ = model_help(cls)
    return {"name": cls.__name__.lower(), "label": help_.title if help_ else cls.__name__, "fields": fields_of(cls)}


def fields_of(cls: type[BaseModel]) -> list[dict]:
    return [widget(cls, name) for name in cls.model_fields]


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
    else:
        # Files named after the year they hold (moten/2025.yaml): a new one is named by the
        # year it is created in; the guide says how to start next year's file in advance.
        out.update(create=coll.field == "moten", slug="{{year}}", summary="{{filename}}")
        out["identifier_field"] = coll.model.model_fields and next(iter(coll.model.model_fields))
    return out


def news_collection() -> dict:
    """Aktuellt: Material's blog posts (Markdown with front matter)."""
    return {
        "name": "nyheter",
        "label": "Nyheter (Aktuellt)",
        "label_singular": "Nyhet",
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


def config(repo: str | None, branch: str = "main", base_url: str | None = None, site_url: str | None = None) -> dict:
    """The whole config.yml. ``repo`` is ``owner/name`` on GitHub."""
    backend: dict = {"name": "github", "repo": repo or "OKAND/OKAND", "branch": branch}
    if base_url:
        backend["base_url"] = base_url
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
    if site_url:
        out["site_url"] = site_url
        out["display_url"] = site_url
    return out

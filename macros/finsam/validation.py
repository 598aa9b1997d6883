"""Turn pydantic's validation errors into Swedish problems with file and line."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .model.base import MAX_ID_LENGTH, PATTERN_MESSAGES
from .model.budget import POST_SHAPES, POST_TYPE
from .problems import Problem
from .validatorcache import prepare
from .yamlload import PathKey, YamlDocument, format_path


def _close_matches(word: str, possibilities, n: int, cutoff: float) -> list[str]:
    """difflib.get_close_matches, with difflib (and heapq) imported only when a
    message looks for the value meant: good data never needs it."""
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)


def validate(model: type[BaseModel], doc: YamlDocument) -> tuple[BaseModel | None, list[Problem]]:
    if not isinstance(doc.data, dict):
        return None, [
            Problem(doc.display, 1, "", "filen ska börja med nycklar (namn: värde), inte en lista eller ett enskilt värde")
        ]
    prepare(model)  # pydantic's validator from an earlier process, when it is still right
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        return None, _problems(model, doc, err)


def _problems(model: type[BaseModel], doc: YamlDocument, err: ValidationError) -> list[Problem]:
    by_path: dict[PathKey, list[dict]] = {}
    for e in err.errors(include_url=False):
        path = _data_path(doc.data, e["loc"])
        if e["type"] == "union_tag_invalid":
            path += (_tag_key(e),)  # the line of the wrong value, not of the item
        if e["type"] == "union_tag_not_found":
            e = {**e, "ctx": {**(e.get("ctx") or {}), "expected_tags": _tags_at(model, path, _tag_key(e))}}
        by_path.setdefault(path, []).append(e)
    _drop_missing_explained_by_misspelling(model, by_path)
    problems = []
    for path, errors in by_path.items():
        message = _message(model, path, errors)
        problems.append(Problem(doc.display, doc.lines.line(path), format_path(path), message))
    return problems


def _drop_missing_explained_by_misspelling(model, by_path: dict[PathKey, list[dict]]) -> None:
    """A misspelt key gives 'unknown key' and 'missing key'; keep only the first.

    ``kortnam: Arboga`` should read as one problem: "okänd nyckel 'kortnam';
    menade du 'kortnamn'?", not also "nyckeln 'kortnamn' saknas".
    """
    for path, errors in list(by_path.items()):
        if not path or not any(e["type"] == "extra_forbidden" for e in errors):
            continue
        allowed = _allowed_keys(model, path[:-1])
        close = _close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        if not close:
            continue
        missing_path = path[:-1] + (close[0],)
        remaining = [e for e in by_path.get(missing_path, []) if e["type"] != "missing"]
        if missing_path in by_path:
            if remaining:
                by_path[missing_path] = remaining
            else:
                del by_path[missing_path]


def _data_path(data: Any, loc: tuple) -> PathKey:
    """Keep the parts of pydantic's location that name real keys/positions.

    Unions add branch names (``Aldersgrupp``, ``literal['alla']``) to the
    location; those are not in the data and are dropped. A tagged union (a list
    whose items say their shape under ``typ``) adds the tag after the item's
    position; it is dropped too, even where it is also a key (``grupp``).
    """
    path: list[Any] = []
    node = data
    for i, part in enumerate(loc):
        if (
            i and isinstance(loc[i - 1], int) and isinstance(node, dict) and part == node.get(POST_TYPE)
            and i + 1 < len(loc)
        ):
            continue  # the tag of a tagged union's branch
        if isinstance(node, dict) and isinstance(part, str) and (
            part in node or (part == loc[-1] and not any(c in part for c in "[("))  # not a union branch's label
        ):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif node is None or not isinstance(node, (dict, list)):
            break
    return tuple(path)


def _message(model: type[BaseModel], path: PathKey, errors: list[dict]) -> str:
    # For a union, pydantic reports one error per branch; prefer the most telling.
    if len(errors) > 1:
        non_type = [e for e in errors if e["type"] not in ("literal_error", "model_type", "dict_type")]
        literal = [e for e in errors if e["type"] == "literal_error"]
        if non_type:
            errors = non_type[:1]
        elif literal:
            # Fixed values from several lists (and perhaps a nested object) in one union:
            # one list of every allowed value, not "…eller…eller".
            allowed = list(dict.fromkeys(a for e in literal for a in re.findall(r"'([^']*)'", str(e["ctx"]["expected"]))))
            shown = [f"'{a}'" for a in allowed]
            if any(e["type"] in ("model_type", "dict_type") for e in errors):
                shown.append("en samling nycklar")
            expected = ", ".join(shown[:-1]) + (" eller " if len(shown) > 1 else "") + shown[-1]
            value = errors[0]["input"]
            hint = _did_you_mean({"expected": ", ".join(shown)}, value)
            return f"ska vara {expected}, inte {_show(value)}{hint}"
    return "; ".join(dict.fromkeys(_one(model, path, e) for e in errors))


def _fold(text: str) -> str:
    """Lower case without å, ä, ö, é: how fixed values are written ('Förbundsstyrelsen' -> 'forbundsstyrelsen')."""
    import unicodedata

    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()


def _did_you_mean(ctx: dict, value: Any) -> str:
    """'; menade du 'protokoll'?' when the value is an allowed one written as a word
    (capital letter, å/ä/ö, a label like 'Förbundsstyrelsen')."""
    if not isinstance(value, str) or not value.strip():
        return ""
    allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
    folded = {_fold(a): a for a in allowed}
    close = _close_matches(_fold(value.strip()).replace(" ", "_"), list(folded), n=1, cutoff=0.85)
    return f"; menade du '{folded[close[0]]}'?" if close and folded[close[0]] != value else ""


def _swedish_or(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as "'a', 'b' eller 'c'"."""
    return re.sub(r"(?<=') or (?=')", " eller ", str(expected))


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "en samling" if isinstance(value, dict) else "en lista"
    if value is None:
        return "null (tomt)"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return f"'{text}'"


def _tag_key(e: dict) -> str:
    return str((e.get("ctx") or {}).get("discriminator", POST_TYPE)).strip("'\"")


def _tags_at(model: type[BaseModel], path: PathKey, key: str) -> str:
    """The tags a tagged union at ``path`` accepts, as pydantic writes them ("'rad', 'grupp'")."""
    current: Any = model
    for part in path:
        current = _unwrap(current, part)
        if current is None:
            return ""
    while typing.get_origin(current) is typing.Annotated:
        current = typing.get_args(current)[0]
    tags = []
    for branch in typing.get_args(current):
        field = branch.model_fields.get(key) if _is_model(branch) else None
        tags += [repr(v) for v in typing.get_args(field.annotation)] if field else []
    return ", ".join(tags)


def _tag_choices(e: dict) -> str:
    """"typ: rad (Rad med belopp) eller typ: grupp (...)" from a tagged union's error."""
    key = _tag_key(e)
    tags = re.findall(r"'([^']*)'", str((e.get("ctx") or {}).get("expected_tags", "")))
    shown = [f"{key}: {t}" + (f" ({POST_SHAPES[t]})" if t in POST_SHAPES else "") for t in tags]
    return ", ".join(shown[:-1]) + (" eller " if len(shown) > 1 else "") + shown[-1] if shown else key


def _one(model: type[BaseModel], path: PathKey, e: dict) -> str:
    t = e["type"]
    ctx = e.get("ctx") or {}
    value = e.get("input")
    if t == "union_tag_not_found":
        return (
            f"nyckeln '{_tag_key(e)}' saknas; listan har poster av två slag och varje post säger "
            f"vilket den är: {_tag_choices(e)}"
        )
    if t == "union_tag_invalid":
        return f"ska vara {_tag_choices(e)}, inte {_show(ctx.get('tag'))}"
    if t == "missing":
        key = path[-1] if path else ""
        return f"nyckeln '{key}' saknas (skriv null om uppgiften inte är känd)"
    if t == "extra_forbidden":
        key = str(path[-1]) if path else ""
        allowed = _allowed_keys(model, path[:-1])
        close = _close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"; menade du '{close[0]}'?" if close else (
            f"; tillåtna nycklar här: {', '.join(allowed)}" if allowed else ""
        )
        return f"okänd nyckel '{key}'{hint}"
    if t in ("int_parsing", "int_type", "int_from_float"):
        return f"ska vara ett heltal, inte {_show(value)}"
    if t in ("decimal_parsing", "decimal_type", "float_parsing", "float_type", "decimal_max_places"):
        return f"ska vara ett tal (med punkt som decimaltecken), inte {_show(value)}"
    if t in ("bool_type", "bool_parsing"):
        return f"ska vara true eller false, inte {_show(value)}"
    if t == "string_type":
        return f"ska vara text, inte {_show(value)}"
    if t == "string_too_short":
        return "får inte vara tom"
    if t == "string_too_long":
        limit = ctx.get("max_length")
        if ctx.get("max_length") == MAX_ID_LENGTH:
            return (
                f"id:t är för långt ({len(str(value))} tecken); högst {limit}, eftersom det blir en del av "
                "sidors och filers namn"
            )
        return f"är för långt ({len(str(value))} tecken); högst {limit}"
    if t == "string_pattern_mismatch":
        what = PATTERN_MESSAGES.get(ctx.get("pattern", ""), "har inte rätt form")
        return f"{what}, inte {_show(value)}"
    if t.startswith("date") or t.startswith("datetime"):
        return f"ska vara ett datum på formen ÅÅÅÅ-MM-DD, inte {_show(value)}"
    if t.startswith("time"):
        return f"ska vara en tid på formen TT:MM, inte {_show(value)}"
    if t == "literal_error":
        return f"ska vara {_swedish_or(ctx.get('expected', ''))}, inte {_show(value)}{_did_you_mean(ctx, value)}"
    if t in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"ska vara {'minst' if t == 'greater_than_equal' else 'större än'} {bound}, inte {_show(value)}"
    if t in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"ska vara {'högst' if t == 'less_than_equal' else 'mindre än'} {bound}, inte {_show(value)}"
    if t == "list_type":
        return f"ska vara en lista (rader som börjar med '- '), inte {_show(value)}"
    if t in ("dict_type", "model_type", "model_attributes_type"):
        return f"ska vara en samling nycklar och värden, inte {_show(value)}"
    if t == "too_short":
        return f"ska ha minst {ctx.get('min_length')} poster"
    if t == "too_long":
        return f"får ha högst {ctx.get('max_length')} poster"
    if t == "value_error":
        return str(ctx.get("error", e["msg"]))
    return f"ogiltigt värde {_show(value)}"


def _allowed_keys(model: type[BaseModel], path: PathKey) -> list[str]:
    """The keys a model accepts at ``path`` (for 'did you mean')."""
    current: Any = model
    for part in path:
        current = _unwrap(current, part)
        if current is None:
            return []
    current = _unwrap(current, None)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: Any, part: Any) -> Any:
    """Follow one step of a path into a type (models, lists, optionals, unions)."""
    for _ in range(10):
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            models = [a for a in typing.get_args(tp) if _is_model(a) or typing.get_origin(a) is list]
            if not models:
                return None
            if isinstance(part, str):
                models = [m for m in models if _is_model(m) and part in m.model_fields] or models
            tp = models[0]
        elif origin is list:
            if isinstance(part, int):
                return typing.get_args(tp)[0]
            tp = typing.get_args(tp)[0]
        elif _is_model(tp):
            if part is None or isinstance(part, int):
                return tp
            field = tp.model_fields.get(part)
            return field.annotation if field else None
        else:
            return tp
    return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)

"""The förbund: name, purpose, members and history."""

from __future__ import annotations

from types import SimpleNamespace

from ..model.forbund import KIND_LABELS
from . import Context, macro
from .. import format as fmt
from . import text


def current_forbundsordning(ctx: Context):
    doc = ctx.ds.forbundsordning_on(ctx.today) or ctx.ds.forbundsordningar[-1]
    return doc


def forbund_variables(ctx: Context) -> SimpleNamespace:
    fo = current_forbundsordning(ctx).model
    _, name = fo.rule("namn")
    _, seat = fo.rule("sate")
    seat_org = ctx.ds.organisation(seat) if seat else None
    return SimpleNamespace(
        namn=text.inline(name or fo.forbund),
        sate=text.inline(seat_org.namn) if seat_org else "okänt",
        webbplats=text.inline(ctx.ds.forbund.model.webbplats or ""),
    )


def variables(ctx: Context) -> dict:
    """Variables for the pages' Jinja. Text values are already escaped."""
    return {"forbund": forbund_variables(ctx)}


def member_ids(ctx: Context) -> list[str]:
    _, members = current_forbundsordning(ctx).model.rule("medlemmar")
    return list(members or [])


@macro
def syfte(ctx: Context) -> str:
    """The förbund's purpose, in the staff's words (data/forbund.yaml: syfte)."""
    return text.blocks(ctx.ds.forbund.model.syfte)


@macro
def medlemmar(ctx: Context) -> str:
    """Table of the members under the förbundsordning in force, by kind."""
    orgs = [ctx.ds.organisation(m) for m in member_ids(ctx)]
    order = list(KIND_LABELS)
    orgs.sort(key=lambda o: (order.index(o.typ), o.namn))
    rows = [
        f"| {text.inline(o.namn)} | {KIND_LABELS[o.typ]} | "
        f"{o.medlem_sedan if o.medlem_sedan is not None else 'okänt'} |"
        for o in orgs
    ]
    counts = {k: sum(1 for o in orgs if o.typ == k) for k in order}
    summary = (
        f"Förbundet har {len(orgs)} medlemmar: "
        + ", ".join(f"{n} {_kind_plural(k, n)}" for k, n in counts.items() if n)
        + "."
    )
    return "\n".join(
        [summary, "", "| Medlem | Slag | Medlem sedan |", "|---|---|---|", *rows]
    )


def _kind_plural(kind: str, n: int) -> str:
    singular = {"statlig_myndighet": "statlig myndighet", "region": "region", "kommun": "kommun"}
    plural = {"statlig_myndighet": "statliga myndigheter", "region": "regioner", "kommun": "kommuner"}
    return singular[kind] if n == 1 else plural[kind]


@macro
def historik(ctx: Context) -> str:
    """The förbund's history as a dated list."""
    lines = []
    for event in ctx.ds.forbund.model.historik:
        when = fmt.date(event.datum) if event.datum else str(event.ar)
        lines.append(f"- **{when}**: {text.inline(event.text)}")
    return "\n".join(lines)

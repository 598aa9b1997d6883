"""The förbund: name, purpose, members and history."""

from __future__ import annotations

from types import SimpleNamespace

from ..compute.forbund import medlemmar_view
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
    view = medlemmar_view(ctx.ds, ctx.today)
    rows = [
        f"| {text.inline(m.namn)} | {KIND_LABELS[m.typ]} | "
        f"{m.medlem_sedan if m.medlem_sedan is not None else 'okänt'} |"
        for m in view.medlemmar
    ]
    summary = (
        f"Förbundet har {view.antal} medlemmar: "
        + ", ".join(f"{n} {_kind_plural(k, n)}" for k, n in view.antal_per_typ)
        + "."
    )
    return "\n".join([summary, "", "| Medlem | Slag | Medlem sedan |", "|---|---|---|", *rows])


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


@macro
def sok_finansiering(ctx: Context) -> str:
    """How members apply for funding, from data/forbund.yaml (finansiering), with its source."""
    from .templating import render_template

    f = ctx.ds.forbund.model.finansiering
    if f is None:
        return "Förbundet har ännu inte lagt in hur medlemmarna söker finansiering."
    kalla = next(k for k in ctx.ds.kallor.model.kallor if k.id == f.kalla)
    return render_template("forbund/finansiering.html", f=f, kalla=kalla)


@macro
def foregangare(ctx: Context) -> str:
    """The other förbund that the sources describe (kind samordningsforbund, with a description)."""
    from .templating import render_template

    orgs = [o for o in ctx.ds.forbund.model.organisationer if o.typ == "samordningsforbund" and o.beskrivning]
    if not orgs:
        return ""
    sources = {k.id: k for k in ctx.ds.kallor.model.kallor}
    return "## Förbund som gick upp i förbundet {#foregangare}\n\n" + render_template(
        "forbund/foregangare.html", orgs=orgs, sources=sources
    )

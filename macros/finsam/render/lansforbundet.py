"""The county-förbund story: timeline from data, and what changed, computed."""

from __future__ import annotations

from ..compute.lansforbundet import compare, merged_count
from . import Context, macro
from .. import format as fmt
from . import text
from .templating import render_template

NUMBER_WORDS = {2: "två", 3: "tre", 4: "fyra", 5: "fem"}


def _band(value) -> str:
    return "alla åldrar" if value == "alla" else f"{value[0]}–{value[1]} år"


@macro
def lansforbundet_tidslinje(ctx: Context) -> str:
    """The process as a dated list (an ordered list: the order is the story)."""
    doc = ctx.ds.lansforbundet
    if doc is None:
        return "Webbplatsen har ingen tidslinje för bildandet."
    sources = {k.id: k for k in ctx.ds.kallor.model.kallor}
    return render_template("lansforbundet/tidslinje.html", tidslinje=doc.model.tidslinje, sources=sources)


@macro
def lansforbundet_beslut(ctx: Context) -> str:
    doc = ctx.ds.lansforbundet
    if doc is None:
        return ""
    return "\n".join(f"- {text.inline(b)}" for b in doc.model.beslut)


@macro
def lansforbundet_forandringar(ctx: Context) -> str:
    """What changed, computed by comparing the two förbundsordning versions."""
    doc = ctx.ds.lansforbundet
    if doc is None:
        return ""
    m = doc.model
    before = ctx.ds.forbundsordning(m.jamfor.fore)
    after = ctx.ds.forbundsordning(m.jamfor.efter)
    n = merged_count(m.avvecklas)
    wound_up = [ctx.ds.organisation(o) for o in m.avvecklas]
    rows = [
        "| Vad | Före | Efter |",
        "|---|---|---|",
        f"| Förbund | {n} ({text.inline(m.ombildas)}, "
        + ", ".join(text.inline(o.namn) for o in wound_up)
        + f") | 1 ({text.inline(after.model.forbund)}) |",
    ]
    joined: list[str] = []
    for c in compare(before.model, after.model):
        if c.key == "medlemmar":
            rows.append(f"| Medlemmar | {c.before} | {c.after} |")
            joined = [text.inline(ctx.ds.organisation(o).namn) for o in c.joined]
        elif c.key == "styrelse":
            rows.append(
                f"| Styrelse | {c.before[0]} ledamöter och {c.before[1]} ersättare | "
                f"{c.after[0]} ledamöter och {c.after[1]} ersättare |"
            )
        elif c.key == "befolkningsunderlag":
            rows.append(
                f"| Kommunernas andel fördelas efter invånare i åldern | {_band(c.before)} | {_band(c.after)} |"
            )
    words = NUMBER_WORDS.get(n, str(n))
    out = [
        f"{words.capitalize()} samordningsförbund blev ett. Tabellen jämför "
        f"[förbundsordningen för {text.inline(before.model.forbund)}](../forbundsordning/{before.key}.md) "
        f"med [förbundsordningen från {fmt.date(after.model.giltig_fran)}](../forbundsordning/{after.key}.md); "
        "siffrorna räknas fram ur förbundsordningarnas regler.",
        "",
        *rows,
    ]
    if joined:
        out += ["", "Nya medlemmar: " + ", ".join(joined) + "."]
    return "\n".join(out)


@macro
def lansforbundet_sammanfattning(ctx: Context) -> str:
    doc = ctx.ds.lansforbundet
    return text.blocks(doc.model.sammanfattning) if doc is not None else ""

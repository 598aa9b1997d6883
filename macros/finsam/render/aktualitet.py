"""The start page's statement of how current the site is (compute.aktualitet):
how far the data reach and whose figures they are, said against the build date."""

from __future__ import annotations

from .. import urls
from ..compute.aktualitet import reach
from . import Context, macro
from .. import format as fmt
from . import text
from .links import link
from .moten import when as meeting_when

PAGE = urls.START
TERM = {"pagar": "pågår", "har_gatt_ut": "har gått ut", "har_inte_borjat": "har inte börjat"}


@macro
def start_aktualitet(ctx: Context) -> str:
    """How far the data reach on the build date: budget, plan, meetings, board."""
    r = reach(ctx.ds, ctx.today)
    out = [f"Uppgifterna nedan gäller den {fmt.date(r.today)}. Så långt räcker de:", ""]
    if r.budget is not None:
        b = r.budget
        decided = f", beslutad {fmt.date(b.decided)}" if b.decided else ""
        over = " Budgetåret är slut." if r.budget_year_is_over else ""
        out.append(
            f"- **Senaste beslutade budget:** {link(ctx, PAGE, b.page, f'{b.year}')} för "
            f"{text.inline(b.forbund)}{decided}.{over}"
        )
    else:
        out.append("- **Senaste beslutade budget:** ingen finns i uppgifterna.")
    if r.plan is not None:
        p = r.plan
        out.append(f"- **Senaste verksamhetsplan:** {link(ctx, PAGE, p.page, f'{p.year}')} för {text.inline(p.forbund)}.")
    else:
        out.append("- **Senaste verksamhetsplan:** ingen finns i uppgifterna.")
    meetings = link(ctx, PAGE, urls.MOTEN, "alla möten")
    if r.latest_meeting is not None:
        m = r.latest_meeting
        out.append(f"- **Senaste möte i uppgifterna:** {meeting_when(m)}, {text.inline(m.title.lower())} ({meetings}).")
    if r.next_meeting is not None:
        out.append(f"- **Nästa möte:** {meeting_when(r.next_meeting)}, {text.inline(r.next_meeting.title.lower())}.")
    else:
        out.append("- **Nästa möte:** inget kommande möte med datum finns i uppgifterna.")
    if r.board is not None:
        bv = r.board
        board = link(ctx, PAGE, urls.STYRELSE, text.inline(bv.namn))
        out.append(
            f"- **Styrelsen:** {board}, mandatperiod {fmt.date(bv.fran)} – {fmt.date(bv.till)}; "
            f"den {TERM[bv.term]}."
        )
    if r.figures_are_another_forbunds:
        out += [
            "",
            f"**Observera:** siffrorna på startsidan är {text.inline(r.figures.forbund)}s för {r.figures.year}, inte "
            f"{text.inline(r.forbund)}s. Uppgifterna har ännu ingen budget för {text.inline(r.forbund)}.",
        ]
    return "\n".join(out)

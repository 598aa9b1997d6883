"""The accessibility gaps the automatic test accepts (data/tillganglighet.yaml).

For the tillgänglighetsredogörelse (docs/om-webbplatsen/tillganglighet.md):
``{{ tillganglighet_undantag() }}`` lists every accepted axe-core violation with
its reason, so what the tests let through is also told to the public.
"""

from __future__ import annotations

from . import Context, macro
from .. import format as fmt
from . import text


@macro
def tillganglighet_undantag(ctx: Context) -> str:
    """Every known gap that the automatic test accepts, or a sentence saying there is none."""
    doc = ctx.ds.tillganglighet
    gaps = doc.model.undantag if doc is not None else []
    if not gaps:
        return (
            "Det automatiska testet (axe-core, WCAG 2.1 nivå A och AA) hittar inga fel på "
            "webbplatsens sidor, och inga kända fel är undantagna från testet."
        )
    out = [
        f"Det automatiska testet (axe-core, WCAG 2.1 nivå A och AA) godtar {len(gaps)} "
        f"{'känd brist' if len(gaps) == 1 else 'kända brister'}:",
        "",
    ]
    for gap in gaps:
        pages = "alla sidor" if "*" in gap.sidor else ", ".join(text.inline(p) for p in gap.sidor)
        out.append(
            f"- **{text.inline(gap.wcag)}**: {text.inline(gap.beskrivning)} "
            f"Varför: {text.inline(gap.skal)} (Gäller {pages}; regeln "
            f"{text.inline(gap.regel)}; känd sedan {fmt.date(gap.sedan)}.)"
        )
    return "\n".join(out)

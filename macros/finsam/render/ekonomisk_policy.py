"""Equity year by year and the equity target (ekonomisk policy) tested for each year. Formatting only."""

from __future__ import annotations

from ..compute.equity import BASIS_KINDS, policy_tests, policy_verdict, roll_forward
from . import Context, macro
from . import text
from .downloads import source_title
from .pengar import money_template


@macro
def eget_kapital(ctx: Context) -> str:
    """Equity year by year, from each source, with the derived opening figures."""
    rows = roll_forward([d.model for d in ctx.ds.budgetar], [d.model for d in ctx.ds.utfall])
    if not rows:
        return "Det finns inga uppgifter om eget kapital ännu."
    out = [
        "Belopp i tkr. Ingående eget kapital är föregående års utgående eget kapital eller, där det saknas, "
        "utgående eget kapital minus årets resultat.",
        "",
        money_template("eget_kapital/ar_for_ar.html", rows=rows, kinds=BASIS_KINDS),
        "",
        '??? note "Så är de ingående beloppen framtagna"',
    ]
    out += [f"    - {r.year}, {text.inline(r.source_label)}: {text.inline(r.opening_from)}." for r in rows]
    return "\n".join(out)


@macro
def eget_kapital_mal(ctx: Context) -> str:
    """The equity target, tested for every year with an equity figure."""
    pol = ctx.ds.ekonomisk_policy
    if pol is None:
        return "Förbundets mål för eget kapital finns inte på webbplatsen."
    out = []
    for t in pol.model.eget_kapital:
        out += [f"Målet enligt {source_title(ctx, t.kalla)}: *{text.inline(t.text)}*", ""]
    tests = policy_tests([d.model for d in ctx.ds.budgetar], [d.model for d in ctx.ds.utfall], pol.model.eget_kapital)
    if not tests:
        return "\n".join(out + ["Det finns inget år att pröva målet mot."])
    out += [
        "Målet gäller andelen av årets medlemsbidrag. Årsredovisningen 2022 anger i stället eget kapital i "
        "procent av de budgeterade intäkterna (som också innehåller övriga intäkter); båda visas nedan.",
        "",
        money_template("eget_kapital/mal.html", rows=[(t, *policy_verdict(t)) for t in tests], kinds=BASIS_KINDS),
        "",
        "Årets medlemsbidrag är budgetens medel från medlemmarna (prognosen när det finns en). "
        "Budgeterade intäkter är budgetens summa av intäkterna.",
    ]
    return "\n".join(out)

"""Checks of outcomes (data/utfall/*.yaml) and equity across years."""

from __future__ import annotations

from decimal import Decimal

from ..compute.budget_sums import stated_figure
from ..compute.equity_sums import opening_mismatches, roll_forward
from ..compute.rounding import round_half_up
from ..format import number
from . import check


@check("utfall_kostnadsfordelning_stammer", "Utfallets kostnadsfördelning i procent går ihop: delarna blir de direkta insatserna, och allt blir 100 %.")
def cost_distribution(ds):
    for doc in ds.utfall:
        u = doc.model
        if doc.key != str(u.ar):
            yield doc.problem(("ar",), f"filen heter {doc.key}.yaml men gäller år {u.ar}")
        by = {k.kategori: k.procent for k in u.kostnadsfordelning}
        parts = [by[k] for k in ("individ", "struktur", "processtod") if k in by]
        if "direkta_insatser" in by and parts and sum(parts) != by["direkta_insatser"]:
            yield doc.problem(("kostnadsfordelning",), f"individ, struktur och processtöd är tillsammans {number(sum(parts))} %, men direkta insatser anges till {number(by['direkta_insatser'])} %")
        direct = by.get("direkta_insatser", sum(parts) if parts else None)
        if direct is not None and "administration" in by and direct + by["administration"] != 100:
            yield doc.problem(("kostnadsfordelning",), f"direkta insatser och administration är tillsammans {number(direct + by['administration'])} %, ska vara 100 %")


@check("utfall_eget_kapital_andel_stammer", "Eget kapital i procent av budgeterade intäkter eller medlemsbidrag stämmer med beloppen (avrundat till hela procent).")
def equity_share(ds):
    from ..compute.budget_sums import member_income

    for doc in ds.utfall:
        u = doc.model
        a = u.eget_kapital_andel
        if a is None or u.eget_kapital_31_dec_tkr is None:
            continue
        for b in ds.budgetar:
            col = next((c for c in b.model.kolumner if c.slag == "budget" and c.ar == u.ar), None)
            if col is None:
                continue
            whole = stated_figure(b.model, "intakter", col.id) if a.av == "budgeterade_intakter" else member_income(b.model, col.id)
            if not whole:
                continue
            pct = round_half_up(Decimal(u.eget_kapital_31_dec_tkr) * 100 / whole)
            if pct != a.procent:
                yield doc.problem(("eget_kapital_andel", "procent"), f"{number(u.eget_kapital_31_dec_tkr)} av {number(whole)} tkr är {number(pct)} %, inte {number(a.procent)} %")
            break


@check("eget_kapital_ingaende_stammer", "När två källor anger eget kapital och resultat för samma år ger de samma ingående eget kapital.")
def opening_equity(ds):
    rows = roll_forward([d.model for d in ds.budgetar], [d.model for d in ds.utfall])
    for a, b in opening_mismatches(rows):
        doc = next((d for d in ds.utfall if d.model.ar == b.year), None) or ds.utfall[0]
        yield doc.problem(
            ("eget_kapital_31_dec_tkr",),
            f"ingående eget kapital {a.year} blir {number(a.opening)} tkr enligt {a.source_label.lower()} men {number(b.opening)} tkr enligt {b.source_label.lower()}",
        )

"""Försäkringskassan's allocation model: the rule in words, and a worked example from data."""

from __future__ import annotations

from decimal import Decimal

from ..compute.allocation import allocate_state_funds
from . import Context, macro
from .. import format as fmt
from . import text
from .downloads import Column, Download


def _tkr(v: Decimal, decimals: int = 0) -> str:
    return f"{fmt.number(v, decimals)}\u00a0tkr"


def _example(model):
    e = model.exempel
    return allocate_state_funds(
        frame=e.statlig_ram_tkr,
        forbund_count=e.antal_forbund,
        base=model.grundtilldelning_tkr,
        support_weight_pct=model.forsorjningsmatt_procent,
        population_weight_pct=model.invanare_procent,
        support_share_pct=e.andel_forsorjningsmatt_procent,
        population_share_pct=e.andel_invanare_procent,
        previous=e.foregaende_ar_tkr,
        max_decrease_pct=model.max_minskning_procent,
    )


@macro
def fordelningsmodell(ctx: Context) -> str:
    if not ctx.ds.fordelningsmodeller:
        return "Fördelningsmodellen finns inte i data."
    doc = ctx.ds.fordelningsmodeller[-1]
    m = doc.model
    src = next((k.titel for k in ctx.ds.kallor.model.kallor if k.id == m.kalla), m.kalla)
    band = f"{m.invanare_aldersgrupp.fran}–{m.invanare_aldersgrupp.till} år"
    out = [
        f"Försäkringskassan fördelar statens medel till samordningsförbunden efter en modell, som den beskrivs "
        f"i {text.inline(src)} (inför {m.ar}).",
        "",
        "## Modellen {#modellen}",
        "",
        f"1. Varje förbund får en **grundtilldelning** på {_tkr(m.grundtilldelning_tkr)}.",
        f"2. Resten av statens ram fördelas till {fmt.percent(m.forsorjningsmatt_procent)} efter förbundets andel av "
        f"**försörjningsmåttet** och till {fmt.percent(m.invanare_procent)} efter förbundets andel av **invånarna i "
        f"åldern {band}** i förbundens områden.",
        f"3. En **spärr** gör att ett förbund får högst {fmt.percent(m.max_minskning_procent)} mindre än året före.",
        "",
        "Som formel:",
        "",
        f"> tilldelning = {fmt.number(m.grundtilldelning_tkr)} tkr + (statens ram − antal förbund × "
        f"{fmt.number(m.grundtilldelning_tkr)} tkr) × ({fmt.percent(m.forsorjningsmatt_procent)} × förbundets andel av "
        f"försörjningsmåttet + {fmt.percent(m.invanare_procent)} × förbundets andel av invånarna {band}),",
        f"> men minst {fmt.percent(100 - m.max_minskning_procent)} av föregående års tilldelning.",
        "",
        text.blocks(m.beskrivning),
        "",
        "Källan anger inte statens ram, antalet förbund, hur försörjningsmåttet räknas, förbundets andelar eller "
        "hur spärren finansieras. Webbplatsen räknar därför inte fram någon verklig tilldelning.",
        "",
    ]
    if m.exempel is not None:
        e = m.exempel
        a = _example(m)
        out += [
            "## Räkneexempel {#rakneexempel}",
            "",
            '!!! example "Påhittade siffror"',
            f"    {text.inline(e.forklaring)}",
            "",
            "| Steg | Belopp |",
            "|---|---:|",
            f"| Statens ram (påhittad) | {_tkr(e.statlig_ram_tkr)} |",
            f"| Grundtilldelning till {fmt.number(e.antal_forbund)} förbund (påhittat antal) | {_tkr(m.grundtilldelning_tkr * e.antal_forbund)} |",
            f"| Kvar att fördela efter nycklarna | {_tkr(a.remaining_frame)} |",
            f"| Försörjningsmått: {fmt.percent(m.forsorjningsmatt_procent)} × förbundets andel {fmt.percent(e.andel_forsorjningsmatt_procent, 1)} (påhittad) | {_tkr(a.by_support_measure, 1)} |",
            f"| Invånare {band}: {fmt.percent(m.invanare_procent)} × förbundets andel {fmt.percent(e.andel_invanare_procent, 1)} (påhittad) | {_tkr(a.by_population, 1)} |",
            f"| Grundtilldelning | {_tkr(a.base)} |",
            f"| **Enligt nycklarna** | **{_tkr(a.model_amount, 1)}** |",
        ]
        if a.floor is not None:
            out.append(
                f"| Spärr: minst {fmt.percent(100 - m.max_minskning_procent)} av föregående år ({_tkr(e.foregaende_ar_tkr)}, påhittat) | {_tkr(a.floor, 1)} |"
            )
        out += [
            f"| **Tilldelning, avrundad till hela tkr** | **{_tkr(a.amount)}** |",
            "",
            (
                "I exemplet ger nycklarna mindre än spärren tillåter, så förbundet får spärrens belopp."
                if a.floor_applied
                else "I exemplet ger nycklarna mer än spärren, så spärren påverkar inte."
            ),
            "",
        ]
        dl = [d for d in allocation_downloads(ctx.ds)]
        if dl:
            from .ekonomi import downloads_list

            out += ["## Ladda ner {#ladda-ner}", "", downloads_list(ctx, "fordelningsmodell", "data/"), ""]
    return "\n".join(out)


def allocation_downloads(ds) -> list[Download]:
    out = []
    for doc in ds.fordelningsmodeller:
        m = doc.model
        if m.exempel is None:
            continue
        a = _example(m)
        rows = [
            ("statlig_ram", "Statens ram", m.exempel.statlig_ram_tkr),
            ("grundtilldelning", "Grundtilldelning", a.base),
            ("kvar_efter_grund", "Kvar att fördela efter nycklarna", a.remaining_frame),
            ("forsorjningsmatt", "Del efter försörjningsmått", a.by_support_measure),
            ("invanare", "Del efter invånare", a.by_population),
            ("enligt_nycklarna", "Enligt nycklarna", a.model_amount),
            ("sparr", "Spärrens golv", a.floor),
            ("tilldelning", "Tilldelning (hela tkr)", a.amount),
        ]
        out.append(
            Download(
                name=f"fordelningsmodell-{m.ar}-exempel",
                title=f"Statens fördelningsmodell {m.ar}: räkneexempel med påhittade siffror",
                description="Räkneexempel som visar modellen. Siffrorna är påhittade (exempel: true), inte uppgifter om något förbund.",
                unit="tkr",
                sources=[m.kalla],
                columns=[Column("steg", "Steg"), Column("namn", "Namn"), Column("belopp", "Belopp (tkr)", "decimal"),
                         Column("exempel", "Påhittat exempel", "boolean")],
                rows=[{"steg": k, "namn": n, "belopp": v.quantize(Decimal("0.1")) if v is not None else None, "exempel": True} for k, n, v in rows],
                topic="fordelningsmodell",
                notes=["Påhittade siffror: visar bara hur modellen räknar."],
            )
        )
    return out

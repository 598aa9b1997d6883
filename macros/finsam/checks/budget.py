"""Checks of the budgets (data/budget/*.yaml): every printed sum against its lines."""

from __future__ import annotations

from ..compute.budget_sums import Comparison, leaves, overview_comparisons, shares, table
from ..model.budget import KATEGORI_LABELS, Grupp
from ..format import number
from . import check


def _n(value) -> str:
    return number(value)


def _comparison_problems(doc, path: tuple, comp: Comparison, unit: str, what: str):
    """Problems for one printed figure: unexplained, stale or needless acknowledgement."""
    if comp.stated is None or comp.computed is None:
        if comp.avvikelse is not None:
            yield doc.problem(path, f"{what}: avvikelse angiven men det finns inget att jämföra")
        return
    if comp.differs and comp.avvikelse is None:
        yield doc.problem(
            path,
            f"{what}: källan anger {_n(comp.stated)} {unit} men raderna ger {_n(comp.computed)} {unit} "
            f"(skillnad {_n(comp.stated - comp.computed)} {unit}); rätta beloppen eller förklara skillnaden "
            f"under avvikelse (beraknat: {comp.computed}, forklaring: ...)",
        )
    elif comp.differs and comp.avvikelse.beraknat != comp.computed:
        yield doc.problem(
            path,
            f"{what}: avvikelsen gäller beräknat {_n(comp.avvikelse.beraknat)} {unit}, men raderna ger nu "
            f"{_n(comp.computed)} {unit} (källan anger {_n(comp.stated)} {unit}); se över förklaringen",
        )
    elif not comp.differs and comp.avvikelse is not None:
        yield doc.problem(
            path, f"{what}: avvikelse angiven, men {_n(comp.stated)} {unit} stämmer med raderna; ta bort avvikelsen"
        )


@check("budget_summor_stammer", "Varje summa, delsumma och resultat som budgeten anger stämmer med raderna, eller så är skillnaden förklarad.")
def budget_sums(ds):
    for doc in ds.budgetar:
        b = doc.model
        unit = b.enhet
        columns = {c.id: c.rubrik for c in b.kolumner}
        tab = table(b)
        for section, posts, view in (("intakter", b.intakter, tab.income), ("kostnader", b.kostnader, tab.costs)):
            for i, (post, v) in enumerate(zip(posts, view)):
                if not isinstance(post, Grupp):
                    continue
                for col, comp in v.sums.items():
                    path = (section, i, "summa", "avvikelse" if comp.avvikelse and not comp.differs else "angivet", col)
                    yield from _comparison_problems(doc, path, comp, unit, f"{post.namn}, {columns[col]}")
        labels = {"intakter": "Summa intäkter", "kostnader": "Summa kostnader", "resultat": "Resultat"}
        for kind, by_col in tab.totals.items():
            for col, comp in by_col.items():
                yield from _comparison_problems(doc, ("summor", kind, "angivet", col), comp, unit, f"{labels[kind]}, {columns[col]}")
        for i, row in enumerate(b.oversikt):
            for kind, comp in overview_comparisons(b, i).items():
                yield from _comparison_problems(doc, ("oversikt", i, kind), comp, unit, f"Budgetöversikten {row.ar}, {kind}")
            for kind in row.avvikelse:
                if kind not in overview_comparisons(b, i):
                    yield doc.problem(("oversikt", i, "avvikelse", kind), "avvikelse angiven men det finns inget att jämföra")


@check("budget_andelar_stammer", "Budgetens andelar i procent stämmer med raderna (avrundade till hela procent, som källan avrundar), eller så är skillnaden förklarad.")
def budget_shares(ds):
    for doc in ds.budgetar:
        b = doc.model
        col = b.budget_column()
        if col is None or not b.andelar:
            continue
        computed = {s.category: s for s in shares(b, col.id)}
        total = sum(a.procent for a in b.andelar)
        # Shares rounded one by one to whole percent may sum to 99 or 101; more than
        # half a unit per share off 100 cannot come from rounding.
        if abs(total - 100) * 2 > len(b.andelar):
            yield doc.problem(("andelar",), f"andelarna är tillsammans {_n(total)} %, ska vara omkring 100 %")
        seen = set()
        for i, a in enumerate(b.andelar):
            if a.kategori in seen:
                yield doc.problem(("andelar", i, "kategori"), f"kategorin '{a.kategori}' står två gånger")
            seen.add(a.kategori)
            s = computed.get(a.kategori)
            shown = s.shown if s else 0
            yield from _comparison_problems(
                doc, ("andelar", i, "procent"), Comparison(int(a.procent) if a.procent == int(a.procent) else a.procent, int(shown), a.avvikelse),
                "%", f"Andel {KATEGORI_LABELS[a.kategori]}",
            )


@check("budget_rader_i_ordning", "Budgetens rader har belopp för varje kolumn, rätt tecken och kategori, och unika id.")
def budget_lines(ds):
    for doc in ds.budgetar:
        b = doc.model
        if doc.key != str(b.ar):
            yield doc.problem(("ar",), f"filen heter {doc.key}.yaml men gäller år {b.ar}; filen ska heta {b.ar}.yaml")
        if b.budget_column() is None:
            yield doc.problem(("kolumner",), f"ingen kolumn med slag budget för år {b.ar}")
        columns = [c.id for c in b.kolumner]
        if len(set(columns)) != len(columns):
            yield doc.problem(("kolumner",), "två kolumner har samma id")
        ids: set[str] = set()
        for section, posts in (("intakter", b.intakter), ("kostnader", b.kostnader)):
            for i, post in enumerate(posts):
                items = [((section, i, "rader", j), r) for j, r in enumerate(post.rader)] if isinstance(post, Grupp) else [((section, i), post)]
                if isinstance(post, Grupp):
                    if post.grupp in ids:
                        yield doc.problem((section, i, "grupp"), f"id '{post.grupp}' används redan")
                    ids.add(post.grupp)
                    if post.summa is not None:
                        for key in list(post.summa.angivet) + list(post.summa.avvikelse):
                            if key not in columns:
                                yield doc.problem((section, i, "summa"), f"kolumnen '{key}' finns inte under kolumner")
                for path, r in items:
                    if r.id in ids:
                        yield doc.problem(path + ("id",), f"id '{r.id}' används redan")
                    ids.add(r.id)
                    for col in columns:
                        if col not in r.belopp:
                            yield doc.problem(path + ("belopp",), f"belopp för kolumnen '{col}' saknas (skriv null om det inte är känt)")
                    for col, value in r.belopp.items():
                        if col not in columns:
                            yield doc.problem(path + ("belopp", col), f"kolumnen '{col}' finns inte under kolumner")
                        elif value is not None and section == "kostnader" and value > 0:
                            yield doc.problem(path + ("belopp", col), f"en kostnad skrivs med minustecken, som i källan (−{value})")
                        elif value is not None and section == "intakter" and value < 0:
                            yield doc.problem(path + ("belopp", col), "en intäkt skrivs utan minustecken")
                    if section == "kostnader" and r.kategori not in KATEGORI_LABELS:
                        yield doc.problem(path + ("kategori",), "en kostnadsrad behöver kategori: individ, struktur, processtod eller administration")
                    if section == "intakter" and r.kategori not in ("medlemsbidrag", "ovriga"):
                        yield doc.problem(path + ("kategori",), "en intäktsrad behöver kategori: medlemsbidrag eller ovriga")
        for kind in ("intakter", "kostnader", "resultat"):
            stated = getattr(b.summor, kind)
            if stated is not None:
                for key in list(stated.angivet) + list(stated.avvikelse):
                    if key not in columns:
                        yield doc.problem(("summor", kind), f"kolumnen '{key}' finns inte under kolumner")


@check("budget_finansiering_stammer", "Budgetens finansiering (medlemsintäkter, övriga intäkter och eget kapital) täcker kostnaderna och stämmer med tabellen.")
def budget_financing(ds):
    from ..compute.budget_sums import member_income, stated_figure

    for doc in ds.budgetar:
        b = doc.model
        f = b.finansiering
        col = b.budget_column()
        if f is None or col is None:
            continue
        parts = f.medlemsintakter + f.ovriga_intakter + f.fran_eget_kapital
        if parts != f.kostnader:
            yield doc.problem(("finansiering",), f"{_n(f.medlemsintakter)} + {_n(f.ovriga_intakter)} + {_n(f.fran_eget_kapital)} = {_n(parts)}, inte {_n(f.kostnader)}")
        costs = stated_figure(b, "kostnader", col.id)
        if costs is not None and -costs != f.kostnader:
            yield doc.problem(("finansiering", "kostnader"), f"tabellen anger kostnader {_n(costs)}, texten {_n(f.kostnader)}")
        members = member_income(b, col.id)
        if members is not None and members != f.medlemsintakter:
            yield doc.problem(("finansiering", "medlemsintakter"), f"tabellen anger medlemsbidrag {_n(members)}, texten {_n(f.medlemsintakter)}")
        other = sum(r.belopp.get(col.id) or 0 for r in leaves(b.intakter) if r.kategori == "ovriga")
        if other != f.ovriga_intakter:
            yield doc.problem(("finansiering", "ovriga_intakter"), f"tabellen anger övriga intäkter {_n(other)}, texten {_n(f.ovriga_intakter)}")
        result = stated_figure(b, "resultat", col.id)
        if result is not None and -result != f.fran_eget_kapital:
            yield doc.problem(("finansiering", "fran_eget_kapital"), f"tabellen anger resultat {_n(result)}, texten tar {_n(f.fran_eget_kapital)} ur eget kapital")

"""Insatser: budget across the years from budget data, results, overview, pages."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from fakebudget import budget_2024

from conftest import REAL_DATA, edit, problems_in
from finsam.compute import insatser as calc
from finsam.dataset import load_dataset
from finsam.render import Context
from finsam.render import insatser as render
from finsam.render import start


@pytest.fixture(scope="module")
def real():
    return load_dataset(REAL_DATA)


def with_budgets(ds, *docs):
    """A shallow copy of the data set with these budget documents."""
    out = copy.copy(ds)
    out.budgetar = list(docs)
    return out


def as_of_2023(ds):
    """The data set as it stood with budget 2023 the latest (the year the sources
    give): adding next year's budget, a routine edit, leaves what it shows alone."""
    return with_budgets(ds, *[d for d in ds.budgetar if d.model.ar <= 2023])


def test_without_budget_data_there_is_no_history(real):
    bare = dataclasses.replace(real, budgetar=[])  # a data set with no budget files
    assert calc.budget_history(bare, ["samordningsteam-fns"]) == []
    assert calc.key_figures(bare) is None
    assert calc.financed_count(bare, 2023) is None


def test_budget_history_reads_every_column(real):
    cells = calc.budget_history(real, ["samordningsteam-fns"])
    assert [(c.heading, c.cost) for c in cells] == [
        ("Budget 2022", Decimal(1523)),
        ("Prognos 2022", Decimal(1513)),
        ("Budget 2023", Decimal(1528)),
    ]
    assert {c.page for c in cells} == {"ekonomi/budget/2023.md"}


def test_budget_history_sums_lines_and_prefers_a_columns_own_year(real):
    ds = with_budgets(real, budget_2024(), *real.budgetar)
    cells = calc.budget_history(ds, ["samordningsteam-fns", "kurator-samordningsteamen"])
    by_heading = {c.heading: c for c in cells}
    # Budget 2023 comes from the 2023 budget (1528 + 240), not the 2024 budget's comparison column.
    assert by_heading["Budget 2023"].cost == Decimal(1768)
    assert by_heading["Budget 2023"].page == "ekonomi/budget/2023.md"
    # The 2024 budget lacks the kurator line: the sum is unknown, not a silent partial sum.
    assert by_heading["Budget 2024"].cost is None
    assert by_heading["Budget 2024"].line_ids == ("samordningsteam-fns",)


def test_key_figures_of_the_latest_budget(real):
    assert calc.key_figures(real).year == max(d.model.ar for d in real.budgetar)
    kf = calc.key_figures(as_of_2023(real))
    assert kf.year == 2023
    assert kf.total_costs == Decimal(7878)
    assert kf.member_contributions == Decimal(7030)
    assert kf.individual_share == Decimal("70.4")  # 5548 / 7878 = 70.42 %
    later = calc.key_figures(with_budgets(real, budget_2024(), *real.budgetar))
    assert (later.year, later.total_costs, later.member_contributions) == (2024, Decimal(2000), Decimal(9000))
    assert later.individual_share == Decimal("80.1")  # 1602 / 2000


def test_every_insats_is_financed_in_2023(real):
    ds = real
    # The twelve insatser of budget 2023 (verksamhetsplan 2023); a later insats has no 2023 budget.
    assert calc.financed_count(ds, 2023) == 12
    # Utvecklingsdagar and brukarrevision had no budget 2022.
    assert calc.financed_count(ds, 2022) == 10


def test_results_of_a_team_include_its_groups(real):
    data = real.insatser.model
    texts = [r.text for r in calc.results_for(data, "samordningsteam-sala")]
    assert any("130 personer" in t for t in texts)
    assert any("4,9 år" in t for t in texts)
    assert not any("Brukarrevisionen" in t for t in texts)
    sura = [r.text for r in calc.results_for(data, "samordningsteam-surahammar")]
    assert any("Brukarrevisionen" in t for t in sura)
    assert calc.reach_per_year(data).varde == 130


# The insatser the sources name (verksamhetsplan 2023 and its budget).
SOURCE_INSATSER = {
    "samordningsteam-fns", "samordningsteam-sala", "samordningsteam-hallstahammar",
    "samordningsteam-surahammar", "kurator-samordningsteamen", "utvecklingsdagar",
    "utbildning-losningsfokuserat", "lansgemensamma-aktiviteter", "insatskatalogen",
    "utvardering", "brukarrevision", "processtod",
}


def test_the_sources_name_these_insatser(real):
    assert {i.id for i in real.insatser.model.insatser} >= SOURCE_INSATSER  # staff may add more
    fns = real.insatser.model.insats("samordningsteam-fns")
    assert fns.forkortning.betydelse is None  # the sources do not expand FNS
    source_ones = [i for i in real.insatser.model.insatser if i.id in SOURCE_INSATSER]
    assert all(i.parter is None for i in source_ones)  # nor say which parties run each


def test_insats_page_shows_budget_across_the_years(real):
    ctx = Context(real, dt.date(2026, 11, 22))
    md = render.insats(ctx, "samordningsteam-hallstahammar")
    assert "| Budget 2022 | 1\u00a0120\u00a0tkr |" in md
    assert "| Budget 2023 | 1\u00a0140\u00a0tkr |" in md
    assert "FNS" not in md
    fns = render.insats(ctx, "samordningsteam-fns")
    assert "Vad FNS står för:</strong> okänt" in fns
    assert "framgår inte av källorna" in fns


def test_insats_page_without_budget_data_says_so(real):
    bare = copy.copy(real)
    bare.budgetar = []
    md = render.insats(Context(bare, dt.date(2026, 11, 22)), "insatskatalogen")
    assert "Webbplatsen har ännu ingen budget, så beloppen saknas." in md
    assert "insatskatalogen" not in md  # no internal ids on a public page


def test_overview_lists_by_kind_with_the_years_budget(real):
    ctx = Context(as_of_2023(real), dt.date(2026, 11, 22))
    md = render.insatser_oversikt(ctx)
    assert md.index("## Individinriktade insatser") < md.index("## Strukturinriktade insatser")
    assert "| [Processtöd till samverkan](processtod.md) | 421\u00a0tkr |" in md
    assert "| Insats | Budget 2023 |" in md
    assert "| **Summa** | **5\u00a0548\u00a0tkr** |" in md  # the five individual lines
    # structural: 15 + 30 + 325 + 48 + 30 + 65 + 421 (andra utbildningar and ofördelat are no insatser)
    assert "| **Summa** | **934\u00a0tkr** |" in md
    others = md[md.index("## Övriga rader i budgeten"):]
    assert "Andra utbildningar" in others and "50\u00a0tkr" in others
    assert "Samverkansmedel ofördelat: 100\u00a0tkr" in others.replace("\\", "")


def test_start_page_key_figures(real):
    ctx = Context(as_of_2023(real), dt.date(2026, 11, 22))
    md = start.start_nyckeltal(ctx)
    assert "7\u00a0878\u00a0tkr" in md
    assert "7\u00a0030\u00a0tkr" in md
    assert '<p class="nyckeltal__varde">70\u00a0%</p>' in md  # as the adopted budget prints it
    # each says what it is, and whose: the latest budget is the predecessor NVSam's
    assert md.count('<p class="nyckeltal__slag">Beslutad budget, Norra Västmanlands Samordningsförbund</p>') == 3
    assert "(ekonomi/budget/2023.md#fordelning)" in md
    assert "(ekonomi/medlemsinsatser/2023.md)" in md
    assert '<p class="nyckeltal__varde">12</p>' in md
    assert '<p class="nyckeltal__varde">ca 130</p>' in md
    assert start.senaste_budgetar(ctx) == "Siffrorna är från budgeten för 2023, den senaste på webbplatsen."


def test_unknown_budget_line_is_reported(real, tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    edit(data / "insatser.yaml", "budgetrader: [insatskatalogen]", "budgetrader: []")
    assert any("insatser[9].budgetrader: ange minst en budgetrad" in p for p in problems_in(data))


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("    grupp: teamen\n", "    grupp: teamet\n", "insatser[1].grupp: gruppen 'teamet' finns inte"),
        ("parter: [aby, forsakringskassan]", "parter: [aby, cstad]", "insatser[1].parter[2]: organisationen 'cstad'"),
        ("  - avser: [kurs]", "  - avser: [kurser]", "resultat[2].avser[1]: 'kurser' är varken"),
        ("  - id: kurs\n", "  - id: team-aby\n", "insatser[2].id: id 'team-aby' används redan"),
        ("    varde: 40\n", "", "resultat[1].varde: ange både varde och enhet"),
    ],
)
def test_insatser_checks(fixture_copy, old, new, expected):
    edit(fixture_copy / "insatser.yaml", old, new)
    problems = problems_in(fixture_copy)
    # file:line: path: message
    assert any(expected in p and "/insatser.yaml:" in p for p in problems), problems


def test_budget_line_must_exist_in_the_budget(real, tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    edit(data / "budget" / "2023.yaml", "        id: samordningsteam-fns\n", "        id: samordningsteam-fns-ny\n")
    edit(data / "insatser.yaml", "budgetrader: [insatskatalogen]", "budgetrader: [insatskatalog]")
    problems = [p for p in problems_in(data) if "insatser.yaml" in p]
    assert len(problems) == 2, problems
    assert "insatser[1].budgetrader[1]: budgetraden 'samordningsteam-fns' finns inte" in problems[0]
    assert "insatser[9].budgetrader[1]: budgetraden 'insatskatalog' finns inte" in problems[1]


def test_start_calendar_hook_without_the_yearly_cycle(real):
    bare = copy.copy(real)
    bare.arshjul = None
    md = start.start_kommande(Context(bare, dt.date(2026, 11, 22)))
    assert md.startswith("Nästa styrelsemöte och kommande sista dagar visas här när årshjulet finns i data")


def test_links_only_to_pages_that_exist(real):
    from finsam.render.links import link

    ctx = Context(real, dt.date(2026, 11, 22))
    assert link(ctx, "index.md", "insatser/sala.md#x", "Sala") == "Sala"
    assert link(ctx, "index.md", "insatser/samordningsteam-sala.md", "Sala") == "[Sala](insatser/samordningsteam-sala.md)"
    assert link(ctx, "insatser/index.md", "om/lansforbundet.md", "L") == "[L](../om/lansforbundet.md)"


def test_links_use_the_contexts_page_list_when_it_has_one(real):
    from types import SimpleNamespace

    from finsam.render.links import link

    ctx = SimpleNamespace(ds=real, today=dt.date(2026, 11, 22), pages=frozenset({"ekonomi/budget/2023.md"}))
    assert link(ctx, "index.md", "ekonomi/budget/2023.md", "B") == "[B](ekonomi/budget/2023.md)"
    assert link(ctx, "index.md", "insatser/index.md", "I") == "I"


def test_start_calendar_hook_with_the_yearly_cycle(real):
    # Runs once the governance part (render/arshjul.py, data/arshjul.yaml) is in the branch.
    pytest.importorskip("finsam.render.arshjul")
    if getattr(real, "arshjul", None) is None:
        pytest.skip("no data/arshjul.yaml")
    md = start.start_kommande(Context(real, dt.date(2026, 11, 22)))
    assert "**Nästa styrelsemöte:**" in md
    assert "- 30 november 2026: " in md and "(sista dag enligt förbundsordningen)" in md


def test_start_shortcuts_only_to_pages_that_exist(real):
    md = start.start_genvagar(Context(real, dt.date(2026, 11, 22)))
    assert "- [Insatser](insatser/index.md): " in md
    assert "- [Ekonomi](ekonomi/index.md): " in md
    from finsam.render.links import DOCS_DIR

    # The board's page is another part of the site: listed exactly when it exists.
    assert ("[Styrelsen](styrelse/index.md)" in md) == (DOCS_DIR / "styrelse" / "index.md").is_file()

"""The hooks' work as pure functions (finsam.site, finsam.sidor): tested without an engine."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import SimpleNamespace

from conftest import FIXTURE, REAL_DATA, ROOT
from finsam import urls
from finsam.dataset import load_dataset
from finsam.sidor import own_pages, section_pages, shortcuts
from finsam.site import expand_nav, identity, page_paths, safe_title, site_url, tree

TODAY = dt.date(2026, 11, 22)


def test_identity_comes_from_data():
    ds = load_dataset(FIXTURE)
    site = identity(ds, TODAY)
    assert site.name == "Samordningsförbundet Exempeldalen"
    assert site.description.endswith(site.name)
    assert site.url == "https://exempeldalen.example/"


def test_site_url_from_the_host_name():
    assert site_url("exempel.se") == "https://exempel.se/"
    assert site_url(None) is None


def test_own_pages_keep_their_path_below_sidor(tmp_path):
    (tmp_path / "sidor" / "om").mkdir(parents=True)
    (tmp_path / "sidor" / "aktuellt" / "posts").mkdir(parents=True)
    (tmp_path / "sidor" / "om" / "a.md").write_text(
        "---\nnavtitel: Kort\nbeskrivning: om a\ngenvag: true\n---\n\n# En lång rubrik\n", encoding="utf-8"
    )
    (tmp_path / "sidor" / "om" / "b.md").write_text("# B\n", encoding="utf-8")
    (tmp_path / "sidor" / "aktuellt" / "posts" / "p.md").write_text("---\ngenvag: true\n---\n# P\n", encoding="utf-8")
    pages = {p.path: p for p in own_pages(tmp_path)}
    assert set(pages) == {"om/a.md", "om/b.md", "aktuellt/posts/p.md"}
    assert (pages["om/a.md"].title, pages["om/b.md"].title) == ("Kort", "B")
    assert pages["om/a.md"].parent == "om/index.md"
    assert pages["aktuellt/posts/p.md"].parent == "", "the blog lists the posts, not the navigation"
    assert [p.path for p in shortcuts(tmp_path)] == ["om/a.md"], "a post is never a shortcut"
    assert [p.path for p in section_pages(tmp_path, "om/index.md")] == ["om/a.md", "om/b.md"]
    assert own_pages(tmp_path / "saknas") == []


def test_tree_has_every_generated_page_and_file_with_its_sources():
    ds = load_dataset(FIXTURE)
    files = {f.path: f for f in tree(ds, TODAY)}
    version = files[urls.forbundsordning_page("2020-01-01")]
    assert version.content and version.parent == urls.FORBUNDSORDNING
    assert version.sources == ("forbundsordning/2020-01-01.yaml",)
    assert urls.budget_page(2026) in files
    assert urls.ARSHJUL_ICS in files
    assert any(p.startswith(urls.DOWNLOADS_DIR + "/") and p.endswith(".csv") for p in files)
    own = files["om/historik.md"]
    assert own.content is None and own.source == FIXTURE / "sidor" / "om" / "historik.md"
    assert tree(ds, TODAY) == tree(ds, TODAY), "a pure function: the same input gives the same tree"


def test_page_paths_join_docs_and_data():
    ds = load_dataset(FIXTURE)
    paths = page_paths(ROOT / "docs", ds, TODAY)
    assert {"index.md", "om/historik.md", urls.budget_page(2026)} <= paths
    assert "om/lansforbundet.md" not in paths, "the real förbund's own page is not the fixture's"


def test_expand_nav_puts_pages_in_their_sections():
    pages = [
        SimpleNamespace(path="a/1.md", title="Ett", parent="a/index.md"),
        SimpleNamespace(path="b/1.md", title="<b>{{x}}</b>", parent="b/index.md"),
        SimpleNamespace(path="x.ics", title="Fil", parent=""),
    ]
    nav = [{"Start": "index.md"}, {"A": "a/index.md"}, {"B": ["b/index.md", {"Annat": "b/annat.md"}]}]
    out = expand_nav(nav, pages)
    assert out[0] == {"Start": "index.md"}
    assert out[1] == {"A": ["a/index.md", {"Ett": "a/1.md"}]}
    assert out[2] == {"B": ["b/index.md", {safe_title("<b>{{x}}</b>"): "b/1.md"}, {"Annat": "b/annat.md"}]}
    assert "{" not in str(safe_title("{{x}}")) and "<" not in str(safe_title("<b>"))


def test_the_macros_adapter_takes_any_engines_config():
    """Duck-typed: config_file_path, docs_dir and extra are all it reads."""
    sys.path.insert(0, str(ROOT / "macros"))
    import main

    conf = SimpleNamespace(
        config_file_path=str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs"), extra={"finsam_data": str(REAL_DATA)}
    )
    macros, variables = main.macros_and_variables(conf)
    assert "senaste_nytt" in macros and "styrelse" in macros
    assert variables["forbund"].namn
    assert "aktuellt/posts/" in macros["senaste_nytt"](1)


def test_every_generated_page_declares_its_data_files():
    """'Senast uppdaterad' of a generated page comes from the files it declares, never from its name."""
    from finsam.pages import generated_pages

    for data in (FIXTURE, REAL_DATA):
        ds = load_dataset(data)
        for page in generated_pages(ds):
            if page.path.endswith(".md"):
                assert page.sources, f"{page.path} declares no data files"
            assert all(Path(s).is_file() for s in page.sources), page


def test_a_bad_news_post_in_the_data_tree_is_reported(fixture_copy, capsys):
    """The posts live in data/sidor/aktuellt/posts: validation reads them there."""
    from finsam.__main__ import main

    post = fixture_copy / "sidor" / "aktuellt" / "posts" / "2021-01-01-utan-datum.md"
    post.write_text("---\nslug: utan-datum\n---\n\n# Utan datum\n", encoding="utf-8")
    assert main(["validera", str(fixture_copy)]) == 1
    out = capsys.readouterr()
    assert "2021-01-01-utan-datum.md" in out.out + out.err and "Traceback" not in out.out + out.err


def _series(years, parent="ekonomi/budget/index.md"):
    return [SimpleNamespace(path=f"ekonomi/budget/{y}.md", title=f"Budget {y}", parent=parent, year=y) for y in years]


def _titles(entries):
    out = []
    for e in entries:
        ((title, value),) = e.items()
        out.append((str(title), _titles(value)) if isinstance(value, list) else str(title))
    return out


def test_a_yearly_series_lists_its_newest_years_and_groups_the_older_by_decade():
    from finsam.compute.recent import LATEST_IN_FULL

    nav = [{"Budget": "ekonomi/budget/index.md"}]
    years = list(range(2047, 2022, -1))  # 25 years, newest first as the page sources give them
    ((_, section),) = expand_nav(nav, _series(years))[0].items()
    assert section[0] == "ekonomi/budget/index.md"
    shown = _titles(section[1:])
    newest = [f"Budget {y}" for y in years[:LATEST_IN_FULL]]
    assert shown[:LATEST_IN_FULL] == newest
    groups = shown[LATEST_IN_FULL:]
    assert [g[0] for g in groups] == ["2040\u20132044", "2030\u20132039", "2023\u20132029"]
    # every year is still in the navigation, once, newest first
    listed = newest + [t for _, items in groups for t in items]
    assert listed == [f"Budget {y}" for y in years]
    # no page carries a list that grows with every year: at most one decade's years at one level
    assert max(len(items) for _, items in groups) <= 10


def test_a_short_series_and_a_series_without_years_stay_as_they_are():
    from finsam.compute.recent import LATEST_IN_FULL

    nav = [{"Budget": "ekonomi/budget/index.md"}]
    few = list(range(2026, 2026 - (LATEST_IN_FULL + 1), -1))
    ((_, section),) = expand_nav(nav, _series(few))[0].items()
    assert _titles(section[1:]) == [f"Budget {y}" for y in few]
    members = [SimpleNamespace(path=f"medlemmar/{i}.md", title=f"M{i}", parent="medlemmar/index.md") for i in range(14)]
    ((_, section),) = expand_nav([{"Medlemmar": "medlemmar/index.md"}], members)[0].items()
    assert len(section) == 15


def test_the_yearly_page_sources_say_their_year():
    from finsam.pages import generated_pages

    by_parent: dict = {}
    for p in generated_pages(load_dataset(REAL_DATA)):
        by_parent.setdefault(p.parent, []).append(p.year)
    for parent in (urls.BUDGET, urls.MEDLEMSINSATSER, "verksamhetsplan/index.md"):
        assert by_parent[parent] and None not in by_parent[parent], parent
    # pages that are not a yearly series give no year (members, insatser, versions)
    assert set(by_parent["forbundsordning/index.md"]) == {None}

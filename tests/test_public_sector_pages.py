"""The public-sector pages: accessibility statement from data, cookies, personal data, last change."""

from __future__ import annotations

import datetime as dt
import os
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, built_pages, edit, problems_in
from conftest import page as shared_page
from finsam.lastmod import LastModified, git_dates


def page(site, path) -> BeautifulSoup:
    return shared_page(site, path)  # parsed once per session (tests/conftest.py)


@pytest.mark.build
def test_statement_has_what_digg_requires(fixture_site):
    soup = page(fixture_site, "om-webbplatsen/tillganglighet")
    article = soup.select_one("article")
    headings = [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")]
    for required in (
        "Hur tillgänglig är webbplatsen?",
        "Rapportera brister i webbplatsens tillgänglighet",
        "Tillsyn",
        "Innehåll som inte är tillgängligt",
        "Hur vi testat webbplatsen",
    ):
        assert required in headings
    text = article.get_text(" ", strip=True)
    assert "delvis förenlig" in text
    assert "Webbplatsen bedömdes senast 15 februari 2025" in text
    assert "upprättades 1 mars 2025" in text
    assert article.select_one('a[href="https://www.digg.se/tdosanmalan"]')
    assert article.select_one('a[href="mailto:webb@exempeldalen.example"]')
    # the known gap, with its text escaped rather than run as HTML
    assert "Ett diagram saknar <b>textalternativ</b>." in text
    assert not article.select("b")
    # the test results table, and the explained exclusion
    cells = [td.get_text(strip=True) for td in article.select("table td")]
    assert cells[:5] == ["axe-core", "4.10.0", "15 februari 2025", "12", "2"]
    assert cells[5:10] == ["Manuell kontroll med tangentbord", "uppgift saknas", "inte kört än", "–", "–"]
    assert "regeln region är avstängd: Påhittat undantag för tester." in text


@pytest.mark.build
def test_real_statement_says_what_is_unknown(real_site):
    # What is known is the data's (staff fill in the address, list a gap): the page says
    # it. The feedback route names a real address (lag 2018:1937), never "uppgift saknas":
    # without one of its own, the kansli's or the latest the sources give, with its date.
    from finsam.dataset import load_dataset

    statement = load_dataset(ROOT / "data").webbplats.model.tillganglighet
    article = page(real_site, "om-webbplatsen/tillganglighet").select_one("article")
    text = article.get_text(" ", strip=True)
    feedback = article.find("h2", id="vad-kan-du-gora-om-du-inte-kan-anvanda-delar-av-webbplatsen").find_next("ul")
    assert "uppgift saknas" not in feedback.get_text()
    mail = feedback.select_one('a[href^="mailto:"]')
    assert mail is not None and "@" in mail.get_text()
    email = statement.kontakt.epost
    assert email is None or email in text
    assert ("Vi känner inte till några brister just nu" in text) == (not statement.brister)
    for gap in statement.brister:
        assert " ".join(gap.beskrivning.split()) in text
    # The automatic tests have run (make quality); the manual review has not.
    assert "axe-core (WCAG 2.1 A och AA) | 4.14.1" not in text and "4.14.1" in text
    assert "delvis förenlig" in text


def test_compliant_status_needs_a_clean_manual_and_automatic_assessment(fixture_copy):
    edit(fixture_copy / "webbplats.yaml", "status: delvis_forenlig", "status: forenlig")
    problems = problems_in(fixture_copy)
    assert any("kan inte vara 'forenlig' när brister finns" in p for p in problems)
    assert any("kan inte vara 'forenlig' när testet hittade 2 fel" in p for p in problems)
    assert any("kan inte vara 'forenlig' när testet inte är kört" in p for p in problems)


def test_partial_status_must_say_why(fixture_copy):
    path = fixture_copy / "webbplats.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  brister:\n"), text.index("  kontakt:")
    path.write_text(text[:start] + "  brister: []\n" + text[end:], encoding="utf-8")
    assert [p.split(": ", 1)[1] for p in problems_in(fixture_copy)] == [
        "tillganglighet.status_skal: ange varför webbplatsen inte är helt förenlig (status_skal), "
        "eller lista bristerna under 'brister'"
    ]


def test_a_dated_test_needs_its_figures(fixture_copy):
    edit(fixture_copy / "webbplats.yaml", "      sidor: 12", "      sidor: null")
    assert any(
        "tester[1].sidor: testet har ett datum; fyll då i antal sidor och antal fel" in p
        for p in problems_in(fixture_copy)
    )


def test_feedback_address_must_be_an_address(fixture_copy):
    edit(fixture_copy / "webbplats.yaml", "epost: webb@exempeldalen.example", "epost: ring oss")
    assert problems_in(fixture_copy)


@pytest.mark.build
def test_no_cookies_and_nothing_from_third_parties(real_site):
    scripts = list(real_site.rglob("*.js"))
    assert scripts
    for js in scripts:
        assert "document.cookie" not in js.read_text(encoding="utf-8", errors="replace"), js
    for name, soup in built_pages(real_site).items():
        for tag in soup.select("script[src], link[href], img[src], iframe[src], source[src]"):
            url = tag.get("src") or tag.get("href")
            if tag.name == "link" and set(tag.get("rel") or ()) & {"canonical", "alternate"}:
                continue  # names the site's own address; the browser fetches nothing
            assert not url.startswith(("http:", "https:", "//")), f"{name}: {tag.name} {url}"
    assert "fonts.googleapis" not in (real_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_the_theme_stores_only_what_the_cookie_page_explains(real_site):
    """Material writes browser storage only through __md_set, for features this site
    does not configure (see the next test). A theme upgrade that stores something
    new fails here, so the cookie page gets updated."""
    import re

    keys = set()
    for js in real_site.rglob("*.js"):
        keys |= set(re.findall(r'__md_set\("(__[a-z]+)"', js.read_text(encoding="utf-8", errors="replace")))
    assert keys <= {"__announce", "__outdated", "__palette", "__source", "__tabs", "__consent"}, keys


def test_the_cookie_page_matches_the_configuration():
    """The page says nothing is stored because no palette toggle, linked tabs,
    announcement bar, version selector, analytics or consent banner is configured."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for feature in ("toggle:", "content.tabs.link", "announce", "version:", "analytics", "consent", "repo_url"):
        assert feature not in config, f"mkdocs.yml uses {feature}: update docs/om-webbplatsen/kakor.md"


@pytest.mark.build
def test_personal_data_page(real_site):
    text = page(real_site, "om-webbplatsen/personuppgifter").select_one("article").get_text(" ", strip=True)
    for phrase in ("personnummer", "privata telefonnummer", "artikel 6.1 e", "Integritetsskyddsmyndigheten"):
        assert phrase in text


@pytest.mark.build
@pytest.mark.skipif(git_dates(ROOT)[0] is None, reason="not a full git checkout: pages have no date by design")
def test_every_page_shows_when_it_last_changed(real_site):
    for path in ("", "om-webbplatsen/tillganglighet", "forbundsordning/2024-01-01"):
        time = page(real_site, path).select_one("article .senast-uppdaterad time")
        assert time is not None, path
        day = dt.date.fromisoformat(time["datetime"])
        assert time.get_text(strip=True) == f"{day.day} {['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'][day.month - 1]} {day.year}"


def _git(repo, *args, date=None):
    env = dict(os.environ, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.invalid")
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00+01:00", GIT_COMMITTER_DATE=f"{date}T12:00:00+01:00")
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_dates_come_from_the_files_a_page_is_made_from(tmp_path):
    repo = tmp_path
    (repo / "docs").mkdir()
    (repo / "data" / "budget").mkdir(parents=True)
    (repo / "docs" / "plain.md").write_text("# Ren text\n", encoding="utf-8")
    (repo / "docs" / "macro.md").write_text("---\ndata: budget/*.yaml\n---\n{{ budget() }}\n", encoding="utf-8")
    (repo / "docs" / "all.md").write_text("{{ x() }}\n", encoding="utf-8")
    (repo / "data" / "budget" / "2024.yaml").write_text("a: 1\n", encoding="utf-8")
    (repo / "data" / "other.yaml").write_text("a: 1\n", encoding="utf-8")
    (repo / "data" / "plan").mkdir()
    (repo / "data" / "plan" / "2024.yaml").write_text("a: 1\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first", date="2024-01-10")
    (repo / "data" / "budget" / "2024.yaml").write_text("a: 2\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "budget", date="2024-03-05")
    (repo / "data" / "other.yaml").write_text("a: 2\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "other", date="2024-05-20")
    (repo / "data" / "plan" / "2024.yaml").write_text("a: 2\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "plan", date="2024-06-01")

    lm = LastModified(repo, repo / "data")
    assert lm.for_source(repo / "docs" / "plain.md") == dt.date(2024, 1, 10)
    assert lm.for_source(repo / "docs" / "macro.md", {"data": "budget/*.yaml"}) == dt.date(2024, 3, 5)
    assert lm.for_source(repo / "docs" / "all.md", {}) == dt.date(2024, 6, 1)
    assert lm.for_source(repo / "docs" / "macro.md", {"data": []}) == dt.date(2024, 1, 10)
    # A generated page is dated by the data files it declares, not by its name.
    assert lm.for_generated(["budget/2024.yaml"]) == dt.date(2024, 3, 5)
    assert lm.for_generated(["budget/2024.yaml", repo / "data" / "other.yaml"]) == dt.date(2024, 5, 20)
    assert lm.for_generated([]) is None

    # Moving a file keeps its content's date; editing it while moving dates it.
    _git(repo, "mv", "data/other.yaml", "data/flyttad.yaml")
    _git(repo, "commit", "-qm", "move", date="2024-08-01")
    (repo / "data" / "plan" / "2024.yaml").write_text("a: 2\nb: 3\n", encoding="utf-8")
    _git(repo, "mv", "data/plan/2024.yaml", "data/plan/2025.yaml")
    _git(repo, "commit", "-qam", "move and edit", date="2024-09-01")
    lm = LastModified(repo, repo / "data")
    assert lm.for_generated(["flyttad.yaml"]) == dt.date(2024, 5, 20)
    assert lm.for_generated(["plan/2025.yaml"]) == dt.date(2024, 9, 1)


def test_no_date_in_a_shallow_clone(tmp_path):
    origin = tmp_path / "origin"
    origin.mkdir()
    (origin / "a.md").write_text("# a\n", encoding="utf-8")
    _git(origin, "init", "-q")
    _git(origin, "add", ".")
    _git(origin, "commit", "-qm", "one", date="2020-01-01")
    (origin / "a.md").write_text("# b\n", encoding="utf-8")
    _git(origin, "commit", "-qam", "two", date="2021-01-01")
    assert git_dates(origin)[1] == {"a.md": dt.date(2021, 1, 1)}
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "shallow")
    assert git_dates(tmp_path / "shallow") == (None, {})


def test_no_date_outside_git(tmp_path):
    (tmp_path / "page.md").write_text("# x\n", encoding="utf-8")
    assert git_dates(tmp_path) == (None, {})
    assert LastModified(tmp_path, tmp_path / "data").for_source(tmp_path / "page.md") is None


# Each accessibility-statement check by name, with an edit that breaks it.
NAMED = {
    "tillganglighet_status": ("status: delvis_forenlig", "status: forenlig"),
    "tillganglighet_brister_unika": (
        "      atgardas_senast: 2025-06-30\n",
        "      atgardas_senast: 2025-06-30\n    - id: diagram-utan-text\n      beskrivning: Samma id igen.\n"
        "      wcag: [\"1.1.1\"]\n      var: Startsidan\n      atgard: null\n      atgardas_senast: null\n",
    ),
    "tillganglighet_test_fullstandigt": ("      sidor: 12", "      sidor: null"),
}
CHECKS_COVERED = set(NAMED)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_statement_check(fixture_copy, name):
    from conftest import assert_check_reports

    assert_check_reports(fixture_copy, name, "webbplats.yaml", *NAMED[name])

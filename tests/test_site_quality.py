"""Quality gates over every built page: accessibility, own-origin requests, valid HTML, links.

The real site and the fixture förbund's site are built once each; then
* every page is opened in headless Chromium (Debian's ``chromium``) served from
  127.0.0.1, with every network request recorded, and axe-core is run on it at
  WCAG 2.1 A and AA: a violation fails unless data/tillganglighet.yaml lists it
  with its reason (and an exclusion that no longer matches fails too);
* html-validate (npm, pinned) checks the HTML against the standard;
* every internal href/src and #anchor must lead somewhere.

Without chromium or node_modules the browser and HTML tests are skipped with the
reason; ``make quality`` and CI install both and set FINSAM_QUALITY_STRICT=1,
under which a missing tool is a failure, not a skip.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from browser import WCAG_TAGS, Chromium, SiteServer, missing_tools, site_pages
from conftest import FIXTURE, REAL_DATA, ROOT, built_pages
from custom_parts import custom_part_problems, problems_in_page
from sitelinks import broken_links, duplicate_ids, html_pages

STRICT = os.environ.get("FINSAM_QUALITY_STRICT") == "1"
HTML_VALIDATE = ROOT / "node_modules" / ".bin" / "html-validate"
SITES = {"real": REAL_DATA, "fixture": FIXTURE}


def need(reason: str | None) -> None:
    if reason is None:
        return
    if STRICT:
        pytest.fail(f"FINSAM_QUALITY_STRICT=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def built_sites(real_site, fixture_site) -> dict[str, Path]:
    """The shared builds (tests/conftest.py)."""
    return {"real": real_site, "fixture": fixture_site}


def exclusions(data: Path) -> list:
    from finsam.dataset import load_dataset

    doc = load_dataset(data).tillganglighet
    return list(doc.model.undantag) if doc is not None else []


def excluded(gap, page: str, rule: str, target: str) -> bool:
    return (
        gap.regel == rule
        and any(p == "*" or fnmatch.fnmatchcase(page, p) for p in gap.sidor)
        and (gap.element is None or gap.element in target)
    )


def unexcused(results: dict, gaps: list) -> tuple[list[str], set[int]]:
    """Violations no exclusion covers, and the indexes of the exclusions that were used."""
    failures, used = [], set()
    for page, result in results.items():
        for v in result.violations:
            for node in v["nodes"]:
                hits = [i for i, g in enumerate(gaps) if excluded(g, page, v["id"], node["target"])]
                used.update(hits)
                if not hits:
                    failures.append(f"/{page}: {v['id']} ({v['impact']}) {node['target']}: {node['summary']}")
    return failures, used


@pytest.fixture(scope="class")
def visits(request, built_sites) -> tuple[str, dict]:
    """Every page of the class's site (its ``name``) opened once in Chromium, axe run on
    each while its requests are recorded: (origin, results per page)."""
    need(missing_tools())
    site = built_sites[request.cls.name]
    with Chromium() as browser, SiteServer(site) as server:
        results = {}
        for page in site_pages(site):
            results[page] = browser.load(
                f"{server.origin}/{page}",
                then=lambda result: setattr(result, "violations", browser.axe()),
            )
    return server.origin, results


class _EveryPageInChromium:
    """The gates that open every page of one site (``name``) in Chromium. One class per
    site: pytest-xdist (--dist loadscope) runs a class on one worker, so each site is
    visited once per run (the ``visits`` fixture), and the two sites side by side."""

    name: str

    def test_every_page_passes_axe_at_wcag21_aa(self, visits):
        _, results = visits
        assert results, "no pages were visited"
        gaps = exclusions(SITES[self.name])
        failures, used = unexcused(results, gaps)
        assert not failures, f"axe-core ({', '.join(WCAG_TAGS)}) on the {self.name} site:\n" + "\n".join(failures)
        stale = [f"{g.regel} on {g.sidor}" for i, g in enumerate(gaps) if i not in used]
        assert not stale, "exclusions in tillganglighet.yaml that no longer match anything (remove them): " + ", ".join(stale)

    def test_pages_request_nothing_outside_the_site(self, visits):
        origin, results = visits
        outside = [
            f"/{page}: {url}"
            for page, result in results.items()
            for url in result.requests
            if not (url.startswith(origin + "/") or url.startswith(("data:", "blob:", "about:")))
        ]
        assert not outside, "requests to other hosts:\n" + "\n".join(outside)
        failed = [f"/{page}: {f}" for page, result in results.items() for f in result.failed]
        assert not failed, "requests that failed (missing files?):\n" + "\n".join(failed)

    def test_no_page_fetches_the_sitemap_on_load(self, visits):
        # Material's bundle fetches sitemap.xml for every <link rel="alternate"> (to map language
        # versions); the feed's link says rel="alternate feed", so a page loads only what it shows.
        _, results = visits
        fetched = [f"/{page}" for page, result in results.items() if any(u.split("?")[0].endswith("/sitemap.xml") for u in result.requests)]
        assert not fetched, "pages that fetch sitemap.xml on load: " + ", ".join(fetched[:10])


@pytest.mark.build
@pytest.mark.first
class TestEveryRealPageInChromium(_EveryPageInChromium):
    name = "real"


@pytest.mark.build
@pytest.mark.first
class TestEveryFixturePageInChromium(_EveryPageInChromium):
    name = "fixture"


@pytest.mark.build
@pytest.mark.parametrize("name", SITES)
def test_html_validates(built_sites, name):
    if not HTML_VALIDATE.exists() or shutil.which("node") is None:
        need("node_modules/.bin/html-validate is missing (run npm ci; make quality does)")
    pages = [str(p) for p in html_pages(built_sites[name])]
    result = subprocess.run(
        [str(HTML_VALIDATE), "--config", str(ROOT / ".htmlvalidate.cjs"), *pages],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


@pytest.mark.build
@pytest.mark.parametrize("name", SITES)
def test_no_broken_internal_link_or_anchor(built_sites, name):
    site = built_sites[name]
    assert not broken_links(site), "\n".join(broken_links(site))
    assert not duplicate_ids(site), "\n".join(duplicate_ids(site))


# -- the gates themselves can fail ----------------------------------------


@pytest.fixture(scope="module")
def _module_browser():
    need(missing_tools())
    with Chromium() as browser:
        yield browser


@pytest.fixture
def browser(_module_browser) -> Chromium:
    """One Chromium for this module's browser tests (started once), at its own
    1280 x 900 window again: no emulated screen size is left from the test before."""
    _module_browser.send("Emulation.clearDeviceMetricsOverride")
    return _module_browser


@pytest.fixture(scope="module")
def real_server(built_sites):
    with SiteServer(built_sites["real"]) as server:
        yield server


def test_link_check_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "om").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="om/">ok</a><a href="om/#finns">ok</a><a href="om/#saknas">x</a>'
        '<a href="borta/">x</a><a href="/om/">x</a><a href="https://example.org/">ext</a>'
        '<p id="d"></p><p id="d"></p>',
        encoding="utf-8",
    )
    (tmp_path / "om" / "index.html").write_text('<h2 id="finns">F</h2><a href="../#d">ok</a>', encoding="utf-8")
    problems = broken_links(tmp_path)
    assert [p.split(" (")[0] for p in problems] == [
        "index.html: om/#saknas",
        "index.html: borta/",
        "index.html: /om/",
    ]
    assert duplicate_ids(tmp_path) == ["index.html: id 'd' twice"]


def test_exclusion_matching():
    from finsam.model.tillganglighet import Undantag

    gap = Undantag(
        regel="color-contrast", sidor=["arshjul/*"], element=".md-footer", wcag="1.4.3",
        beskrivning="x", skal="y", sedan="2026-01-01",
    )
    assert excluded(gap, "arshjul/2024/", "color-contrast", "footer.md-footer > p")
    assert not excluded(gap, "om/", "color-contrast", "footer.md-footer > p")
    assert not excluded(gap, "arshjul/2024/", "image-alt", "footer.md-footer > p")
    assert not excluded(gap, "arshjul/2024/", "color-contrast", "main p")


@pytest.mark.build
def test_browser_gates_catch_a_bad_page(tmp_path, browser):
    """A page with an image without alt text that loads from another host fails both gates."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="sv"><head><title>Test</title></head><body><main>'
        '<h1>Test</h1><img src="http://192.0.2.1/bild.png"><img src="https://fonts.example.org/x.css"></main></body></html>',
        encoding="utf-8",
    )
    with SiteServer(tmp_path) as server:
        result = browser.load(server.origin + "/", quiet=0.1)
        violations = browser.axe()
    assert "http://192.0.2.1/bild.png" in result.requests
    assert "https://fonts.example.org/x.css" in result.requests
    assert "image-alt" in {v["id"] for v in violations}


@pytest.mark.build
@pytest.mark.parametrize("name", SITES)
def test_charts_wheel_and_tables_make_sense_without_sight(built_sites, name):
    problems = custom_part_problems(built_sites[name])
    assert not problems, "\n".join(problems)


def test_custom_part_rules_catch_bad_markup():
    bad = (
        '<article><svg viewBox="0 0 1 1"><a href="#x"><circle r="1"/></a></svg>'
        '<svg role="img" aria-labelledby="saknas"></svg>'
        '<svg aria-hidden="true"></svg>'
        '<svg role="img"><title>Årshjul</title><a href="#m"><title>Möte</title></a></svg>'
        '<table class="budget"><tbody><tr><th>Styrelse</th><td>1</td></tr></tbody></table>'
        '<table><caption> </caption></table>'
        '<span role="button">Öppna</span><div tabindex="2">x</div></article>'
    )
    problems = problems_in_page(bad, "p")
    assert problems == [
        'p: <svg> without role="img" (or aria-hidden="true" if it is decoration)',
        "p: <svg> without a name (aria-label, aria-labelledby or <title>)",
        "p: a link in an <svg> has no name",
        "p: <svg> without a name (aria-label, aria-labelledby or <title>)",
        "p: table budget has no <caption> or aria-label",
        "p: row header 'Styrelse' without scope=\"row\"",
        "p: an empty <caption>",
        "p: tabindex=2 on <div> (use 0 or the document order)",
        'p: <span role="button"> cannot be reached with the keyboard',
    ]


def test_the_statement_names_the_tool_versions_that_run():
    """The accessibility statement's test records name the versions package-lock.json pins."""
    import json

    from finsam.dataset import load_dataset

    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    pinned = {name: lock[f"node_modules/{name}"]["version"] for name in ("axe-core", "html-validate")}
    tests = load_dataset(ROOT / "data").webbplats.model.tillganglighet.tester
    recorded = {t.verktyg.split(" ")[0]: t.version for t in tests}
    assert recorded == pinned


@pytest.mark.build
@pytest.mark.parametrize("name", SITES)
def test_no_markdown_escape_shows_on_a_page(built_sites, name):
    """Text from data is backslash-escaped for Markdown; the backslash must never
    reach the reader (it would if escaped text landed where Markdown is not parsed)."""
    import re

    from bs4 import NavigableString

    shown = []
    for path, soup in built_pages(built_sites[name]).items():
        # The shared parse is read only: skip code and scripts rather than remove them.
        text = " ".join(
            s for s in soup.find_all(string=True)
            if type(s) is NavigableString and not s.find_parent(["script", "style", "code", "pre"])
        )
        shown += [
            f"{path}: …{text[max(0, m.start() - 30):m.end() + 10]}…"
            for m in re.finditer(r"\\[\\`*_{}\[\]()#+\-.!|~^=]", text)
        ]
    assert not shown, "\n".join(shown[:20])


# -- the public reader's way through the site (issue 12: items 1, 5, 9) ------------

_VISIBLE_LINKS = """(sel => [...document.querySelectorAll(sel + ' a')]
  .filter(a => { const r = a.getBoundingClientRect(); const s = getComputedStyle(a);
                 return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
                        && r.bottom > 0 && r.top < window.innerHeight + document.body.scrollHeight; })
  .map(a => ({text: a.textContent.trim(), path: new URL(a.getAttribute('href'), location.href).pathname})))"""


def _viewport(browser, width: int, height: int = 900) -> None:
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def _page_exists(site: Path, path: str) -> bool:
    rel = path.lstrip("/")
    return (site / rel / "index.html").is_file() if not rel.endswith(".html") else (site / rel).is_file()


@pytest.mark.build
def test_start_page_shows_the_main_sections_at_1280_px(built_sites, browser, real_server):
    site = built_sites["real"]
    _viewport(browser, 1280)
    browser.load(f"{real_server.origin}/")
    tabs = browser.evaluate(f"{_VISIBLE_LINKS}('.md-tabs')")
    texts = [t["text"] for t in tabs]
    # Navigation is on screen without opening a menu: the main sections as tabs,
    # each leading to a page of the site, the ways to help and contact among them.
    assert len(tabs) >= 5, texts
    assert "Kontakt" in texts and "Få stöd" in texts, texts
    assert all(_page_exists(site, t["path"]) for t in tabs), tabs


@pytest.mark.build
@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_footer_links_to_contact(built_sites, browser, real_server, width):
    site = built_sites["real"]
    deep = next(p for p in site_pages(site) if p.count("/") >= 3)  # e.g. insatser/<id>/
    _viewport(browser, width)
    browser.load(f"{real_server.origin}/{deep}")
    links = browser.evaluate(f"{_VISIBLE_LINKS}('.sidfot')")
    line = browser.evaluate("document.querySelector('.sidfot__forbund').textContent")
    contact = [link for link in links if link["text"] == "Kontakt"]
    assert contact and contact[0]["path"] == "/kontakt/", links
    assert _page_exists(site, "/kontakt/")
    assert {"Tillgänglighet", "Kakor", "Personuppgifter"} <= {link["text"] for link in links}
    assert "säte" in line


@pytest.mark.build
def test_the_404_page_is_swedish_and_leads_onward(built_sites, browser, real_server):
    site = built_sites["real"]
    browser.load(f"{real_server.origin}/404.html")
    h1 = browser.evaluate("document.querySelector('article h1').textContent")
    lang = browser.evaluate("document.documentElement.lang")
    hrefs = browser.evaluate("[...document.querySelectorAll('article a')].map(a => a.getAttribute('href'))")
    onward = browser.evaluate(f"{_VISIBLE_LINKS}('article')")
    assert lang == "sv" and h1 == "Sidan finns inte"
    # The host serves 404.html at any missing address, so its links are absolute.
    assert hrefs and all(h.startswith(("/", "http")) for h in hrefs), hrefs
    assert {"Startsidan", "Kontakt"} <= {o["text"] for o in onward}
    assert all(_page_exists(site, o["path"]) for o in onward), onward

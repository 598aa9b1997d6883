"""Quality gates over every built page: accessibility, own-origin requests, valid HTML, links.

The real site and the fixture förbund's site are built once each; then
* every page is opened in headless Chromium (Debian's ``chromium``) served from
  127.0.0.1, with every network request recorded, and axe-core is run on it at
  WCAG 2.1 A and AA: a violation fails unless data/tillganglighet.yaml lists it
  with its reason (and an exclusion that no longer matches fails too);
* html-validate (npm, pinned) checks the HTML against the standard;
* every internal href/src and #anchor must lead somewhere.

In the same visit of the real site's pages (one load per page) the tests read what a
reader sees: the start page's tabs, the footer, the 404 page, and the money tables
(aligned, weighted, and at 390 px within the screen; the money pages are loaded at
390 px, read, then widened to 1280 px for the rest).

Without chromium or node_modules the browser and HTML tests are skipped with the
reason; ``make quality`` and CI install both and set FINSAM_QUALITY_STRICT=1,
under which a missing tool is a failure, not a skip.
"""

from __future__ import annotations

import fnmatch
import functools
import json
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


WIDE, NARROW = 1280, 390  # the window (CHROMIUM_FLAGS) and a phone


def _viewport(browser, width: int, height: int = 900) -> None:
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


@pytest.fixture(scope="class")
def visits(request, built_sites) -> tuple[str, dict]:
    """Every page of the class's site (its ``name``) opened once in Chromium, axe run on
    each while its requests are recorded: (origin, results per page).

    What the class's other tests read from a page (its ``reads``: name -> JS expression)
    is read in the same visit, before axe. A page the class ``starts_narrow`` is loaded
    on a 390 px phone screen, read there, then widened to the 1280 px window and read
    again, and axe runs on it there: the window is asserted to have each width when it is
    read, so a resize that did not happen fails. At 1280 px the page is what a fresh load
    at 1280 px gives: the site's layout follows the width through CSS media queries
    (Material's JavaScript listens to them too), not the width it was loaded at."""
    need(missing_tools())
    cls = request.cls
    site = built_sites[cls.name]
    with Chromium() as browser, SiteServer(site) as server:
        results = {}
        for page in site_pages(site):
            reads = cls.reads(site, page)
            widths = (NARROW, WIDE) if cls.starts_narrow(site, page) else (WIDE,)

            def then(result, reads=reads, widths=widths, page=page):
                for width in widths:
                    if width != widths[0]:
                        # Widening starts CSS transitions (Material's tabs fade in): the
                        # page is read, and axe run, when they have ended, as after a load.
                        # They run at 100 times their speed (DevTools' animation timeline
                        # rate), to the same end.
                        browser.send("Animation.setPlaybackRate", {"playbackRate": 100})
                        browser.send("Emulation.clearDeviceMetricsOverride")
                        browser.evaluate(SETTLED, await_promise=True)
                        browser.send("Animation.setPlaybackRate", {"playbackRate": 1})
                    seen = browser.evaluate(f"({{width: document.documentElement.clientWidth, {_js_fields(reads)}}})")
                    assert width - 20 <= seen["width"] <= width, f"/{page}: the window is not {width} px wide: {seen['width']}"
                    result.read[width] = seen
                result.violations = browser.axe()

            if widths[0] == NARROW:
                _viewport(browser, NARROW)
            results[page] = browser.load(f"{server.origin}/{page}", then=then)
    return server.origin, results


# After the window was widened: once the page has its new width (the resize reaches it a
# moment after it is asked for) and has had two frames to react (Material's JavaScript
# shows the tabs again), until no CSS transition or animation runs for two frames.
SETTLED = f"""(async () => {{
  const frame = () => new Promise(done => requestAnimationFrame(done));
  while (document.documentElement.clientWidth <= {NARROW}) await frame();
  await frame(); await frame();
  for (let still = 0; still < 2; still = document.getAnimations().length ? 0 : still + 1) await frame();
  return true;
}})()"""


def _js_fields(reads: dict[str, str]) -> str:
    return ", ".join(f"{json.dumps(name)}: {expression}" for name, expression in reads.items())


class _EveryPageInChromium:
    """The gates that open every page of one site (``name``) in Chromium. One class per
    site: pytest-xdist (--dist loadscope) runs a class on one worker, so each site is
    visited once per run (the ``visits`` fixture), and the two sites side by side."""

    name: str

    @staticmethod
    def reads(site: Path, page: str) -> dict[str, str]:
        """What the class's tests read from ``page`` in the visit (name -> JS expression)."""
        return {}

    @staticmethod
    def starts_narrow(site: Path, page: str) -> bool:
        """Whether ``page`` is first loaded at 390 px (then widened to 1280 px)."""
        return False

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


# -- what the real site's pages show, read in the same visit ---------------------------

_VISIBLE_LINKS = """(sel => [...document.querySelectorAll(sel + ' a')]
  .filter(a => { const r = a.getBoundingClientRect(); const s = getComputedStyle(a);
                 return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
                        && r.bottom > 0 && r.top < window.innerHeight + document.body.scrollHeight; })
  .map(a => ({text: a.textContent.trim(), path: new URL(a.getAttribute('href'), location.href).pathname})))"""

# Money tables (formerly tests/test_money_browser.py): number cells right-aligned in
# tabular figures, sub-rows in normal weight and sums in bold (the site's CSS must win
# over Material's table rules), and at 390 px no money table on the contributions and
# member pages wider than the screen, nor a page that scrolls sideways: what a member
# pays fits the screen. (Other tables there, such as the board seats on a member page,
# scroll inside Material's wrapper; they are not money tables.)
MONEY = """(() => {
  const width = document.documentElement.clientWidth;
  const cells = [...document.querySelectorAll('article table.pengar td.tal, article table.pengar th.tal')];
  const style = el => getComputedStyle(el);
  return {
    width,
    pageScroll: document.documentElement.scrollWidth,
    numberAlign: [...new Set(cells.map(c => style(c).textAlign))],
    numberFigures: [...new Set(cells.map(c => style(c).fontVariantNumeric))],
    numberCells: cells.length,
    subRowWeight: [...new Set([...document.querySelectorAll('article tr.pengar__underrad th')].map(c => style(c).fontWeight))],
    sumWeight: [...new Set([...document.querySelectorAll('article tr.pengar__summa th, article tr.pengar__resultat th')].map(c => style(c).fontWeight))],
    tables: [...document.querySelectorAll('article table.pengar')].map(t => ({
      caption: t.caption ? t.caption.textContent : "",
      right: Math.ceil(t.getBoundingClientRect().right),
      width: Math.ceil(t.getBoundingClientRect().width),
    })),
  };
})()"""

NOT_FOUND = f"""({{
  h1: document.querySelector('article h1').textContent,
  lang: document.documentElement.lang,
  hrefs: [...document.querySelectorAll('article a')].map(a => a.getAttribute('href')),
  onward: {_VISIBLE_LINKS}('article'),
}})"""

FOOTER = f"""({{
  links: {_VISIBLE_LINKS}('.sidfot'),
  line: document.querySelector('.sidfot__forbund').textContent,
}})"""


def _money_page(page: str) -> bool:
    return page.startswith(("ekonomi/", "medlemmar/"))


@functools.cache
def _deep_page(site: Path) -> str:
    return next(p for p in site_pages(site) if p.count("/") >= 3)  # e.g. aktuellt/<år>/<mm>/<dd>/<post>/


def _page_exists(site: Path, path: str) -> bool:
    rel = path.lstrip("/")
    return (site / rel / "index.html").is_file() if not rel.endswith(".html") else (site / rel).is_file()


@pytest.mark.build
@pytest.mark.first
class TestEveryRealPageInChromium(_EveryPageInChromium):
    name = "real"

    @staticmethod
    def reads(site: Path, page: str) -> dict[str, str]:
        reads = {}
        if _money_page(page):
            reads["money"] = MONEY
        if page == "":
            reads["tabs"] = f"{_VISIBLE_LINKS}('.md-tabs')"
        if page == "404.html":
            reads["not_found"] = NOT_FOUND
        if page == _deep_page(site):
            reads["footer"] = FOOTER
        return reads

    @staticmethod
    def starts_narrow(site: Path, page: str) -> bool:
        # A money page is measured at 390 px on a fresh load (what fits), then widened;
        # the deep page's footer is read at both widths.
        return _money_page(page) or page == _deep_page(site)

    def test_start_page_shows_the_main_sections_at_1280_px(self, visits, built_sites):
        site = built_sites["real"]
        tabs = visits[1][""].read[WIDE]["tabs"]
        texts = [t["text"] for t in tabs]
        # Navigation is on screen without opening a menu: the main sections as tabs,
        # each leading to a page of the site, the ways to help and contact among them.
        assert len(tabs) >= 5, texts
        assert "Kontakt" in texts and "Få stöd" in texts, texts
        assert all(_page_exists(site, t["path"]) for t in tabs), tabs

    @pytest.mark.parametrize("width", [WIDE, NARROW])
    def test_every_page_footer_links_to_contact(self, visits, built_sites, width):
        site = built_sites["real"]
        seen = visits[1][_deep_page(site)].read[width]["footer"]
        links, line = seen["links"], seen["line"]
        contact = [link for link in links if link["text"] == "Kontakt"]
        assert contact and contact[0]["path"] == "/kontakt/", links
        assert _page_exists(site, "/kontakt/")
        assert {"Tillgänglighet", "Kakor", "Personuppgifter"} <= {link["text"] for link in links}
        assert "säte" in line

    def test_the_404_page_is_swedish_and_leads_onward(self, visits, built_sites):
        site = built_sites["real"]
        seen = visits[1]["404.html"].read[WIDE]["not_found"]
        assert seen["lang"] == "sv" and seen["h1"] == "Sidan finns inte"
        # The host serves 404.html at any missing address, so its links are absolute.
        assert seen["hrefs"] and all(h.startswith(("/", "http")) for h in seen["hrefs"]), seen["hrefs"]
        assert {"Startsidan", "Kontakt"} <= {o["text"] for o in seen["onward"]}
        assert all(_page_exists(site, o["path"]) for o in seen["onward"]), seen["onward"]

    def test_number_cells_are_right_aligned_in_tabular_figures(self, visits):
        money = {p: r.read[WIDE]["money"] for p, r in visits[1].items() if "money" in r.read.get(WIDE, {})}
        money = {p: m for p, m in money.items() if m["numberCells"]}
        assert any(p.startswith("ekonomi/budget/2") for p in money) and any(p.startswith("ekonomi/medlemsinsatser/2") for p in money)
        for page, m in money.items():
            assert m["numberAlign"] == ["right"], page
            assert all("tabular-nums" in f for f in m["numberFigures"]), page

    def test_sub_rows_normal_weight_sums_bold(self, visits):
        budget = next(r.read[WIDE]["money"] for p, r in visits[1].items() if p.startswith("ekonomi/budget/2"))
        assert budget["subRowWeight"] == ["400"]
        assert budget["sumWeight"] and all(int(w) >= 700 for w in budget["sumWeight"])

    def test_what_a_member_pays_fits_a_phone(self, visits):
        pages = {p: r.read[NARROW]["money"] for p, r in visits[1].items()
                 if p.startswith(("ekonomi/medlemsinsatser/", "medlemmar/"))}
        assert any(p.startswith("medlemmar/") and p != "medlemmar/" for p in pages)
        assert sum(len(m["tables"]) for p, m in pages.items() if p.startswith("ekonomi/medlemsinsatser/2")) >= 2
        too_wide = {
            p: [t for t in m["tables"] if t["right"] > m["width"]] for p, m in pages.items()
        }
        assert not {p: t for p, t in too_wide.items() if t}, json.dumps(too_wide, ensure_ascii=False, indent=1)
        assert all(m["pageScroll"] <= m["width"] for m in pages.values())
        # stacked, not hidden: the number cells are still there and still right-aligned
        year = next(m for p, m in pages.items() if p.startswith("ekonomi/medlemsinsatser/2"))
        assert year["numberCells"] and year["numberAlign"] == ["right"]


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
def browser() -> Chromium:
    need(missing_tools())
    with Chromium() as browser:
        yield browser


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

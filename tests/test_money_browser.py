"""Money tables in a real browser (headless Chromium over DevTools): they read like money tables.

* number cells are right-aligned, in tabular figures; sub-rows are in normal
  weight and sums in bold (the site's CSS must win over Material's table rules);
* at 390 px no money table on the contributions pages and the member pages is
  wider than the screen, and the page does not scroll sideways: what a member
  pays fits the screen. (Other tables there, such as the board seats on a member
  page, scroll inside Material's wrapper; they are not money tables.)

Skipped without chromium (FINSAM_QUALITY_STRICT=1 makes that a failure).
"""

from __future__ import annotations

import json
import os

import pytest
from browser import Chromium, SiteServer, chromium_path, site_pages

pytestmark = [pytest.mark.build, pytest.mark.first]  # first: a browser over many pages

STRICT = os.environ.get("FINSAM_QUALITY_STRICT") == "1"

MEASURE = """(() => {
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


@pytest.fixture(scope="module")
def measured(real_site):
    if chromium_path() is None:
        if STRICT:
            pytest.fail("FINSAM_QUALITY_STRICT=1 but chromium is not installed")
        pytest.skip("chromium is not installed")
    site = real_site  # the shared build (tests/conftest.py)
    pages = [p for p in site_pages(site) if p.startswith(("ekonomi/", "medlemmar/")) and p.count("/") >= 1]
    out: dict[int, dict[str, dict]] = {390: {}, 1280: {}}
    with Chromium() as browser, SiteServer(site) as server:
        for page in pages:
            # Each page is loaded on a phone-sized screen (what fits is measured on a fresh
            # load), then the window is widened to 1280 px, where alignment and weights are
            # read again: one load per page.
            for width in (390, 1280):
                browser.send("Emulation.setDeviceMetricsOverride",
                             {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
                if width == 390:
                    browser.load(f"{server.origin}/{page}", quiet=0.1)
                measure = browser.evaluate(MEASURE)
                assert width - 20 <= measure["width"] <= width, f"{page}: the window is not {width} px wide"
                out[width][page] = measure
    return out


def test_number_cells_are_right_aligned_in_tabular_figures(measured):
    pages = measured[1280]
    money = {p: m for p, m in pages.items() if m["numberCells"]}
    assert any(p.startswith("ekonomi/budget/2") for p in money) and any(p.startswith("ekonomi/medlemsinsatser/2") for p in money)
    for page, m in money.items():
        assert m["numberAlign"] == ["right"], page
        assert all("tabular-nums" in f for f in m["numberFigures"]), page


def test_sub_rows_normal_weight_sums_bold(measured):
    budget = next(m for p, m in measured[1280].items() if p.startswith("ekonomi/budget/2"))
    assert budget["subRowWeight"] == ["400"]
    assert budget["sumWeight"] and all(int(w) >= 700 for w in budget["sumWeight"])


def test_what_a_member_pays_fits_a_phone(measured):
    pages = {p: m for p, m in measured[390].items()
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

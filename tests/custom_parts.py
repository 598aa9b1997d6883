"""Screen-reader and keyboard sense of the site's own markup (charts, the wheel, tables).

axe-core checks what it can decide alone; these rules encode the site's own
conventions for the parts it draws itself, over the page content (``article``):

* an inline ``<svg>`` (a chart, the yearly-cycle wheel) is either decorative
  (``aria-hidden="true"``) or an image with a name: ``role="img"`` (or
  ``role="group"``/``"figure"`` when it holds links) and ``aria-label``,
  ``aria-labelledby`` naming existing ids, or a ``<title>`` child;
* every link inside an SVG has a name (text, ``aria-label`` or ``<title>``);
* a header cell in a table body (a row header) says ``scope="row"``; a
  ``<caption>`` is never empty; a table drawn as raw HTML (it has a class or
  id, as macros write them) has a caption or an ``aria-label``/``aria-labelledby``;
* no positive ``tabindex`` (it breaks the reading order), and an element given
  a click role (``role="button"``/``"link"``) can be reached with the keyboard.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag
from sitelinks import soup_of

FOCUSABLE = {"a", "button", "input", "select", "textarea", "summary"}


def _name_of(el: Tag, soup: BeautifulSoup) -> str:
    if el.get("aria-label", "").strip():
        return el["aria-label"].strip()
    if el.get("aria-labelledby"):
        ids = el["aria-labelledby"].split()
        found = [soup.find(id=i) for i in ids]
        if all(found):
            return " ".join(f.get_text(" ", strip=True) for f in found)
        return ""
    title = el.find("title", recursive=False)
    return title.get_text(strip=True) if title else ""


def problems_in_page(html: "str | BeautifulSoup", page: str) -> list[str]:
    soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "html.parser")
    content = soup.select_one("article") or soup
    out: list[str] = []

    for svg in content.find_all("svg"):
        if svg.find_parent(class_="headerlink") or svg.find_parent(class_="twemoji"):
            continue
        if svg.get("aria-hidden") == "true":
            continue
        if svg.get("role") not in ("img", "group", "figure"):
            out.append(f"{page}: <svg> without role=\"img\" (or aria-hidden=\"true\" if it is decoration)")
        if not _name_of(svg, soup):
            out.append(f"{page}: <svg> without a name (aria-label, aria-labelledby or <title>)")
        for link in svg.find_all("a"):
            if not (link.get_text(strip=True) or _name_of(link, soup)):
                out.append(f"{page}: a link in an <svg> has no name")

    for table in content.find_all("table"):
        caption = table.find("caption")
        if caption is not None and not caption.get_text(strip=True):
            out.append(f"{page}: an empty <caption>")
        raw_html = table.get("class") or table.get("id")
        if raw_html and caption is None and not _name_of(table, soup):
            out.append(f"{page}: table {table.get('id') or ' '.join(table['class'])} has no <caption> or aria-label")
        for body in table.find_all("tbody"):
            for th in body.find_all("th"):
                if th.get("scope") not in ("row", "rowgroup"):
                    out.append(f"{page}: row header '{th.get_text(strip=True)[:30]}' without scope=\"row\"")

    for el in soup.find_all(attrs={"tabindex": True}):
        try:
            if int(el["tabindex"]) > 0:
                out.append(f"{page}: tabindex={el['tabindex']} on <{el.name}> (use 0 or the document order)")
        except ValueError:
            out.append(f"{page}: tabindex={el['tabindex']!r} is not a number")
    for el in content.find_all(attrs={"role": ("button", "link")}):
        if el.name not in FOCUSABLE and not el.has_attr("tabindex"):
            out.append(f"{page}: <{el.name} role=\"{el['role']}\"> cannot be reached with the keyboard")
    return out


def custom_part_problems(site: Path) -> list[str]:
    out = []
    for path in sorted(site.rglob("*.html")):
        out += problems_in_page(soup_of(path), path.relative_to(site).as_posix())
    return out

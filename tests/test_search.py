"""What the search index leaves out (finsam.search): older years, downloads, tables of figures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from finsam.search import archived_year_pages, is_figure_table, mark_for_search


def test_only_the_newest_year_of_each_series_is_searched():
    pages = [
        "ekonomi/budget/2023.md", "ekonomi/budget/2025.md", "ekonomi/budget/2024.md",
        "verksamhetsplan/2023.md",  # a series of one: its page stays
        "medlemmar/vasteras.md",  # not a year page
        "forbundsordning/2024-01-01.md",  # a version, not a year
    ]
    assert archived_year_pages(pages) == {"ekonomi/budget/2023.md", "ekonomi/budget/2024.md"}


def test_figure_tables_are_told_from_tables_of_words():
    assert is_figure_table(["7 046", "−455", "12 %", "–", "1 313 tkr", "Styrelse"])
    assert not is_figure_table(["Anna Andersson", "Ordförande", "Västerås stad", "2024"])
    assert not is_figure_table([])


def _tree(html: str):
    return ET.fromstring(f"<div>{html}</div>")


def test_marks_download_sections_and_figure_tables_only():
    root = _tree(
        '<h2 id="ladda-ner">Ladda ner</h2><h2 id="budgeten">Budgeten</h2>'
        "<table><tr><th>Post</th><td>7 046</td><td>−455</td></tr></table>"
        "<table><tr><td>Anna Andersson</td><td>Ordförande</td></tr></table>"
    )
    mark_for_search(root)
    marked = [el.tag + ":" + (el.get("id") or "".join(el.itertext())[:4]) for el in root.iter() if el.get("data-search-exclude") is not None]
    assert marked == ["h2:ladda-ner", "table:Post"]

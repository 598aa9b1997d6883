"""The built money pages: elements, not whole pages. Builds the real site and the fixture's."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_DATE
from conftest import page as shared_page

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def real_site(real_build):
    return real_build.site, real_build.result  # the shared build (tests/conftest.py)


def page(site, path) -> BeautifulSoup:
    return shared_page(site, path)  # parsed once per session (tests/conftest.py)


def nbsp(s: str) -> str:
    return s.replace("\xa0", " ")


def test_budget_page_table(real_site):
    site, _ = real_site
    soup = page(site, "ekonomi/budget/2023/index.html")
    table = soup.select_one(".budget-tabell table")
    heads = [nbsp(th.find(string=True)) for th in table.select("thead th")]
    assert heads == ["Post", "Budget 2022", "Prognos 2022", "Budget 2023"]
    # each column says what kind of figures it holds
    assert [nbsp(s.get_text()) for s in table.select("thead th small")] == ["beslutad budget", "prognos", "beslutad budget"]
    row = table.select_one("tr#samordningsteam-fns")
    assert row.th["scope"] == "row"
    assert [nbsp(td.get_text()) for td in row.select("td")] == ["−1 523", "−1 513", "−1 528"]
    group = table.select_one("tr#strukturinriktade-insatser")
    cells = [nbsp(td.get_text(" ")) for td in group.select("td")]
    # the printed (adopted) subtotal leads; the lines' sum is the check beside it
    assert cells[2].startswith("−1 109") and "raderna ger −1 084" in cells[2]
    assert group.select_one('a[href="#avvikelse-4"]')
    result = [tr for tr in table.select("tr.pengar__resultat") if "Resultat" in tr.th.get_text()][0]
    assert nbsp(result.select("td")[2].get_text()) == "−748"
    # 2022: the budgeted result −474 stands (budget table, overview, consultation notes); −440 is the check
    assert nbsp(result.select("td")[0].get_text(" ")).startswith("−474")
    assert "raderna ger −440" in nbsp(result.select("td")[0].get_text(" "))
    for line_id in ("medel-fran-huvudmannen", "processtod-samverkan", "samverkansmedel-ofordelat", "individinriktade-insatser"):
        assert table.select_one(f"tr#{line_id}") is not None


def test_budget_page_explains_every_difference(real_site):
    site, _ = real_site
    soup = page(site, "ekonomi/budget/2023/index.html")
    headings = soup.select('h3[id^="avvikelse-"]')
    assert len(headings) == 10
    section = soup.select_one("#avvikelse-4").find_next("p")
    assert "−1 109 tkr" in nbsp(section.get_text()) and "−1 084 tkr" in nbsp(section.get_text())
    # the printed total supports the lines here, and the page says so
    assert "summa kostnader (−7 878 tkr)" in nbsp(soup.get_text())
    result = nbsp(soup.select_one("#avvikelse-7").find_next("p").find_next("p").get_text())
    assert "budgetöversikten" in result and "Minnesanteckningar" in result and "−474 tkr" in result
    assert soup.select_one(".admonition.warning")


def test_budget_chart_has_text_alternative_and_table_twin(real_site):
    site, _ = real_site
    soup = page(site, "ekonomi/budget/2023/index.html")
    svg = soup.select_one("figure.diagram svg")
    assert svg["role"] == "img"
    ids = svg["aria-labelledby"].split()
    assert soup.find(id=ids[0]).name == "title" and soup.find(id=ids[1]).name == "desc"
    assert "5 548 tkr" in nbsp(soup.find(id=ids[1]).get_text())
    assert len(svg.select("rect")) == 4
    twin = svg.find_parent("figure").find_next("table")
    rows = [[nbsp(tr.th.get_text())] + [nbsp(c.get_text(" ")) for c in tr.select("td")] for tr in twin.select("tbody tr")]
    assert rows[0] == ["Individinriktade insatser", "5 548", "70 %", "70,4 %"]  # 70 % is the correctly rounded value
    assert rows[1][2] == "9 %" and "avrundat 8 %" in rows[1][3]
    assert rows[-1][2] == "100 %"


def test_contributions_page(real_site):
    site, _ = real_site
    soup = page(site, "ekonomi/medlemsinsatser/2023/index.html")
    row = soup.select_one("tr#fagersta")
    cells = [nbsp(c.get_text()) for c in row.select("td")]
    assert cells[0] == "13 342" and cells[2] == "345 100 kr" and cells[3] == "343 000 kr" and cells[4] == "2 100 kr"
    # the source's amounts are a request, never labelled as a payment
    heads = [nbsp(th.get_text(" ")) for th in soup.select("table.pengar thead th")]
    assert "Enligt källan äskat" in heads and "Enligt förbundsordningen beräknat enligt regeln" in heads
    text = nbsp(soup.select_one("article").get_text(" "))
    assert "äskade" in text and "Vad medlemmarna betalade 2023 finns inte i källorna" in text
    assert "betalar" not in text.split("Så räknas")[0]
    assert soup.select_one("tr#staten") and soup.select_one("tr#region-vastmanland")
    assert soup.select_one("tr#staten #forsakringskassan") and soup.select_one("tr#staten #arbetsformedlingen")
    warning = soup.select_one(".admonition.warning")
    assert "1 november 2022" in warning.get_text() and "30 juni 2020" in warning.get_text()
    links = [a["href"] for a in soup.select("a")]
    assert any(h.endswith("/forbundsordning/nvsam/#kostnadsfordelning") for h in links)
    assert "7 525 050 kr" in nbsp(soup.get_text())


def test_contributions_2024_uses_the_2024_rule(real_site):
    site, _ = real_site
    soup = page(site, "ekonomi/medlemsinsatser/2024/index.html")
    text = nbsp(soup.get_text())
    assert "16–67 år" in text and "ca 18 000 000 kr" in text
    # an estimate, beside the consultation's own advice
    assert "Enligt källan (uppskattning)" in [td["data-label"] for td in soup.select("tr#staten td")]
    assert "oförändrad medlemsinsats 2024" in text
    assert soup.select_one("tr#vasteras")
    assert "1 november 2023" in soup.select_one(".admonition.warning").get_text()


def test_member_page_labels_each_amount(real_site):
    site, _ = real_site
    text = " ".join(nbsp(page(site, "medlemmar/fagersta/index.html").select_one("article").get_text(" ")).split())
    text = text.replace(" :", ":")
    assert "Medlemsinsats 2023: Äskat: 343 000 kr." in text
    assert "Uppskattning: ca 209 200 kr, förbundsordningens fördelning av ca 18 000 000 kr" in text
    assert "oförändrad medlemsinsats 2024" in text
    assert "Vad som betalades finns inte i källorna" in text


def test_build_prints_warnings_but_succeeds(real_site):
    _, proc = real_site
    assert proc.returncode == 0
    assert "data/medlemsinsatser/2023.yaml" in proc.stderr and "varning" in proc.stderr
    assert "bygget fortsätter" in proc.stderr


def test_remuneration_unknown_amount(real_site):
    site, _ = real_site
    text = page(site, "ekonomi/arvoden/index.html").select_one("article").get_text()
    assert "7 %" in nbsp(text) and "5 %" in nbsp(text) and "inte känt" in text


def test_allocation_page_labels_invented_figures(real_site):
    site, _ = real_site
    soup = page(site, "ekonomi/statens-fordelningsmodell/index.html")
    assert "Fiktiva siffror" in soup.select_one(".admonition").get_text()
    row = [tr for tr in soup.select("table.pengar tr") if "Tilldelning" in tr.th.get_text()][0]
    assert nbsp(row.td.get_text()) == "2 250"  # tkr, in the table's caption


def test_equity_overview(real_site):
    site, _ = real_site
    text = nbsp(page(site, "ekonomi/index.html").get_text(" "))
    assert "−173 tkr" in text and "1 140 tkr" in text
    assert "inte uppfyllt (under golvet 500 tkr)" in text


def test_downloads(real_site):
    site, _ = real_site
    data = site / "ekonomi" / "data"
    rows = list(csv.DictReader(io.StringIO((data / "budget-2023.csv").read_text(encoding="utf-8"))))
    sub = [r for r in rows if r["id"] == "strukturinriktade-insatser" and r["kolumn"] == "Budget 2023"]
    assert sub == [{"typ": "delsumma", "id": "strukturinriktade-insatser", "namn": "Strukturinriktade insatser",
                    "grupp": "", "kolumn": "Budget 2023", "figurslag": "beslutad_budget", "belopp": "-1109",
                    "beraknat": "-1084", "avviker": "true", "enhet": "tkr"}]
    result = [r for r in rows if r["id"] == "resultat" and r["kolumn"] == "Budget 2022"]
    assert [(r["belopp"], r["beraknat"]) for r in result] == [("-474", "-440")]
    doc = json.loads((data / "medlemsinsatser-2023.json").read_text(encoding="utf-8"))
    assert doc["metadata"]["genererad"] == BUILD_DATE and doc["metadata"]["enhet"] == "kr"
    fag = next(r for r in doc["rader"] if r["medlem"] == "fagersta")
    assert (fag["belopp_beraknat"], fag["belopp_angivet"], fag["skillnad"]) == (345100, 343000, 2100)
    assert (fag["angivet_figurslag"], fag["beraknat_figurslag"], fag["betalat_kant"]) == ("askat", "regelberakning", False)
    meta = json.loads((data / "budget-2023.csv-metadata.json").read_text(encoding="utf-8"))
    assert meta["url"] == "budget-2023.csv" and meta["dc:created"] == BUILD_DATE
    assert [c["name"] for c in meta["tableSchema"]["columns"]] == list(rows[0].keys())
    shares = list(csv.DictReader(io.StringIO((data / "budgetandelar-2023.csv").read_text(encoding="utf-8"))))
    assert {r["kategori"]: (r["procent"], r["procent_avrundad"], r["avviker"]) for r in shares}["individ"] == ("70", "70", "false")


def test_new_budget_year_needs_only_a_data_file(fixture_next_year_site):
    site = fixture_next_year_site  # 2027 added as data files only
    for year in (2025, 2026, 2027):
        assert (site / f"ekonomi/budget/{year}/index.html").exists()
        assert (site / f"ekonomi/data/budget-{year}.csv").exists()
    nav = page(site, "ekonomi/budget/index.html")
    assert {"Budget 2025", "Budget 2026", "Budget 2027"} <= {a.get_text(strip=True) for a in nav.select("nav a")}


def test_fixture_pages(fixture_site):
    soup = page(fixture_site, "ekonomi/budget/2026/index.html")
    assert "<script>" in soup.select_one("tr#kansli th").get_text()  # shown as text
    assert not soup.select("article script")
    assert soup.select_one("#avvikelse-1")
    text = nbsp(page(fixture_site, "ekonomi/arvoden/index.html").get_text())
    assert "36 000 kr" in text and "24 000 kr" in text and "600 000 kr" in text
    contributions = page(fixture_site, "ekonomi/medlemsinsatser/2025/index.html")
    assert not contributions.select(".admonition.warning")  # figures of the rule's date and band
    assert nbsp(contributions.select_one("tr#aby").select("td")[2].get_text()) == "375 000 kr"

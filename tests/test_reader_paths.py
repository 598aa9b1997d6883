"""The public reader's path: contact, help per municipality, page descriptions, the mark.

Pure tests on the data set (no build): the view objects in compute/kontakt.py,
compute/stod.py and compute/identitet.py, and the helpers they rely on.
"""

from __future__ import annotations

import datetime as dt

from conftest import REAL_DATA, edit

from finsam.compute.identitet import initials
from finsam.compute.kontakt import kontakt_view, warnings
from finsam.compute.stod import stod_view
from finsam.dataset import load_dataset
from finsam.notices import notices
from finsam.render.links import page_url
from finsam.sidmeta import description, shorten

TODAY = dt.date(2026, 11, 22)


def test_without_confirmed_kansli_details_the_latest_sourced_contact_is_shown_with_its_date():
    ds = load_dataset(REAL_DATA)
    view = kontakt_view(ds, TODAY)
    assert not view.current
    latest = view.latest
    assert latest is not None and "@" in latest.epost
    assert latest.kalla_datum is not None or latest.ar is not None
    # The feedback route falls back to that address, and says where it comes from.
    assert view.synpunkter_epost == latest.epost and view.synpunkter_fran == "person"
    # The build warns (a notice on data/forbund.yaml), and does not fail.
    assert warnings(view)
    assert any(p.file.endswith("forbund.yaml") and "kontakt" in p.message for p in notices(ds, TODAY))


def test_confirmed_kansli_details_are_current_and_lead_the_feedback_route(fixture_copy):
    forbund = fixture_copy / "forbund.yaml"
    text = forbund.read_text(encoding="utf-8")
    text = text.replace(
        "\nsyfte:",
        "\nkontakt:\n  epost: kansli@exempeldalen.example\n  bekraftad: 2026-01-15\n  personer: []\nsyfte:",
        1,
    )
    forbund.write_text(text, encoding="utf-8")
    view = kontakt_view(load_dataset(fixture_copy), TODAY)
    assert view.current and warnings(view) == [] and view.epost == "kansli@exempeldalen.example"
    # The accessibility statement's own address, when it has one, comes first.
    assert view.synpunkter_fran == "tillganglighet"


def test_unconfirmed_details_are_not_current(fixture_copy):
    forbund = fixture_copy / "forbund.yaml"
    text = forbund.read_text(encoding="utf-8")
    forbund.write_text(text.replace("\nsyfte:", "\nkontakt:\n  postadress: Kansliet, Åby kommun\nsyfte:", 1), encoding="utf-8")
    assert not kontakt_view(load_dataset(fixture_copy), TODAY).current


def test_every_member_municipality_has_a_section_and_no_insats_is_placed_by_guess():
    ds = load_dataset(REAL_DATA)
    view = stod_view(ds, TODAY)
    fo = ds.forbundsordning_on(TODAY).model
    _, members = fo.rule("medlemmar")
    municipalities = {m for m in members if ds.organisation(m).typ == "kommun"}
    assert {k.id for k in view.kommuner} == municipalities
    placed = {i.id for k in view.kommuner for i in k.insatser}
    for ins in ds.insatser.model.insatser:
        if ins.id in placed:
            assert ins.kommuner and ins.slag == "individinriktad"
    # An individinriktad insats with a budget but no known place is listed apart.
    assert all(not ds.insatser.model.insats(i.id).kommuner for i in view.utan_ort)


def test_a_municipality_named_in_an_insats_must_be_a_municipality(fixture_copy):
    from conftest import problems_in

    insatser = fixture_copy / "insatser.yaml"
    text = insatser.read_text(encoding="utf-8")
    first = text.index("    budgetrader:")
    insatser.write_text(text[:first] + "    kommuner: [finns-inte]\n" + text[first:], encoding="utf-8")
    problems = problems_in(fixture_copy)
    assert any("kommuner[" in p and "'finns-inte' är ingen kommun" in p for p in problems), problems


def test_page_urls_for_templates_follow_directory_urls():
    assert page_url("stod/index.md", "kontakt.md") == "../kontakt/"
    assert page_url("stod/index.md", "insatser/sala.md") == "../insatser/sala/"
    assert page_url("index.md", "insatser/index.md#individinriktad") == "insatser/#individinriktad"
    assert page_url("kontakt.md", "kontakt.md") == "./"


def test_description_is_the_first_running_paragraph_cut_at_a_word():
    html = (
        '<h1>Rubrik</h1><div class="admonition note"><p>En ruta som inte är brödtext alls.</p></div>'
        "<p>Kort</p><p>Förbundet finansierar insatser som parterna driver tillsammans &amp; följer upp dem.</p>"
    )
    assert description(html) == "Förbundet finansierar insatser som parterna driver tillsammans & följer upp dem."
    assert description(html, "Från sidhuvudet") == "Från sidhuvudet"
    long = shorten("ord " * 100)
    assert len(long) <= 160 and long.endswith("…") and not long.endswith(" …")


def test_the_first_paragraph_is_the_same_when_the_page_is_read_in_pieces():
    """first_paragraph stops reading once it has found the paragraph; what it finds is what
    one reading of the whole page finds, wherever the paragraph falls between pieces."""
    from finsam.sidmeta import _MAX_PIECE, _FirstParagraph, first_paragraph

    def whole(page):
        parser = _FirstParagraph()
        parser.feed(page)
        parser.close()
        return parser.found[0] if parser.found else None

    paragraph = "<p>Förbundet &amp; dess medlemmar arbetar &#8212; tillsammans &auml;n mer.</p>"
    for skipped in range(0, 3 * _MAX_PIECE, 331):  # a note box of growing length before it (pieces double up to _MAX_PIECE)
        page = f"<details><p>{'x' * skipped}</p></details><p>Kort</p>{paragraph}<p>Nästa stycke som är långt nog.</p>"
        assert first_paragraph.__wrapped__(page) == whole(page) == "Förbundet & dess medlemmar arbetar — tillsammans än mer."
    assert first_paragraph.__wrapped__("<p>kort</p>" * 2000) is None


def test_the_mark_is_the_initials_of_the_name():
    assert initials("Samordningsförbundet Västmanland") == "SV"
    assert initials("Norra Västmanlands Samordningsförbund") == "NVS"
    assert initials("Ett namn med många fler ord") == "ENM"


def test_blog_labels_are_replaced_only_as_whole_element_texts():
    from finsam.bloggord import swedish_labels

    html = '<span class="md-ellipsis">\n  Tillbaka till index\n</span><a>Fortsätt läsa</a><p>Metadata om x</p>'
    out = swedish_labels(html)
    assert "Alla nyheter" in out and "<a>Läs hela nyheten</a>" in out
    assert "<p>Metadata om x</p>" in out  # running text is left alone


def test_the_themes_empty_tabindex_is_dropped_and_nothing_else():
    from finsam.bloggord import without_empty_tabindex

    html = '<label class="md-nav__link " for="__nav_5" id="__nav_5_label" tabindex=""><label class="md-nav__link" tabindex="0">'
    out = without_empty_tabindex(html)
    assert 'tabindex=""' not in out and 'tabindex="0"' in out and 'id="__nav_5_label">' in out

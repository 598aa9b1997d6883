"""Every field of every model has a Swedish title and help text in one catalogue
(macros/finsam/model/hjalptexter.yaml), and every entry there belongs to a field.

Undocumented fails (datasette's pattern): add a field to a model and this test
names it until its Swedish text is written.
"""

from __future__ import annotations

from finsam.helptexts import all_models, field_help, model_key, undocumented


def test_every_field_and_value_has_swedish_text_and_no_entry_is_stale():
    assert undocumented() == []


def test_the_catalogue_covers_every_collection_model():
    keys = {model_key(m) for m in all_models()}
    assert {"moten.Mote", "styrelse.Plats", "budget.Budget", "dokument.Dokument"} <= keys


def test_an_own_entry_goes_before_the_common_one():
    from finsam.model.moten import Mote
    from finsam.model.kallor import Kalla

    assert field_help(Mote, "kalla").title == "Källa"  # common entry
    assert "ÅÅÅÅ-MM-DD" in field_help(Mote, "datum").description
    assert field_help(Kalla, "id").description != field_help(Mote, "id").description


def test_the_catalogue_reads_as_pyyaml_reads_it():
    """The catalogue is read with libyaml for speed; PyYAML's own (Python) loader reads the same."""
    import yaml

    from finsam.helptexts import CATALOGUE, catalogue

    assert catalogue() == yaml.load(CATALOGUE.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)

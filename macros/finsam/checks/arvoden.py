"""Checks of the base amounts for remuneration (data/arvoden/*.yaml)."""

from __future__ import annotations

from . import check


@check("arvoden_ar_finns", "Varje år med ett grundbelopp för arvoden har en förbundsordning med en arvodesregel.")
def remuneration_rule(ds):
    for doc in ds.arvoden:
        a = doc.model
        if doc.key != str(a.ar):
            yield doc.problem(("ar",), f"filen heter {doc.key}.yaml men gäller år {a.ar}")
        fo = ds.forbundsordning_for_year(a.ar)
        if fo is None or fo.model.rule("arvode")[1] is None:
            yield doc.problem(("ar",), f"förbundsordningen som gäller år {a.ar} har ingen regel om arvoden")
        if a.grundbelopp_kr is not None and a.kalla is None:
            yield doc.problem(("kalla",), "ange källan till grundbeloppet")

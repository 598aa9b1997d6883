"""Checks of the accessibility statement's facts (data/webbplats.yaml)."""

from __future__ import annotations

from . import check, repeats


def _doc(ds):
    return ds.webbplats


@check(
    "tillganglighet_status",
    "Tillgänglighetsredogörelsen säger 'förenlig' bara om inga brister är kända, granskningen "
    "även gjorts manuellt och varje automatiskt test är kört utan fel; annars anges skälet.",
)
def accessibility_status(ds):
    doc = _doc(ds)
    if doc is None:
        return
    t = doc.model.tillganglighet
    if t.status == "forenlig":
        if t.brister:
            yield doc.problem(("tillganglighet", "status"), "kan inte vara 'forenlig' när brister finns under 'brister'")
        if not t.bedomning.manuell_granskning:
            yield doc.problem(
                ("tillganglighet", "status"),
                "kan inte vara 'forenlig' utan manuell granskning (bedomning.manuell_granskning: true)",
            )
        for i, test in enumerate(t.tester):
            if test.datum is None or test.overtradelser is None:
                yield doc.problem(("tillganglighet", "tester", i), "kan inte vara 'forenlig' när testet inte är kört")
            elif test.overtradelser > 0:
                yield doc.problem(
                    ("tillganglighet", "tester", i, "overtradelser"),
                    f"kan inte vara 'forenlig' när testet hittade {test.overtradelser} fel",
                )
    elif not t.brister and not t.status_skal:
        yield doc.problem(
            ("tillganglighet", "status_skal"),
            "ange varför webbplatsen inte är helt förenlig (status_skal), eller lista bristerna under 'brister'",
        )


@check("tillganglighet_brister_unika", "Varje känd tillgänglighetsbrist har ett eget id.")
def unique_gaps(ds):
    doc = _doc(ds)
    if doc is None:
        return
    gaps = doc.model.tillganglighet.brister
    for i in repeats(b.id for b in gaps):
        yield doc.problem(("tillganglighet", "brister", i, "id"), f"id '{gaps[i].id}' används redan av en annan brist")


@check(
    "tillganglighet_test_fullstandigt",
    "Ett kört tillgänglighetstest (med datum) anger hur många sidor som testades och hur många fel som hittades.",
)
def complete_test_results(ds):
    doc = _doc(ds)
    if doc is None:
        return
    for i, test in enumerate(doc.model.tillganglighet.tester):
        if test.datum is not None:
            for key in ("sidor", "overtradelser"):
                if getattr(test, key) is None:
                    yield doc.problem(
                        ("tillganglighet", "tester", i, key), "testet har ett datum; fyll då i antal sidor och antal fel"
                    )

"""Warnings about the data: honest states that do not stop the build.

A warning is not an error: the data are what they are (for example, population
figures of another date than the förbundsordning asks for), and the pages say so
too. The build and ``python -m finsam validera`` print them; they never fail it.
"""

from __future__ import annotations

from .problems import Problem


def notices(ds, today=None) -> list[Problem]:
    from .compute.medlemsinsatser_split import year_contributions  # not the pages' views
    from .compute.kontakt import kontakt_view, warnings

    out: list[Problem] = []
    from .settings import build_date

    contact = kontakt_view(ds, today or build_date())
    for message in warnings(contact, ds):
        out.append(ds.forbund.problem(("kontakt",), f"varning: {message}"))
    for doc in ds.medlemsinsatser:
        view = year_contributions(ds, doc)
        if view is None:
            continue
        for message in view.warnings:
            out.append(doc.problem(("befolkning",), f"varning: medlemsinsatser {view.year}: {message}"))
    return sorted(out)


def report(ds, today=None) -> str:
    lines = [p.format() for p in notices(ds, today)]
    if lines:
        lines.append(f"{len(lines)} {'varning' if len(lines) == 1 else 'varningar'} (bygget fortsätter).")
    return "\n".join(lines)

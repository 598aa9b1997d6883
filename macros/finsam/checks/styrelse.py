"""Checks of the boards (data/styrelse/*.yaml) against the förbundsordning, and of
the persons they name (data/personer.yaml)."""

from __future__ import annotations

from collections import Counter

from ..compute.board import board_rules
from ..model.styrelse import SEAT_ROLE_LABELS
from . import check, repeats


def _forbundsordning(ds, doc):
    try:
        return ds.forbundsordning(doc.model.forbundsordning)
    except KeyError:
        return None


@check(
    "styrelse_forbundsordning",
    "Varje styrelse hänvisar till en förbundsordning som finns och som gäller för mandatperioden "
    "(en interimsstyrelse till den förbundsordning den förbereder).",
)
def board_forbundsordning(ds):
    for doc in ds.styrelser:
        b = doc.model
        if b.till < b.fran:
            yield doc.problem(("till",), f"mandatperioden slutar ({b.till}) före den börjar ({b.fran})")
        fo_doc = _forbundsordning(ds, doc)
        if fo_doc is None:
            known = ", ".join(d.key for d in ds.forbundsordningar)
            yield doc.problem(
                ("forbundsordning",),
                f"förbundsordningen '{b.forbundsordning}' finns inte i data/forbundsordning/ (finns: {known})",
            )
            continue
        fo = fo_doc.model
        if b.organ == "styrelse" and not fo.in_force_on(b.fran):
            yield doc.problem(
                ("forbundsordning",),
                f"förbundsordningen '{b.forbundsordning}' gäller inte när mandatperioden börjar ({b.fran})",
            )
        if b.organ == "interimsstyrelse" and (fo.giltig_fran is None or b.till >= fo.giltig_fran):
            yield doc.problem(
                ("till",),
                f"en interimsstyrelse förbereder förbundsordningen '{b.forbundsordning}' och ska sluta "
                "innan den börjar gälla",
            )
        if fo.rule("styrelse")[1] is None:
            yield doc.problem(("forbundsordning",), f"förbundsordningen '{b.forbundsordning}' har ingen regel om styrelsen")


@check("styrelseplats_medlem", "Varje styrelseplats tillhör en medlem i förbundsordningen som styrelsen följer.")
def seat_members(ds):
    for doc in ds.styrelser:
        fo_doc = _forbundsordning(ds, doc)
        if fo_doc is None:
            continue
        _, members = fo_doc.model.rule("medlemmar")
        members = members or []
        for i, seat in enumerate(doc.model.platser):
            if seat.medlem not in members:
                org = ds.organisation(seat.medlem)
                what = f"'{org.namn}'" if org else f"'{seat.medlem}'"
                yield doc.problem(
                    ("platser", i, "medlem"),
                    f"{what} är inte medlem enligt förbundsordningen {fo_doc.display}; "
                    f"platser får bara höra till medlemmarna där",
                )


@check(
    "styrelseplatser_per_medlem",
    "Varje medlem har exakt så många ledamöter och ersättare som förbundsordningen anger (en av varje); "
    "en interimsstyrelse styrs inte av den förbundsordning den förbereder.",
)
def seats_per_member(ds):
    for doc in ds.styrelser:
        fo_doc = _forbundsordning(ds, doc)
        if fo_doc is None:
            continue
        if doc.model.organ == "interimsstyrelse":
            continue  # an interim board prepares the förbundsordning; its rules do not govern it
        rules = board_rules(fo_doc.model)
        _, members = fo_doc.model.rule("medlemmar")
        if rules is None or rules.per_member is None or members is None:
            continue
        wanted = {"ledamot": rules.per_member[0], "ersattare": rules.per_member[1]}
        counts: Counter = Counter()
        for i, seat in enumerate(doc.model.platser):
            counts[(seat.medlem, seat.roll)] += 1
            if seat.medlem in members and counts[(seat.medlem, seat.roll)] > wanted[seat.roll]:
                org = ds.organisation(seat.medlem)
                yield doc.problem(
                    ("platser", i, "roll"),
                    f"{org.namn if org else seat.medlem} har redan {wanted[seat.roll]} "
                    f"{SEAT_ROLE_LABELS[seat.roll].lower()}; förbundsordningen ger varje medlem "
                    f"{wanted[seat.roll]} {SEAT_ROLE_LABELS[seat.roll].lower()} (en plats för mycket)",
                )
        if any(seat.medlem not in members for seat in doc.model.platser):
            continue  # a seat names an unknown member (reported above); that is the mistake to fix first
        for member in members:
            for role, n in wanted.items():
                if counts[(member, role)] < n:
                    org = ds.organisation(member)
                    yield doc.problem(
                        ("platser",),
                        f"{org.namn if org else member} saknar plats som {SEAT_ROLE_LABELS[role].lower()} "
                        "(skriv platsen med person: null om innehavaren inte är känd)",
                    )


@check("styrelsens_storlek_stammer", "Styrelsefilen har lika många ledamöter och ersättare som förbundsordningen anger.")
def board_size_matches(ds):
    for doc in ds.styrelser:
        fo_doc = _forbundsordning(ds, doc)
        if fo_doc is None or doc.model.organ == "interimsstyrelse":
            continue
        rules = board_rules(fo_doc.model)
        if rules is None:
            continue
        for role, stated in (("ledamot", rules.ledamoter), ("ersattare", rules.ersattare)):
            n = sum(1 for s in doc.model.platser if s.roll == role)
            if n != stated:
                plural = {"ledamot": "ledamöter", "ersattare": "ersättare"}[role]
                yield doc.problem(
                    ("platser",),
                    f"{n} platser som {SEAT_ROLE_LABELS[role].lower()}, men förbundsordningen "
                    f"{fo_doc.display} anger {stated} {plural}",
                )


@check("styrelse_en_plats_per_person", "En person har högst en plats i samma styrelse.")
def one_seat_per_person(ds):
    for doc in ds.styrelser:
        first: dict[str, int] = {}
        for i, seat in enumerate(doc.model.platser):
            if seat.person is None:
                continue
            if seat.person in first:
                yield doc.problem(
                    ("platser", i, "person"),
                    f"'{seat.person}' har redan en plats i styrelsen (på rad {doc.line('platser', first[seat.person], 'person')}); "
                    "en person kan inte ha två platser",
                )
            else:
                first[seat.person] = i


@check("styrelse_personer_finns", "Varje person i en styrelse finns i data/personer.yaml.")
def board_persons_exist(ds):
    known = {p.id for p in ds.personer.model.personer} if ds.personer else set()
    for doc in ds.styrelser:
        refs = [(("platser", i, "person"), s.person) for i, s in enumerate(doc.model.platser)]
        refs += [(("presidium", role), getattr(doc.model.presidium, role)) for role in ("ordforande", "vice_ordforande")]
        for path, person in refs:
            if person is not None and person not in known:
                yield doc.problem(path, f"personen '{person}' finns inte i data/personer.yaml")


@check(
    "presidium_unikt",
    "Ordförande och vice ordförande är olika personer, och var och en är ledamot i styrelsen.",
)
def presidium_unique(ds):
    for doc in ds.styrelser:
        p = doc.model.presidium
        if p.ordforande is not None and p.ordforande == p.vice_ordforande:
            yield doc.problem(
                ("presidium", "vice_ordforande"),
                f"'{p.ordforande}' är redan ordförande; ordförande och vice ordförande ska vara olika personer",
            )
        members = {s.person for s in doc.model.platser if s.roll == "ledamot" and s.person}
        for role in ("ordforande", "vice_ordforande"):
            person = getattr(p, role)
            if person is not None and person not in members:
                yield doc.problem(("presidium", role), f"'{person}' har ingen plats som ledamot i styrelsen")


@check("personer_unika", "Varje person i data/personer.yaml har ett eget id.")
def unique_persons(ds):
    if ds.personer is None:
        return
    people = ds.personer.model.personer
    for i in repeats(p.id for p in people):
        yield ds.personer.problem(("personer", i, "id"), f"id '{people[i].id}' används redan av en annan person")

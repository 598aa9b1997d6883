"""The board, the persons around it and one page per member organisation.

Every selection (the current board, its term on the build date, seats per member,
how many holders are known, the rules of the förbundsordning that governs it)
comes from compute.styrelse; HTML comes from templates/styrelse/.
"""

from __future__ import annotations

import posixpath

from .. import urls
from ..compute.styrelse import BoardView, board_view, current_board as _current_board
from ..model.forbund import KIND_LABELS
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from .. import format as fmt
from . import text
from .forbund import current_forbundsordning
from ..urls import relative
from .links import link_if_page
from .medlemsinsatser import medlem_ekonomi
from .moten import contact_link
from .templating import render_template

UNKNOWN = "uppgift saknas"
BOARD_PAGE = urls.STYRELSE
MEMBER_INDEX = urls.MEDLEMMAR


def member_page(org_id: str) -> str:
    return urls.medlem_page(org_id)


def _url(path: str) -> str:
    """The address of a page with directory URLs: ``a/index.md`` -> ``a/``, ``a/b.md`` -> ``a/b/``."""
    base = path[: -len(".md")]
    return (base[: -len("index")] if base.endswith("index") else base + "/") or "./"


def page_href(from_page: str, to_page: str) -> str:
    """A relative href between two pages, for links inside HTML templates."""
    rel = posixpath.relpath(_url(to_page), _url(from_page))
    return rel + "/" if not rel.endswith("/") else rel


def current_board(ctx: Context):
    """The board in office on the build date, else the latest that has started."""
    return _current_board(ctx.ds, ctx.today)


def _fo_link(ctx: Context, from_page: str, fo_key: str, anchor: str) -> str:
    current = current_forbundsordning(ctx)
    target = "forbundsordning/index.md" if current.key == fo_key else f"forbundsordning/{fo_key}.md"
    return relative(from_page, target) + f"#{anchor}"


def _count(n: int, singular: str, plural: str) -> str:
    words = {1: "en", 2: "två", 3: "tre"}
    return f"{words.get(n, str(n))} {singular if n == 1 else plural}"


def _board_facts(ctx: Context, view: BoardView, from_page: str) -> list[str]:
    out = [f"- **Mandatperiod:** {fmt.date(view.fran)} – {fmt.date(view.till)}"]
    rules = view.rules
    fo = ctx.ds.forbundsordning(view.fo_key)
    if rules is None:
        out.append(
            f"- **Regler:** förbundsordningen för {text.inline(fo.model.forbund)} gäller från "
            f"{fmt.date(fo.model.giltig_fran)} och styrde inte {text.inline(view.namn.lower())}. "
            "Källorna anger inte hur många ledamöter den hade."
        )
        return out
    par, board_rule = fo.model.rule("styrelse")
    q_par, _ = fo.model.rule("beslutforhet")
    c_par, _ = fo.model.rule("utslagsrost")
    out.append(
        f"- **Storlek:** {rules.ledamoter} ledamöter och {rules.ersattare} ersättare "
        f"([förbundsordningen, {text.inline(par.rubrik)}]({_fo_link(ctx, from_page, fo.key, par.ankare)}))"
    )
    if rules.per_member and rules.appointed:
        out.append(
            f"- **Vem utser vem:** varje medlem utser {_count(rules.per_member[0], 'ledamot', 'ledamöter')} och "
            f"{_count(rules.per_member[1], 'ersättare', 'ersättare')}; {rules.members} medlemmar ger "
            f"{rules.appointed[0]} + {rules.appointed[1]} platser"
        )
    if board_rule.ersattare_narvaro_och_yttranderatt:
        out.append("- **Ersättarna:** har närvaro- och yttranderätt")
    if rules.quorum is not None and q_par is not None:
        out.append(
            f"- **Beslutförhet:** minst {rules.quorum} av {rules.ledamoter} ledamöter närvarande, "
            f"det vill säga fler än hälften ([förbundsordningen]({_fo_link(ctx, from_page, fo.key, q_par.ankare)}))"
        )
    if rules.casting_vote == "ordforande" and c_par is not None:
        out.append("- **Vid lika röstetal:** ordföranden har utslagsröst")
    if view.seats and not view.nothing_known:
        out.append(f"- **Kända innehavare:** {view.known} av {view.seats} platser enligt källorna")
    return out


def _members_appointing(ctx: Context, view: BoardView, from_page: str) -> str:
    names = []
    for row in view.rows:
        link = link_if_page(ctx, from_page, member_page(row.member_id))
        names.append(f"[{text.inline(row.member_name)}]({link})" if link else text.inline(row.member_name))
    return ", ".join(names)


def _missing_note(ctx: Context, view: BoardView, from_page: str) -> list[str]:
    """One note instead of a table of gaps: what is missing, since when, whom to ask."""
    who = (
        f"vem som har någon av de {view.seats} platserna i {text.inline(view.namn.lower())}"
        if view.seats
        else f"ledamöterna och ersättarna i {text.inline(view.namn.lower())}"
    )
    since = {"pagar": "började", "har_gatt_ut": "började", "har_inte_borjat": "börjar"}[view.term]
    return [
        '!!! info "Uppgifter om ledamöterna saknas"',
        f"    Källorna namnger inte {who}, och inte heller vem som är ordförande eller vice "
        f"ordförande. Uppgifterna saknas för hela mandatperioden, som "
        f"{since} {fmt.date(view.fran)}. Vilka medlemmarna har utsett kan du fråga "
        f"{contact_link(ctx, from_page)} om.",
        "",
    ]


def _seats_table(ctx: Context, view: BoardView, from_page: str, label_id: str) -> str:
    hrefs = {
        r.member_id: page_href(from_page, member_page(r.member_id))
        if link_if_page(ctx, from_page, member_page(r.member_id))
        else None
        for r in view.rows
    }
    return render_template("styrelse/tabell.html", board=view, hrefs=hrefs, label_id=label_id)


@macro
def styrelse(ctx: Context, key: str | None = None, heading_level: int = 2) -> str:
    """One board: presidium first, then its rules from the förbundsordning and the
    seats of every member side by side (ledamot, ersättare); one note instead when
    no holder is known."""
    doc = current_board(ctx) if key is None else next(d for d in ctx.ds.styrelser if d.key == key)
    if doc is None:
        return "Det finns ingen uppgift om styrelsen."
    view = board_view(ctx.ds, doc, ctx.today)
    b = doc.model
    h = "#" * heading_level
    out = []
    if key is None and view.term == "har_gatt_ut":
        out += [
            '!!! warning "Mandatperioden har gått ut"',
            f"    Mandatperioden för {text.inline(b.namn)} slutade {fmt.date(b.till)}. "
            "Uppgifter om den styrelse som har tagit över saknas.",
            "",
        ]
    if view.nothing_known:
        out += _missing_note(ctx, view, BOARD_PAGE)
    if b.notering:
        out += ['!!! note "Om uppgifterna"', "    " + text.inline(b.notering), ""]
    if not view.nothing_known:
        out += [f"{h} Presidium {{#presidium-{doc.key}}}", "", render_template("styrelse/presidium.html", board=view), ""]
    out += [f"{h} Så är styrelsen sammansatt {{#sammansattning-{doc.key}}}", "", *_board_facts(ctx, view, BOARD_PAGE), ""]
    if view.rows and view.nothing_known:
        out += [f"Medlemmar som utser en ledamot och en ersättare: {_members_appointing(ctx, view, BOARD_PAGE)}.", ""]
    elif view.rows:
        label = f"platser-{doc.key}"
        out += [f"{h} Ledamöter och ersättare {{#{label}}}", "", _seats_table(ctx, view, BOARD_PAGE, label)]
    return "\n".join(out)


@macro
def styrelse_rubrik(ctx: Context) -> str:
    doc = current_board(ctx)
    return text.inline(doc.model.namn) if doc else "Styrelsen"


@macro
def styrelser_tidigare(ctx: Context) -> str:
    """Every board other than the current one, newest first, each under its own heading."""
    current = current_board(ctx)
    others = sorted((d for d in ctx.ds.styrelser if d is not current), key=lambda d: d.model.fran, reverse=True)
    if not others:
        return "Det finns inga uppgifter om tidigare styrelser."
    out = []
    for doc in others:
        out += [f"### {text.inline(doc.model.namn)} {{#{doc.key}}}", "", styrelse(ctx, doc.key, heading_level=4), ""]
    return "\n".join(out)


GROUP_LABELS = {
    "lanspresidiet": "Länspresidiet",
    "forbundschef": "Förbundschefer",
    "forbundsstyrelse": "Förbundsstyrelsen",
    "revision": "Revisionen",
}


@macro
def personer_i_grupp(ctx: Context, grupp: str) -> str:
    """Table of the persons the sources name in a group (e.g. revision), with role e-mail."""
    if ctx.ds.personer is None:
        return "Det finns inga uppgifter om personer."
    sources = {k.id: k for k in ctx.ds.kallor.model.kallor}
    rows = []
    for person in ctx.ds.personer.model.personer:
        for roll in person.roller:
            if roll.grupp != grupp:
                continue
            mail = f"[{text.inline(roll.epost)}](mailto:{roll.epost})" if roll.epost else "–"
            rows.append(
                f"| {text.inline(person.namn)} | {text.inline(roll.titel)} | {text.inline(roll.organisation)} | "
                f"{roll.ar if roll.ar is not None else 'okänt'} | {mail} | "
                f"{text.inline(sources[roll.kalla].titel) if roll.kalla in sources else ''} |"
            )
    if not rows:
        return "Källorna namnger ingen här."
    return "\n".join(["| Namn | Roll | Organisation | År | E-post | Källa |", "|---|---|---|---|---|---|", *rows])


def _member_ids(ds) -> list[str]:
    """Every organisation that is a member in some version of the förbundsordning."""
    ids: list[str] = []
    for doc in reversed(ds.forbundsordningar):
        _, members = doc.model.rule("medlemmar")
        for m in members or []:
            if m not in ids:
                ids.append(m)
    return ids


@macro
def medlemmar_lankar(ctx: Context) -> str:
    """The members under the förbundsordning in force, each linked to its page."""
    _, members = current_forbundsordning(ctx).model.rule("medlemmar")
    order = list(KIND_LABELS)
    orgs = sorted((ctx.ds.organisation(m) for m in members or []), key=lambda o: (order.index(o.typ), o.namn))
    rows = ["| Medlem | Slag |", "|---|---|"]
    rows += [f"| [{text.inline(o.namn)}]({o.id}.md) | {KIND_LABELS[o.typ]} |" for o in orgs]
    return "\n".join(rows)


@macro
def medlem(ctx: Context, org_id: str) -> str:
    """One member organisation: its kind, membership, seats in each board, contribution."""
    org = ctx.ds.organisation(org_id)
    page = member_page(org_id)
    out = [
        f"- **Slag:** {KIND_LABELS[org.typ]}",
        f"- **Medlem sedan:** {org.medlem_sedan if org.medlem_sedan is not None else 'okänt'}",
    ]
    versions = [d for d in ctx.ds.forbundsordningar if org_id in (d.model.rule("medlemmar")[1] or [])]
    if versions:
        out.append(
            "- **Medlem enligt:** "
            + "; ".join(
                f"[{text.inline(d.model.forbund)}]({relative(page, 'forbundsordning/' + d.key + '.md')}#"
                f"{d.model.rule('medlemmar')[0].ankare})"
                for d in reversed(versions)
            )
        )
    out += medlem_ekonomi(ctx, org_id, page)
    out += ["", "## Platser i styrelsen", ""]
    boards = [board_view(ctx.ds, d, ctx.today) for d in sorted(ctx.ds.styrelser, key=lambda d: d.model.fran, reverse=True)]
    if not boards:
        out.append("Det finns inga uppgifter om förbundets styrelser.")
    for view in boards:
        where = f"[{text.inline(view.namn)}]({relative(page, BOARD_PAGE)}{'' if view.is_current else '#' + view.key})"
        term = f"{fmt.date(view.fran)} – {fmt.date(view.till)}"
        row = next((r for r in view.rows if r.member_id == org_id), None)
        if not view.rows:
            seats = "källorna anger inte vilka ledamöter styrelsen hade"
        elif row is None:
            seats = "ingen plats"
        elif row.ledamot is None and row.ersattare is None:
            seats = "en ledamot och en ersättare; källorna namnger dem inte"
        else:
            seats = (
                f"ledamot {text.inline(row.ledamot) if row.ledamot else UNKNOWN}, "
                f"ersättare {text.inline(row.ersattare) if row.ersattare else UNKNOWN}"
            )
        out.append(f"- {where} ({term}): {seats}.")
    return "\n".join(out)


@page_source
def member_pages(ds) -> list[GeneratedPage]:
    """One page per member organisation: medlemmar/<org-id>.md."""
    pages = []
    for org_id in _member_ids(ds):
        org = ds.organisation(org_id)
        if org is None:
            continue
        pages.append(
            GeneratedPage(
                path=member_page(org_id),
                title=org.namn,
                parent=MEMBER_INDEX,
                content=heading(org.namn) + "\n\n" + call("medlem", org_id) + "\n",
                # The organisation, its seats, its contributions and the rules behind them.
                sources=(
                    ds.forbund.path,
                    *(d.path for d in (*ds.styrelser, *ds.medlemsinsatser, *ds.forbundsordningar)),
                ),
            )
        )
    return sorted(pages, key=lambda p: p.title)


@macro
def forbundsordning_lank(ctx: Context, kind: str, label: str, from_page: str = "styrelse/organisation.md") -> str:
    """A link to the paragraph of the förbundsordning in force that states a kind of
    rule (e.g. ``revision``); plain text if no paragraph states it."""
    fo_doc = current_forbundsordning(ctx)
    par, _ = fo_doc.model.rule(kind)
    if par is None:
        return text.inline(label)
    return f"[{text.inline(label)}]({_fo_link(ctx, from_page, fo_doc.key, par.ankare)})"

"""The board, the persons around it and one page per member organisation."""

from __future__ import annotations

from ..compute.board import board_rules
from ..compute.styrelse import known_holders, seats_by_member
from ..dataset import Document
from ..model.forbund import KIND_LABELS
from ..model.styrelse import Styrelse
from ..pages import GeneratedPage, call, heading, page_source
from . import Context, macro
from . import format as fmt
from . import text
from .forbund import current_forbundsordning
from .links import relative
from .medlemsinsatser import medlem_ekonomi

UNKNOWN = '<span class="uppgift-saknas">Uppgift saknas</span>'
BOARD_PAGE = "styrelse/index.md"
MEMBER_INDEX = "medlemmar/index.md"
# Member kinds whose contribution has a row of its own (anchor #<org-id>) on the
# contributions page; the state agencies pay one joint state share.


def member_page(org_id: str) -> str:
    return f"medlemmar/{org_id}.md"


def _person_name(ctx: Context, person_id: str | None) -> str:
    if person_id is None or ctx.ds.personer is None:
        return UNKNOWN
    person = ctx.ds.personer.model.person(person_id)
    return text.inline(person.namn) if person else UNKNOWN


def current_board(ctx: Context) -> Document[Styrelse] | None:
    """The board in office on the build date, else the latest that has started."""
    boards = sorted(ctx.ds.styrelser, key=lambda d: d.model.fran)
    for doc in boards:
        if doc.model.in_office_on(ctx.today):
            return doc
    started = [d for d in boards if d.model.fran <= ctx.today]
    return started[-1] if started else None


def _fo_link(ctx: Context, from_page: str, fo_key: str, anchor: str) -> str:
    current = current_forbundsordning(ctx)
    target = "forbundsordning/index.md" if current.key == fo_key else f"forbundsordning/{fo_key}.md"
    return relative(from_page, target) + f"#{anchor}"


def _board_facts(ctx: Context, doc: Document[Styrelse], from_page: str) -> list[str]:
    b = doc.model
    fo_doc = ctx.ds.forbundsordning(b.forbundsordning)
    rules = board_rules(fo_doc.model)
    par, board_rule = fo_doc.model.rule("styrelse")
    q_par, _ = fo_doc.model.rule("beslutforhet")
    c_par, _ = fo_doc.model.rule("utslagsrost")
    link = _fo_link(ctx, from_page, fo_doc.key, par.ankare)
    known, total = known_holders(b)
    out = [
        f"- **Mandatperiod:** {fmt.date(b.fran)} – {fmt.date(b.till)}",
        f"- **Storlek:** {rules.ledamoter} ledamöter och {rules.ersattare} ersättare "
        f"([förbundsordningen, {text.inline(par.rubrik)}]({link}))",
    ]
    if rules.per_member and rules.members:
        out.append(
            f"- **Vem utser vem:** varje medlem utser {_count(rules.per_member[0], 'ledamot', 'ledamöter')} och "
            f"{_count(rules.per_member[1], 'ersättare', 'ersättare')}; {rules.members} medlemmar ger "
            f"{rules.members * rules.per_member[0]} + {rules.members * rules.per_member[1]} platser"
        )
    if board_rule.ersattare_narvaro_och_yttranderatt:
        out.append("- **Ersättarna:** har närvaro- och yttranderätt")
    if rules.quorum is not None and q_par is not None:
        out.append(
            f"- **Beslutförhet:** minst {rules.quorum} av {rules.ledamoter} ledamöter närvarande, "
            f"det vill säga fler än hälften ([förbundsordningen]({_fo_link(ctx, from_page, fo_doc.key, q_par.ankare)}))"
        )
    if rules.casting_vote == "ordforande" and c_par is not None:
        out.append("- **Vid lika röstetal:** ordföranden har utslagsröst")
    out.append(f"- **Kända innehavare:** {known} av {total} platser enligt källorna")
    return out


def _count(n: int, singular: str, plural: str) -> str:
    words = {1: "en", 2: "två", 3: "tre"}
    return f"{words.get(n, str(n))} {singular if n == 1 else plural}"


def _board_table(ctx: Context, doc: Document[Styrelse], from_page: str, label_id: str) -> list[str]:
    """An HTML table (row and column headers with scope) whose member links MkDocs
    still checks: md_in_html turns the Markdown links in the row headers into links."""
    b = doc.model
    fo = ctx.ds.forbundsordning(b.forbundsordning).model
    _, members = fo.rule("medlemmar")
    rows = [
        f'<table class="styrelsetabell" aria-labelledby="{label_id}" markdown="block">',
        '<thead markdown="block"><tr markdown="block"><th scope="col">Medlem som utser</th>'
        '<th scope="col">Ledamot</th><th scope="col">Ersättare</th></tr></thead>',
        '<tbody markdown="block">',
    ]
    for row in seats_by_member(b, list(members or [])):
        org = ctx.ds.organisation(row.member)
        name = org.namn if org else row.member
        page = member_page(row.member)
        if page in ctx.pages or not ctx.pages:
            cell = f'<th scope="row" markdown="span">[{text.inline(name)}]({relative(from_page, page)})</th>'
        else:
            cell = f'<th scope="row">{text.html_text(name)}</th>'
        led = _person_name(ctx, row.ledamot.person) if row.ledamot else UNKNOWN
        ers = _person_name(ctx, row.ersattare.person) if row.ersattare else UNKNOWN
        rows.append(f'<tr markdown="block">{cell}<td markdown="span">{led}</td><td markdown="span">{ers}</td></tr>')
    rows += ["</tbody>", "</table>"]
    return rows


def _presidium(ctx: Context, b: Styrelse) -> list[str]:
    return [
        '<div class="presidium" markdown>',
        "",
        f"- **Ordförande:** {_person_name(ctx, b.presidium.ordforande)}",
        f"- **Vice ordförande:** {_person_name(ctx, b.presidium.vice_ordforande)}",
        "",
        "</div>",
    ]


@macro
def styrelse(ctx: Context, key: str | None = None, heading_level: int = 2) -> str:
    """One board: presidium first, then its rules from the förbundsordning and the
    seats of every member side by side (ledamot, ersättare)."""
    doc = current_board(ctx) if key is None else next(d for d in ctx.ds.styrelser if d.key == key)
    if doc is None:
        return "Det finns ingen uppgift om styrelsen."
    b = doc.model
    h = "#" * heading_level
    out = []
    if key is None and not b.in_office_on(ctx.today):
        out += [
            '!!! warning "Mandatperioden har gått ut"',
            f"    Mandatperioden för {text.inline(b.namn)} slutade {fmt.date(b.till)}. "
            "Uppgifter om den styrelse som har tagit över saknas.",
            "",
        ]
    out += [f"{h} Presidium {{#presidium-{doc.key}}}", "", *_presidium(ctx, b), ""]
    if b.notering:
        out += [f"!!! note \"Om uppgifterna\"", "    " + text.inline(b.notering), ""]
    out += [f"{h} Så är styrelsen sammansatt {{#sammansattning-{doc.key}}}", "", *_board_facts(ctx, doc, BOARD_PAGE), ""]
    label = f"platser-{doc.key}"
    out += [f"{h} Ledamöter och ersättare {{#{label}}}", "", *_board_table(ctx, doc, BOARD_PAGE, label)]
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
    boards = sorted(ctx.ds.styrelser, key=lambda d: d.model.fran, reverse=True)
    seated = [d for d in boards if any(s.medlem == org_id for s in d.model.platser)]
    if not seated:
        out.append("Organisationen har inga platser i de styrelser som finns i uppgifterna.")
    else:
        out += ["| Styrelse | Mandatperiod | Ledamot | Ersättare |", "|---|---|---|---|"]
        for d in seated:
            b = d.model
            led = b.seats(org_id, "ledamot")
            ers = b.seats(org_id, "ersattare")
            out.append(
                f"| [{text.inline(b.namn)}]({relative(page, BOARD_PAGE)}"
                f"{'' if d is current_board(ctx) else '#' + d.key}) | "
                f"{fmt.date(b.fran)} – {fmt.date(b.till)} | "
                f"{_person_name(ctx, led[0].person) if led else UNKNOWN} | "
                f"{_person_name(ctx, ers[0].person) if ers else UNKNOWN} |"
            )
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

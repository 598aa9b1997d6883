"""The accessibility statement's parts (data/webbplats.yaml) and the staff guide's lists."""

from __future__ import annotations

from ..checks import CHECKS
from ..model.webbplats import STATUS_LABELS
from . import Context, macro
from .. import format as fmt
from . import text

DIGG_COMPLAINT_FORM = "https://www.digg.se/tdosanmalan"
UNKNOWN = "uppgift saknas"


def _t(ctx: Context):
    return ctx.ds.webbplats.model.tillganglighet


def _date(value) -> str:
    return fmt.date(value) if value else UNKNOWN


@macro
def tillganglighet_sammanfattning(ctx: Context) -> str:
    """One sentence for the top of the statement: the status in plain words."""
    t = _t(ctx)
    sentence = (
        f"Webbplatsen är **{STATUS_LABELS[t.status]}** med lagen om tillgänglighet till "
        "digital offentlig service."
    )
    if t.status == "forenlig":
        return sentence
    n = len(t.brister)
    if n:
        return f"{sentence} Vi känner till {n} {'brist' if n == 1 else 'brister'}, som beskrivs nedan."
    return f"{sentence} Skälen står under Teknisk information nedan."


@macro
def tillganglighet_status(ctx: Context) -> str:
    """Status sentence (förenlig / delvis förenlig / inte förenlig) and why."""
    t = _t(ctx)
    out = [
        f"Webbplatsen är **{STATUS_LABELS[t.status]}** med lagen (2018:1937) om tillgänglighet "
        f"till digital offentlig service. Lagen kräver att webbplatsen uppfyller "
        f"{text.inline(t.standard)}."
    ]
    if t.status_skal:
        out.append(text.blocks(t.status_skal))
    if t.brister:
        out.append("De brister vi känner till står under [Innehåll som inte är tillgängligt](#brister).")
    return "\n\n".join(out)


@macro
def tillganglighet_brister(ctx: Context) -> str:
    """The known gaps, or a sentence saying none are known."""
    t = _t(ctx)
    if not t.brister:
        return (
            "Vi känner inte till några brister just nu. Det betyder inte att det saknas brister: "
            "se [hur vi testat webbplatsen](#hur-vi-testat-webbplatsen)."
        )
    items = []
    for b in t.brister:
        parts = [f"**{text.inline(b.beskrivning)}**"]
        criteria = ", ".join(text.inline(c) for c in b.wcag)
        if criteria:
            parts.append(f"WCAG {criteria}.")
        if b.var:
            parts.append(f"Var: {text.inline(b.var)}.")
        parts.append(f"Åtgärd: {text.inline(b.atgard)}." if b.atgard else f"Åtgärd: {UNKNOWN}.")
        if b.atgardas_senast:
            parts.append(f"Åtgärdas senast {fmt.date(b.atgardas_senast)}.")
        items.append(f"- {' '.join(parts)}")
    return "\n".join(items)


@macro
def tillganglighet_bedomning(ctx: Context) -> str:
    """Method, date of the assessment, and the date of this statement."""
    t = _t(ctx)
    b = t.bedomning
    when = (
        f"Webbplatsen bedömdes senast {fmt.date(b.datum)}."
        if b.datum
        else f"Datum för senaste bedömning: {UNKNOWN} (ingen bedömning är avslutad än)."
    )
    manual = "Webbplatsen har granskats manuellt." if b.manuell_granskning else (
        "Webbplatsen har inte granskats manuellt än."
    )
    return "\n\n".join(
        [
            f"**Metod:** {text.inline(b.metod)}",
            f"{when} {manual}",
            f"Den här redogörelsen upprättades {fmt.date(t.redogorelse_upprattad)}.",
        ]
    )


@macro
def tillganglighet_tester(ctx: Context) -> str:
    """Table of the accessibility test runs, with every excluded rule explained."""
    t = _t(ctx)
    if not t.tester:
        return "Inga tester är registrerade."
    rows = ["| Test | Version | Datum | Testade sidor | Fel |", "|---|---|---|--:|--:|"]
    notes = []
    for test in t.tester:
        if test.datum is None:
            date, pages, errors = "inte kört än", "–", "–"
        else:
            date = fmt.date(test.datum)
            pages = fmt.number(test.sidor) if test.sidor is not None else UNKNOWN
            errors = fmt.number(test.overtradelser) if test.overtradelser is not None else UNKNOWN
        version = text.inline(test.version) if test.version else UNKNOWN
        rows.append(f"| {text.inline(test.verktyg)} | {version} | {date} | {pages} | {errors} |")
        for u in test.undantag:
            notes.append(
                f"- {text.inline(test.verktyg)}, regeln *{text.inline(u.regel)}* är avstängd: "
                f"{text.inline(u.motivering)}"
            )
        if test.kommentar:
            notes.append(f"- {text.inline(test.verktyg)}: {text.inline(test.kommentar)}")
    out = "\n".join(rows)
    if notes:
        out += "\n\n" + "\n".join(notes)
    return out


@macro
def digg_anmalan(ctx: Context) -> str:
    """Link to DIGG's complaint form (the supervisory authority)."""
    return f"[Digg:s formulär för anmälan]({DIGG_COMPLAINT_FORM})"


@macro
def datafiler(ctx: Context) -> str:
    """Table of the kinds of data file (from COLLECTIONS) and what each holds.

    The text is the model's entry in the help-text catalogue, not a file's
    opening comment: the form editor drops comments.
    """
    from ..dataset import COLLECTIONS
    from ..helptexts import model_help

    rows = ["| Fil | Vad den innehåller | Filer nu |", "|---|---|--:|"]
    for coll in COLLECTIONS:
        paths = sorted(p for p in ctx.ds.root.glob(coll.pattern) if p.is_file())
        own = model_help(coll.model)
        summary = own.description if own else ""
        rows.append(
            f"| `data/{coll.pattern}` | {text.inline(summary) if summary else UNKNOWN} | {len(paths)} |"
        )
    return "\n".join(rows)


@macro
def kontroller(ctx: Context) -> str:
    """The named data checks, from the check registry (never stale)."""
    rows = ["| Kontroll | Vad den kontrollerar |", "|---|---|"]
    for c in CHECKS.values():
        rows.append(f"| `{c.name}` | {text.inline(c.description)} |")
    return "\n".join(rows)

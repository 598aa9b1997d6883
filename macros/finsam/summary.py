"""The pull request's Swedish job summary: every problem, grouped by file.

GitHub shows at most ten annotations per step; the job summary
(``$GITHUB_STEP_SUMMARY``, Markdown) has room for all of them. Each problem
links to the section of the staff guide (docs/om-webbplatsen/redigera.md,
"Felmeddelanden") that explains its kind. Text from data is escaped: a
message quotes what staff typed.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

from .problems import Problem

GUIDE_PAGE = "om-webbplatsen/redigera/"
GUIDE_FILE = "docs/om-webbplatsen/redigera.md"

UNFILLED = "Uppgift att fylla i"  # the guide's section for ATT FYLLA I

# (pattern in the message, heading of the guide's section). First match wins.
# A section is linked by its heading's anchor as GitHub makes it (github_anchor):
# the guide gives each such heading that anchor in the built site too (an
# <a id="…"> in the heading), so one link works on GitHub and on the site.
KINDS: list[tuple[str, str]] = [
    (r"inte ifylld", UNFILLED),
    (r"okänd nyckel", "Okänd nyckel"),
    (r"poster av två slag|typ: rad", "Poster av två slag"),
    (r"saknas \(skriv null|nyckeln '.*' saknas", "Nyckel som saknas"),
    (r"YAML|tabbtecken|indrag", "Fel i YAML-skrivsättet"),
    (r"datum|ÅÅÅÅ-MM-DD", "Datum"),
    (r"klockslag|TT:MM", "Klockslag"),
    (r"ska vara ett tal|heltal|tal ", "Tal och belopp"),
    (r"små bokstäver", "Id"),
    (r"https://|webbadress|länk", "Webbadress"),
    (r"finns inte i data/|finns inte", "Hänvisning som inte finns"),
    (r"ska vara '", "Fasta värden"),
]
NEW_YEAR_SECTION = "Ett nytt budgetår"  # the guide's section the new year's pull request links to
CHECK = "Kontroll som inte går igenom"
OTHER = "Andra fel"


def github_anchor(heading: str) -> str:
    """GitHub's anchor for a Markdown heading (github-slugger): lower case, punctuation
    dropped, each space a hyphen, letters kept (å, ä, ö too): "Okänd nyckel" -> "okänd-nyckel"."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def kind(problem: Problem) -> tuple[str, str]:
    """(anchor, Swedish name) of the guide section for a problem."""
    for pattern, name in KINDS:
        if re.search(pattern, problem.message):
            return github_anchor(name), name
    if problem.check:
        return github_anchor(CHECK), CHECK
    return github_anchor(OTHER), OTHER


def _md(text: str) -> str:
    """Inert in Markdown and HTML: escape what GitHub would render."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", text)



def summary_markdown(problems: list[Problem], site_url: str | None, github_guide: str | None = None) -> str:
    """``site_url``: the published site (links to its guide page); else ``github_guide``,
    the guide's Markdown file on GitHub (links with GitHub's anchors)."""
    if site_url:
        base = site_url.rstrip("/") + "/" + GUIDE_PAGE
        link = lambda anchor, name: f"{base}#{anchor}"  # noqa: E731
    else:
        link = lambda anchor, name: f"{github_guide or GUIDE_FILE}#{anchor}"  # noqa: E731
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for p in sorted(problems):
        by_file[p.file].append(p)
    n = len(problems)
    lines = [
        "## Kontroll av data: " + (f"{n} fel" if n else "inga fel"),
        "",
    ]
    if not n:
        lines.append("All data är i ordning.")
        return "\n".join(lines) + "\n"
    lines += [
        f"Webbplatsen byggs inte förrän {'felet är rättat' if n == 1 else 'felen är rättade'}. "
        f"Alla {n} fel står här, ordnade efter fil (GitHub visar bara tio av dem vid raderna). "
        f"Länken efter varje fel leder till guiden, som förklarar felet och hur du rättar det.",
        "",
    ]
    for file, items in by_file.items():
        lines.append(f"### {_md(file)} ({len(items)} fel)")
        lines.append("")
        # The mistakes first; the values still written ATT FYLLA I after them, so a
        # wrong date is not lost among a new year's dozens of values to fill in.
        mistakes = [p for p in items if not p.to_fill_in]
        to_fill = [p for p in items if p.to_fill_in]
        for p in mistakes:
            lines.append(_item(p, link))
        if to_fill:
            if mistakes:
                lines += ["", f"Att fylla i ({len(to_fill)} värden där det står `ATT FYLLA I`):", ""]
            lines += [_item(p, link) for p in to_fill]
        lines.append("")
    return "\n".join(lines)


def _item(p: Problem, link) -> str:
    anchor, name = kind(p)
    where = f"rad {p.line}" if p.line else "filen"
    field = f" `{p.path}`" if p.path and "`" not in p.path else ""
    return f"- {where}{field}: {_md(p.message)} ([{name}]({link(anchor, name)}))"


def guide_links() -> tuple[str | None, str | None]:
    """(site_url, github_guide) for ``summary_markdown`` from GitHub Actions' environment:
    the published site when FINSAM_SITE_URL names it, else the guide's file on GitHub
    at the commit being checked."""
    site = os.environ.get("FINSAM_SITE_URL")
    github = None
    if os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        ref = os.environ.get("GITHUB_SHA", "main")
        github = f"{server}/{os.environ['GITHUB_REPOSITORY']}/blob/{ref}/{GUIDE_FILE}"
    return site, github


def write_step_summary(problems: list[Problem]) -> bool:
    """Append the summary to $GITHUB_STEP_SUMMARY when GitHub Actions provides it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with Path(target).open("a", encoding="utf-8") as fh:
        fh.write(summary_markdown(problems, *guide_links()))
    return True


def new_year_body(year: int, created: list[str], problems: list[Problem]) -> str:
    """The text of the pull request the workflow "Starta ett nytt år" opens
    (.github/workflows/nytt-ar.yml): what was created, and every value still to
    fill in, grouped by file and linked to the guide like the data job's summary.

    ``created``: the lines ``make nytt-ar`` printed (``skapad: …``, ``hoppade över: …``).
    A pull request opened with the workflow's own token starts no other workflow
    (GitHub's rule), so this text is the list until the first saved change on the
    branch starts the checks."""
    site, github = guide_links()
    guide = (site.rstrip("/") + "/" + GUIDE_PAGE) if site else (github or GUIDE_FILE)
    lines = [
        f"## Nytt år: {year}",
        "",
        f"Skapat med arbetsflödet *Starta ett nytt år* (samma som `make nytt-ar AR={year}` på en dator). "
        "De nya filerna är kopior av förra årets med det nya årets kolumner och rubriker. "
        "Allt som ska beslutas på nytt står som `ATT FYLLA I`: belopp, datum, källor och "
        "text som nämnde förra året. Möten och utfall kopieras inte.",
        "",
        "**Så gör du nu:** fyll i värdena från de beslutade dokumenten, i den här grenen: "
        "fliken *Files changed* → de tre punkterna (…) vid filen → *Edit file* → "
        "*Commit changes…* → *Commit directly to* grenen. Kontrollerna startar när du sparar "
        "den första ändringen (ett ändringsförslag som ett arbetsflöde har öppnat startar "
        "inga kontroller av sig självt). "
        f"Guiden, avsnittet [Ett nytt budgetår]({guide}#{github_anchor(NEW_YEAR_SECTION)}), visar hur.",
        "",
        "### Filer",
        "",
    ]
    for line in created:
        line = line.strip()
        if line.startswith(("skapad:", "hoppade över:")):
            lines.append(f"- {_md(line)}")
    lines.append("")
    link = (site.rstrip("/") + "/" + GUIDE_PAGE) if site else (github or GUIDE_FILE)
    unfilled = [p for p in problems if kind(p)[1] == UNFILLED]
    other = [p for p in problems if kind(p)[1] != UNFILLED]
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for p in sorted(unfilled):
        by_file[p.file].append(p)
    lines += [
        f"## Att fylla i: {len(unfilled)} värden",
        "",
        f"Varje rad nedan står `ATT FYLLA I` i filen ([{UNFILLED}]({link}#{github_anchor(UNFILLED)})).",
        "",
    ]
    for file, items in by_file.items():
        lines += [f"### {_md(file)} ({len(items)})", ""]
        lines += [f"- rad {p.line}: `{p.path}`" if p.path and "`" not in p.path else f"- rad {p.line}" for p in items]
        lines.append("")
    if other:
        lines.append(summary_markdown(other, site, github).replace("## Kontroll av data:", "## Andra fel:", 1))
    return "\n".join(lines) + "\n"

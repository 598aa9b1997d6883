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

# (pattern in the message, anchor of the guide's section). First match wins.
KINDS: list[tuple[str, str, str]] = [
    (r"inte ifylld", "uppgift-att-fylla-i", "Uppgift att fylla i"),
    (r"okänd nyckel", "okand-nyckel", "Okänd nyckel"),
    (r"poster av två slag|typ: rad", "poster-av-tva-slag", "Poster av två slag"),
    (r"saknas \(skriv null|nyckeln '.*' saknas", "nyckel-som-saknas", "Nyckel som saknas"),
    (r"YAML|tabbtecken|indrag", "fel-i-yaml-skrivsattet", "Fel i YAML-skrivsättet"),
    (r"datum|ÅÅÅÅ-MM-DD", "datum", "Datum"),
    (r"klockslag|TT:MM", "klockslag", "Klockslag"),
    (r"ska vara ett tal|heltal|tal ", "tal-och-belopp", "Tal och belopp"),
    (r"små bokstäver", "id", "Id"),
    (r"https://|webbadress|länk", "webbadress", "Webbadress"),
    (r"finns inte i data/|finns inte", "hanvisning-som-inte-finns", "Hänvisning som inte finns"),
    (r"ska vara '", "fasta-varden", "Fasta värden"),
]
CHECK = ("kontroll-som-inte-gar-igenom", "Kontroll som inte går igenom")
OTHER = ("andra-fel", "Andra fel")


def kind(problem: Problem) -> tuple[str, str]:
    """(anchor, Swedish name) of the guide section for a problem."""
    for pattern, anchor, name in KINDS:
        if re.search(pattern, problem.message):
            return anchor, name
    if problem.check:
        return CHECK
    return OTHER


def _md(text: str) -> str:
    """Inert in Markdown and HTML: escape what GitHub would render."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", text)


def _github_anchor(name: str) -> str:
    """GitHub's heading anchor: lower case, spaces to hyphens, letters (å, ä, ö too) kept."""
    return re.sub(r"[^\w\- ]", "", name.lower()).replace(" ", "-")


def summary_markdown(problems: list[Problem], site_url: str | None, github_guide: str | None = None) -> str:
    """``site_url``: the published site (links to its guide page); else ``github_guide``,
    the guide's Markdown file on GitHub (links with GitHub's anchors)."""
    if site_url:
        base = site_url.rstrip("/") + "/" + GUIDE_PAGE
        link = lambda anchor, name: f"{base}#{anchor}"  # noqa: E731
    else:
        link = lambda anchor, name: f"{github_guide or GUIDE_FILE}#{_github_anchor(name)}"  # noqa: E731
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
        for p in items:
            anchor, name = kind(p)
            where = f"rad {p.line}" if p.line else "filen"
            field = f" `{p.path}`" if p.path and "`" not in p.path else ""
            lines.append(f"- {where}{field}: {_md(p.message)} ([{name}]({link(anchor, name)}))")
        lines.append("")
    return "\n".join(lines)


def write_step_summary(problems: list[Problem]) -> bool:
    """Append the summary to $GITHUB_STEP_SUMMARY when GitHub Actions provides it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    site = os.environ.get("FINSAM_SITE_URL")
    github = None
    if os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        ref = os.environ.get("GITHUB_SHA", "main")
        github = f"{server}/{os.environ['GITHUB_REPOSITORY']}/blob/{ref}/{GUIDE_FILE}"
    with Path(target).open("a", encoding="utf-8") as fh:
        fh.write(summary_markdown(problems, site, github))
    return True

"""Swedish job summaries for the pull request's test and build jobs (GitHub Actions).

    python .ci/summary.py tester junit.xml   # failed tests, from pytest's JUnit XML
    python .ci/summary.py bygge build.log    # the build's error and warning lines

Appends Markdown to $GITHUB_STEP_SUMMARY (prints it when the variable is unset).
Data problems have their own summary from the data job (finsam.summary).
"""

from __future__ import annotations

import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

GUIDE = "docs/om-webbplatsen/redigera.md"


def _md(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", text)


def tests_summary(junit: Path) -> str:
    if not junit.is_file():
        return "## Tester: kördes inte\n\nTesterna avbröts innan de gav något resultat; se loggen för steget *Kör testerna*.\n"
    root = ET.parse(junit).getroot()
    failed = []
    for case in root.iter("testcase"):
        for kind in ("failure", "error"):
            el = case.find(kind)
            if el is not None:
                first = (el.get("message") or el.text or "").strip().splitlines()[:1]
                failed.append((case.get("classname", ""), case.get("name", ""), first[0] if first else ""))
    total = sum(int(s.get("tests", 0)) for s in root.iter("testsuite"))
    if not failed:
        return f"## Tester: alla {total} gick igenom\n"
    lines = [
        f"## Tester: {len(failed)} av {total} gick inte igenom",
        "",
        "Ett test som inte går igenom betyder oftast att data och det som står i källorna eller på "
        "sidorna inte stämmer överens. Felet i data står då också i jobbet *Data*; rätta det först. "
        f"Se guiden ({GUIDE}), avsnittet *Felmeddelanden, sorterade efter slag*.",
        "",
    ]
    lines += [f"- `{_md(c)}` {_md(n)}: {_md(m[:300])}" for c, n, m in failed]
    return "\n".join(lines) + "\n"


def build_summary(log: Path) -> str:
    text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    bad = [ln for ln in text.splitlines() if re.match(r"^(ERROR|WARNING|data/|docs/)", ln.strip())]
    lines = [
        "## Bygget gick inte igenom",
        "",
        "Webbplatsen byggs strikt: en trasig länk, ett fel i en sida eller ett fel i data stoppar bygget, "
        "så att inget fel publiceras. Raderna nedan säger fil och rad. Fel i data förklaras i guiden "
        f"({GUIDE}).",
        "",
    ]
    lines += [f"- {_md(ln.strip()[:400])}" for ln in bad[:200]] or ["- (inga felrader i loggen; se loggen för steget *Bygg webbplatsen*)"]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    kind, path = argv[1], Path(argv[2])
    text = tests_summary(path) if kind == "tester" else build_summary(path)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

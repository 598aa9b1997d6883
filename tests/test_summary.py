"""The pull request's job summary lists every problem (not ten), by file, in Swedish,
each linked to the guide section for its kind, and shows data as typed."""

from __future__ import annotations

import re

from conftest import ROOT
from finsam.problems import Problem
from finsam.summary import KINDS, summary_markdown, write_step_summary


def _problems(n):
    return [Problem(f"data/moten/20{20 + i % 3}.yaml", i + 1, f"moten[{i}].datum", "ska vara ett datum på formen ÅÅÅÅ-MM-DD, inte 'x'") for i in range(n)]


def test_every_problem_is_listed_grouped_by_file():
    text = summary_markdown(_problems(25), "https://example.se/")
    assert text.count("\n- rad ") == 25
    assert text.count("### ") == 3
    assert "25 fel" in text
    assert "https://example.se/om-webbplatsen/redigera/#datum" in text
    on_github = summary_markdown([Problem("data/x.yaml", 1, "a", "okänd nyckel 'b'")], None, "https://github.com/o/r/blob/abc/docs/om-webbplatsen/redigera.md")
    assert "redigera.md#okänd-nyckel" in on_github


GUIDE = ROOT / "docs" / "om-webbplatsen" / "redigera.md"


def _github_anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives a Markdown file: each heading's slug (github-slugger:
    tags dropped, lower case, punctuation dropped, spaces to hyphens, letters incl.
    å, ä, ö kept; a repeated slug gets -1, -2, ...) and every <a id/name="…">."""
    out: set[str] = set()
    fenced = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        m = re.match(r"^#{1,6} (.+?)\s*#*\s*$", line)
        if m and not fenced:
            text = re.sub(r"<[^>]*>", "", m.group(1)).strip()
            base = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
            slug, n = base, 0
            while slug in out:
                n += 1
                slug = f"{base}-{n}"
            out.add(slug)
    out |= set(re.findall(r"<a (?:id|name)=\"([^\"]+)\"", markdown))
    return out


def _site_ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def test_github_anchor_follows_githubs_rule():
    from finsam.summary import github_anchor

    assert github_anchor("Okänd nyckel") == "okänd-nyckel"
    assert github_anchor("Fel i YAML-skrivsättet") == "fel-i-yaml-skrivsättet"
    assert github_anchor("Utse en ledamot eller ersättare (person, plats, källa)") == "utse-en-ledamot-eller-ersättare-person-plats-källa"
    assert github_anchor("Felmeddelanden, sorterade efter slag") == "felmeddelanden-sorterade-efter-slag"


def test_every_link_into_the_guide_works_on_github_and_on_the_site(real_build):
    """The job summary, the new year's pull request, the guide's own links and the
    pull request templates link to the guide's sections by one anchor, which must
    exist both where GitHub renders the Markdown file and in the built page."""
    from finsam.summary import CHECK, NEW_YEAR_SECTION, OTHER, github_anchor

    markdown = GUIDE.read_text(encoding="utf-8")
    on_github = _github_anchors(markdown)
    on_site = _site_ids((real_build.site / "om-webbplatsen" / "redigera" / "index.html").read_text(encoding="utf-8"))
    targets = {github_anchor(name) for _, name in KINDS} | {github_anchor(n) for n in (CHECK, OTHER, NEW_YEAR_SECTION)}
    targets |= set(re.findall(r"\]\(#([^)]+)\)", markdown))
    for template in (ROOT / ".github" / "PULL_REQUEST_TEMPLATE").glob("*.md"):
        targets |= set(re.findall(r"redigera\.md#([^\s)>]+)", template.read_text(encoding="utf-8")))
    assert "okänd-nyckel" in targets and "ett-nytt-budgetår" in targets
    assert sorted(targets - on_github) == [], "missing where GitHub renders the guide"
    assert sorted(targets - on_site) == [], "missing in the built guide page"


def test_the_sites_anchors_do_not_collide():
    """Each explicit <a id> the guide adds for GitHub's anchor is its heading's GitHub
    slug, and none repeats another id of the page (a heading's own id is ASCII)."""
    markdown = GUIDE.read_text(encoding="utf-8")
    explicit = re.findall(r"^#{2,6} (.+?) <a id=\"([^\"]+)\"></a>$", markdown, flags=re.M)
    assert explicit
    from finsam.summary import github_anchor

    assert all(github_anchor(h) == a for h, a in explicit)
    assert len({a for _, a in explicit}) == len(explicit)


def test_data_text_is_inert():
    p = Problem("data/kallor.yaml", 3, "kallor[0].titel", "okänd nyckel '<script>x</script> [a](b)'")
    text = summary_markdown([p], "https://example.se/")
    assert "<script>" not in text and "](b)" not in text


def test_written_only_in_github_actions(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("FINSAM_SITE_URL", raising=False)
    monkeypatch.setenv("GITHUB_REPOSITORY", "o/r")
    assert not write_step_summary(_problems(1))
    target = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    assert write_step_summary(_problems(12))
    written = target.read_text(encoding="utf-8")
    assert written.count("\n- rad ") == 12 and "https://github.com/o/r/blob/" in written


def test_test_and_build_failures_are_summarised_in_swedish(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("ci_summary", ROOT / ".ci" / "summary.py")
    ci = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ci)
    junit = tmp_path / "junit.xml"
    junit.write_text(
        '<testsuites><testsuite tests="3">'
        '<testcase classname="tests.test_x" name="test_a"/>'
        '<testcase classname="tests.test_x" name="test_b"><failure message="assert 1 == 2">tb</failure></testcase>'
        '<testcase classname="tests.test_y" name="test_c"><error message="&lt;b&gt;boom">tb</error></testcase>'
        "</testsuite></testsuites>",
        encoding="utf-8",
    )
    text = ci.tests_summary(junit)
    assert "2 av 3 gick inte igenom" in text and "test\\_b" in text and "<b>" not in text
    log = tmp_path / "build.log"
    log.write_text("INFO - bygger\nERROR - Doc file 'a.md' contains a link 'b.md', but the target is not found\n", encoding="utf-8")
    assert "ERROR - Doc file" in ci.build_summary(log).replace("\\", "")


def test_the_messages_staff_meet_first_link_to_their_own_section(tmp_path):
    """What a newcomer got wrong when trying the guide's tasks (a budget post without
    its shape, a fixed value written as its label) links to the section that explains
    it, not to "Andra fel"."""
    import shutil

    import pytest

    from conftest import REAL_DATA, edit
    from finsam.dataset import load_dataset
    from finsam.problems import DataError
    from finsam.summary import kind

    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    budget = sorted((data / "budget").glob("*.yaml"))[0]
    budget.write_text(re.sub(r"^  - typ: rad\n    ", "  - ", budget.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
    edit(data / "dokument.yaml", "    typ: verksamhetsplan\n", "    typ: Verksamhetsplan\n")
    with pytest.raises(DataError) as err:
        load_dataset(data)
    kinds = {kind(p)[0] for p in err.value.problems}
    assert {"poster-av-två-slag", "fasta-värden"} <= kinds, [p.format() for p in err.value.problems]


def test_mistakes_stand_before_the_values_still_to_fill_in():
    """A new year's file has dozens of ATT FYLLA I; a wrong date typed while filling
    in must not be lost among them: in the job summary it stands first in its file,
    and among the step's annotations (GitHub shows ten) before the values to fill in."""
    from finsam.problems import DataError
    from finsam.unfilled import unfilled_problems

    class Lines:
        def line(self, path):
            return 20 + len(path)

    path = "data/budget/2030.yaml"
    marks = unfilled_problems(path, Lines(), {"belopp": {f"k{i}": "ATT FYLLA I" for i in range(12)}})
    assert len(marks) == 12 and all(p.to_fill_in for p in marks)
    wrong = Problem(path, 90, "beslutad", "ska vara ett datum på formen ÅÅÅÅ-MM-DD, inte '2029-11-3'")
    text = summary_markdown(marks + [wrong], "https://example.se/")
    section = text.split(f"### {path}", 1)[1]
    items = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(items) == 13 and "2029-11-3" in items[0] and all("inte ifylld" in i for i in items[1:])
    assert "Att fylla i (12 värden" in section.split(items[0], 1)[1].split(items[1], 1)[0]
    annotations = [line for line in DataError(marks + [wrong]).report(github=True).splitlines() if line.startswith("::error")]
    assert "2029-11-3" in annotations[0] and len(annotations) == 13
    only_marks = summary_markdown(marks, "https://example.se/")
    assert "Att fylla i (" not in only_marks  # nothing to set apart

"""The staff guide: its error examples are what the validator really prints, its
lists come from the registries, and every checklist it names exists."""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import REAL_DATA, ROOT, edit
from finsam.checks import CHECKS
from finsam.dataset import COLLECTIONS, load_dataset
from finsam.problems import DataError

GUIDE = ROOT / "docs" / "om-webbplatsen" / "redigera.md"
TEMPLATES = ROOT / ".github" / "PULL_REQUEST_TEMPLATE"

# (file, text, replaced by): each breaks a copy of the real data the way the guide's examples say.
BROKEN = [
    ("forbund.yaml", "    kortnamn: Fagersta", "    kortnam: Fagersta"),
    ("forbund.yaml", "    kortnamn: Fagersta\n", ""),
    ("forbund.yaml", "    kortnamn: Fagersta", "\tkortnamn: Fagersta"),
    ("forbund.yaml", "  - id: arboga", "  - id: Arboga kommun"),
    ("forbundsordning/2024-01-01.yaml", "giltig_fran: 2024-01-01", "giltig_fran: 1 januari 2024"),
    ("forbundsordning/2024-01-01.yaml", "rubrik: Förbundets namn och säte", "rubrik: Förbundets namn: och säte"),
    ("forbundsordning/2024-01-01.yaml", "giltig_till: null", "giltig_till: null\ngiltig_till: 2030-12-31"),
    ("forbundsordning/2024-01-01.yaml", "[forslag-forbundsordning-2024,", "[forslag-forbundsordning-2025,"),
    ("forbundsordning/2024-01-01.yaml", "        ledamoter: 13", "        ledamoter: tretton"),
    ("forbundsordning/2024-01-01.yaml", "giltig_till: null", "giltig_till: ATT FYLLA I"),
]


def _normalise(line: str) -> str:
    """Line numbers change as the data grows; the message must not."""
    line = re.sub(r"(\.yaml):\d+:", r"\1:N:", line)
    return re.sub(r"på rad \d+", "på rad N", line)


def _guide_lines() -> set[str]:
    text = GUIDE.read_text(encoding="utf-8")
    lines = {ln.strip() for ln in text.splitlines()}
    lines |= {m.group(1) for m in re.finditer(r"\| `([^`]+)` \|", text)}  # the table's first column
    return {_normalise(ln) for ln in lines}


@pytest.mark.parametrize("file, old, new", BROKEN, ids=[f"{f}:{n.strip()[:20]}" for f, _, n in BROKEN])
def test_every_example_in_the_guide_is_a_real_message(tmp_path, monkeypatch, file, old, new):
    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    edit(data / file, old, new)
    monkeypatch.chdir(tmp_path)  # messages name files as data/..., like in the repository
    with pytest.raises(DataError) as err:
        load_dataset(data.relative_to(tmp_path))
    messages = [p.format() for p in err.value.problems]
    guide = _guide_lines()
    assert any(_normalise(m) in guide for m in messages), f"none of {messages} is shown in the guide"


def test_the_guide_quotes_no_message_that_is_not_tested():
    quoted = [ln.strip() for ln in GUIDE.read_text(encoding="utf-8").splitlines() if re.match(r"\s*data/\S+\.yaml:\d+: ", ln)]
    quoted += re.findall(r"\| `(data/\S+\.yaml:\d+: [^`]+)` \|", GUIDE.read_text(encoding="utf-8"))
    assert len(quoted) >= len(BROKEN)


def test_the_guide_covers_the_tasks_staff_do():
    headings = [re.sub(r"<[^>]*>", "", ln[4:]).strip() for ln in GUIDE.read_text(encoding="utf-8").splitlines() if ln.startswith("### ")]
    for task in (
        "Byta en ledamot eller ersättare i styrelsen",
        "Lägga till ett möte och dess protokoll",
        "Föra in nästa års budget",
        "Anta en ny verksamhetsplan",
        "Ändra förbundsordningen",
    ):
        assert task in headings


def test_every_checklist_the_guide_names_exists():
    guide = GUIDE.read_text(encoding="utf-8") + (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    named = set(re.findall(r"template=([a-z-]+\.md)", guide)) | set(re.findall(r"`([a-z-]+\.md)` \|", guide))
    assert named == {p.name for p in TEMPLATES.glob("*.md")}
    for path in [*TEMPLATES.glob("*.md"), ROOT / ".github" / "pull_request_template.md"]:
        assert "- [ ] " in path.read_text(encoding="utf-8"), path


def test_checklist_links_point_at_headings_of_the_guide():
    # GitHub's anchors (letters å, ä, ö kept); tests/test_summary.py checks the built page has them too.
    from finsam.summary import github_anchor

    anchors = {
        github_anchor(re.sub(r"<[^>]*>", "", h))
        for h in re.findall(r"^#{2,3} (.+)$", GUIDE.read_text(encoding="utf-8"), flags=re.M)
    }
    for path in TEMPLATES.glob("*.md"):
        found = re.findall(r"redigera\.md#([^\s)>]+)", path.read_text(encoding="utf-8"))
        assert found, path.name
        for anchor in found:
            assert anchor in anchors, f"{path.name}: #{anchor}"


@pytest.mark.build
def test_the_guide_lists_every_check_and_every_kind_of_file(real_site):
    # The lists are generated on the guide's reference page (the guide itself is plain Markdown).
    page = real_site / "om-webbplatsen" / "datafiler-och-kontroller" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    codes = {c.get_text() for c in soup.select("article table code")}
    assert set(CHECKS) <= codes
    assert {f"data/{c.pattern}" for c in COLLECTIONS} <= codes


def test_a_mistake_becomes_an_annotation_on_its_line(tmp_path):
    """What a pull request shows: the validator, run as in CI, annotates the wrong line."""
    import os
    import subprocess
    import sys

    shutil.copytree(REAL_DATA, tmp_path / "data")
    path = tmp_path / "data" / "forbund.yaml"
    edit(path, "    kortnamn: Fagersta", "    kortnam: Fagersta")
    line = path.read_text(encoding="utf-8").splitlines().index("    kortnam: Fagersta") + 1
    env = dict(os.environ, GITHUB_ACTIONS="true", PYTHONPATH=str(ROOT / "macros"))
    env.pop("FINSAM_ANNOTATIONS", None)
    result = subprocess.run(
        [sys.executable, "-m", "finsam", "validera", "data"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert (
        f"::error file=data/forbund.yaml,line={line},title=Datafel::"
        "organisationer[5].kortnam: okänd nyckel 'kortnam'; menade du 'kortnamn'?"
    ) in result.stderr.splitlines()
    assert "Traceback" not in result.stderr


def test_the_guide_reads_the_same_on_github():
    # GitHub shows the Markdown as it is: no template syntax may stand in the staff's texts.
    for path in (GUIDE, ROOT / "CONTRIBUTING.md"):
        text = path.read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, path


def _yaml_examples() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)


def test_every_yaml_example_in_the_guide_is_valid_data():
    """Staff copy the guide's examples into the files: each must be a valid record
    of the kind it shows (a source, a person, a seat, a meeting, a document, a budget
    line), so copying one never gives an error the guide did not warn about."""
    import textwrap

    import yaml
    from pydantic import ValidationError

    from finsam.model.budget import Angivet, Rad
    from finsam.model.dokument import Dokument
    from finsam.model.kallor import Kalla
    from finsam.model.moten import Moten
    from finsam.model.styrelse import Person, Plats

    items = (Kalla, Person, Plats, Dokument, Rad)
    examples = _yaml_examples()
    assert len(examples) >= 5
    for example in examples:
        data = yaml.safe_load(textwrap.dedent(example))
        if isinstance(data, dict) and set(data) == {"summa"}:  # a budget group's printed sum
            Angivet.model_validate(data["summa"])
            assert data["summa"]["avvikelse"], example
            continue
        if isinstance(data, dict):  # a whole file (a new year's meetings)
            Moten.model_validate(data)
            continue
        (record,) = data
        if set(record) <= {"typ", "id"}:  # a fragment: the first lines of a budget line
            assert record["typ"] in ("rad", "grupp"), example
            continue
        accepted = []
        for model in items:
            try:
                model.model_validate(record)
                accepted.append(model)
            except ValidationError:
                pass
        assert accepted, f"the guide's example is no valid record:\n{example}"


def test_the_guide_lists_the_allowed_values_the_model_allows():
    """The fixed values the guide spells out for GitHub's editor (a document's type,
    a person's group) are exactly those the model accepts."""
    import typing

    from finsam.model.dokument import Dokument
    from finsam.model.styrelse import Roll

    text = GUIDE.read_text(encoding="utf-8")
    kinds = typing.get_args(Dokument.model_fields["typ"].annotation)
    listed = re.search(r"`typ` skrivs med små bokstäver.*?som ett av: (.*?)\. ", text, flags=re.S).group(1)
    assert re.findall(r"`([a-z_]+)`", listed) == list(kinds)
    groups = typing.get_args(Roll.model_fields["grupp"].annotation)
    named = re.search(r"Gruppen skrivs med sitt id:(.*?)\.\n", text, flags=re.S).group(1)
    assert set(re.findall(r"`([a-z_]+)`", named)) == set(groups)

"""The GitHub workflows, Dependabot and CODEOWNERS have the properties we rely on.

No GitHub runner is available here, so the files themselves are checked:
least-privilege permissions, actions pinned by full commit SHA with the version
in a comment, no ``pull_request_target``, and a deploy job that cannot run
unless every check passed.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

from conftest import ROOT
from finsam.dataset import COLLECTIONS
from finsam.yamlload import read_yaml

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PR = ROOT / ".github" / "workflows" / "pr.yml"
DEPLOY = ROOT / ".github" / "workflows" / "deploy.yml"
NEW_YEAR = ROOT / ".github" / "workflows" / "nytt-ar.yml"
# The one job that may write to the repository: it pushes a branch nytt-ar-<år> and
# opens a pull request for it (never main), with git and gh only, no third-party action.
BRANCH_WRITERS = {("nytt-ar.yml", "nytt-ar"): {"contents", "pull-requests"}}
PINNED = re.compile(r"^\s*-?\s*uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40}) # v\d+(\.\d+)*\s*$")
CHECK_COMMANDS = {
    "data": "python -m finsam validera data",
    "test": "python -m pytest",
    "build": "properdocs build --strict -f mkdocs.yml",
}


def load(path: Path) -> dict:
    doc, problems = read_yaml(path)
    assert problems == [], problems
    return doc.data


def steps_run(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job.get("steps", []))


def steps_uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job.get("steps", []) if "uses" in step]


def test_there_are_workflows():
    assert PR in WORKFLOWS and DEPLOY in WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_declared_and_least_privilege(path):
    wf = load(path)
    assert wf.get("permissions") == {}, "the workflow grants nothing by default"
    for name, job in wf["jobs"].items():
        assert "permissions" in job, f"job {name} must declare its permissions"
        perms = job["permissions"]
        assert isinstance(perms, dict), f"job {name}: no read-all/write-all"
        writes = {k for k, v in perms.items() if v == "write"}
        if (path.name, name) in BRANCH_WRITERS:
            assert writes == BRANCH_WRITERS[(path.name, name)]
            assert [u for u in steps_uses(job) if not u.startswith("actions/")] == [], "no third-party action holds the write token"
            continue
        assert "contents" not in writes, f"job {name} must not write to the repository"
        if writes:
            assert writes <= {"pages", "id-token"} and steps_uses(job) == ["actions/deploy-pages"], (
                f"job {name}: only the deploy job may write, and only to Pages"
            )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_full_sha_with_its_version(path):
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*-?\s*uses:", ln)]
    assert lines
    for line in lines:
        if line.split("uses:", 1)[1].strip().startswith("./"):
            continue  # a workflow or action in this repository
        assert PINNED.match(line), f"{path.name}: not pinned by a 40-hex SHA with '# vX.Y.Z': {line.strip()}"


def test_one_sha_per_action_across_workflows():
    seen: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for m in re.finditer(r"uses:\s*([\w.-]+/[\w./-]+)@(\S+)", path.read_text(encoding="utf-8")):
            seen.setdefault(m.group(1), set()).add(m.group(2))
    assert {a: s for a, s in seen.items() if len(s) > 1} == {}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_privileged_triggers(path):
    triggers = load(path)["on"]
    assert "pull_request_target" not in triggers
    assert "workflow_run" not in triggers
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_concurrency_group(path):
    assert load(path)["concurrency"]["group"]


@pytest.mark.parametrize("path", [PR, DEPLOY], ids=lambda p: p.name)
def test_builds_see_the_whole_history_for_last_changed_dates(path):
    for name in ("test", "build"):
        checkout = next(s for s in load(path)["jobs"][name]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["fetch-depth"] == 0, f"{name}: 'Senast uppdaterad' needs fetch-depth: 0"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_does_not_keep_the_token(path):
    for name, job in load(path)["jobs"].items():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


def test_pull_requests_run_every_check_and_attach_the_site():
    wf = load(PR)
    assert set(wf["on"]) == {"pull_request"}
    jobs = wf["jobs"]
    for name, command in CHECK_COMMANDS.items():
        assert command in steps_run(jobs[name]), f"PR job {name} must run {command}"
    assert "actions/upload-artifact" in steps_uses(jobs["build"])
    upload = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert wf["concurrency"]["cancel-in-progress"] is True


def test_data_problems_become_annotations():
    # The validator prints ::error file=,line= lines when GITHUB_ACTIONS=true (set by
    # GitHub on every runner); the step must not hide them from the log.
    for path in (PR, DEPLOY):
        run = steps_run(load(path)["jobs"]["data"])
        assert "validera" in run and "GITHUB_ACTIONS" not in run and "> /dev/null" not in run


def test_annotations_can_be_turned_off_for_a_repeating_job(monkeypatch):
    from finsam.problems import running_in_github_actions

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("FINSAM_ANNOTATIONS", raising=False)
    assert running_in_github_actions()
    monkeypatch.setenv("FINSAM_ANNOTATIONS", "0")
    assert not running_in_github_actions()
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    monkeypatch.delenv("FINSAM_ANNOTATIONS")
    assert not running_in_github_actions()


def _needs(job: dict) -> set[str]:
    needs = job.get("needs", [])
    return {needs} if isinstance(needs, str) else set(needs)


def _all_needs(jobs: dict, name: str) -> set[str]:
    out: set[str] = set()
    todo = list(_needs(jobs[name]))
    while todo:
        n = todo.pop()
        if n not in out:
            out.add(n)
            todo += _needs(jobs[n])
    return out


def test_deploy_uses_the_pages_artifact_flow_only_after_every_check():
    wf = load(DEPLOY)
    assert set(wf["on"]) <= {"push", "workflow_dispatch"}
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["concurrency"]["cancel-in-progress"] is False
    jobs = wf["jobs"]
    for name, command in CHECK_COMMANDS.items():
        assert command in steps_run(jobs[name]), f"deploy workflow job {name} must run {command}"
    deployers = [n for n, j in jobs.items() if "actions/deploy-pages" in steps_uses(j)]
    assert deployers == ["deploy"]
    deploy = jobs["deploy"]
    assert _all_needs(jobs, "deploy") == set(jobs) - {"deploy"}, "deploy must need every other job"
    for name, job in jobs.items():
        assert "always()" not in str(job.get("if", "")) and "failure()" not in str(job.get("if", "")), name
        assert not job.get("continue-on-error"), name
        for step in job.get("steps", []):
            assert not step.get("continue-on-error"), f"{name}: a failing step must fail the job"
    assert deploy["environment"]["name"] == "github-pages"
    assert "actions/upload-pages-artifact" in steps_uses(jobs["build"])
    text = "\n".join(ln.split("#")[0] for ln in DEPLOY.read_text(encoding="utf-8").splitlines())
    assert "gh-pages" not in text and "ghp-import" not in text and "gh-deploy" not in text


def test_dependabot_watches_pip_and_actions():
    cfg = load(ROOT / ".github" / "dependabot.yml")
    assert {u["package-ecosystem"] for u in cfg["updates"]} == {"pip", "github-actions"}


def _codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def _matches(pattern: str, path: str) -> bool:
    if pattern == "*":
        return True
    if pattern.endswith("/"):
        return ("/" + path).startswith(pattern)
    return fnmatch.fnmatch("/" + path, pattern)


def _owners_of(path: str) -> list[str]:
    """The owners GitHub would ask for ``path`` (the last matching rule wins)."""
    found: list[str] = []
    for pattern, owners in _codeowners():
        if _matches(pattern, path):
            found = owners
    return found


@pytest.mark.parametrize("coll", COLLECTIONS, ids=lambda c: c.field)
def test_every_data_area_has_its_own_codeowners_line(coll):
    example = "data/" + coll.pattern.replace("*", "2024")
    assert _owners_of(example), f"no owner for {example}"
    specific = [p for p, _ in _codeowners() if p not in ("*", "/data/") and _matches(p, example)]
    assert specific, f"add a line for /data/{coll.pattern.split('/')[0]} to .github/CODEOWNERS"


def test_workflows_and_code_are_owned_by_the_maintainers():
    assert _owners_of(".github/workflows/deploy.yml") == _owners_of("macros/finsam/dataset.py")
    assert _owners_of(".github/workflows/deploy.yml") != _owners_of("data/forbund.yaml")


def test_zizmor_finds_nothing():
    """zizmor (pinned in requirements-test.txt) audits the workflows and Dependabot offline,
    with its pedantic persona: every write permission says why, Dependabot waits a week."""
    import shutil
    import subprocess
    import sys

    zizmor = shutil.which("zizmor") or str(Path(sys.executable).parent / "zizmor")
    result = subprocess.run(
        [zizmor, "--offline", "--persona=pedantic", "--no-progress", ".github/"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def _step(job: dict, name: str) -> dict:
    return next(s for s in job["steps"] if s.get("name") == name)


def test_a_new_year_starts_from_the_browser_with_the_same_command():
    """Actions → "Starta ett nytt år": the year is asked for in Swedish, the job runs
    `make nytt-ar`, whose recipe is the command tests/test_newyear.py runs
    (`python -m finsam nytt-ar <år> data`), and opens a pull request for a branch
    of its own; the pull request's text is written by the tested `nytt-ar-text`."""
    wf = load(NEW_YEAR)
    assert set(wf["on"]) == {"workflow_dispatch"}
    inputs = wf["on"]["workflow_dispatch"]["inputs"]
    assert list(inputs) == ["ar", "bara"]
    spec = inputs["ar"]
    assert spec["required"] is True and spec["type"] == "string" and "fyra siffror" in spec["description"]
    # "bara": all kinds, or one folder of the kinds that have a file per year.
    from finsam.newyear import year_collections

    from conftest import REAL_DATA

    kinds = {c.pattern.split("/")[0] for c, _ in year_collections(REAL_DATA)}
    assert inputs["bara"]["type"] == "choice" and inputs["bara"]["default"] == "alla"
    assert inputs["bara"]["options"][0] == "alla" and set(inputs["bara"]["options"][1:]) == kinds
    job = wf["jobs"]["nytt-ar"]
    run = steps_run(job)
    assert 'make nytt-ar AR="$AR" |' in run and 'make nytt-ar AR="$AR" BARA="$BARA" |' in run
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nnytt-ar:", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/python -m finsam nytt-ar $(AR) data$(if $(BARA), --bara $(BARA))" in recipe
    assert 'python -m finsam nytt-ar-text "$AR"' in run
    assert 'git push --quiet origin "$branch"' in run and 'branch="nytt-ar-$AR"' in run
    assert "gh pr create --base main" in run and "git add data/" in run
    assert "push origin main" not in run and "--force" not in run
    # The year is checked before anything is checked out or run.
    assert job["steps"][0]["name"] == "Kontrollera året och valet"


def test_the_year_reaches_the_shell_only_as_a_variable():
    """No ${{ … }} inside a run: script (an input spliced into a script runs as code);
    the input is passed through env."""
    wf = load(NEW_YEAR)
    job = wf["jobs"]["nytt-ar"]
    assert job["env"]["AR"] == "${{ inputs.ar }}" and job["env"]["BARA"] == "${{ inputs.bara }}"
    for step in job["steps"]:
        assert "${{" not in step.get("run", ""), step.get("name")


@pytest.mark.parametrize(
    "year, ok",
    [("2026", True), ("1999", True), ("", False), ("26", False), ("20266", False), ("2026 ", False),
     ("2026\n", False), ("2O26", False), ("2026; touch HACKED", False), ("$(touch HACKED)", False),
     ("`touch HACKED`", False), ("2026\ntouch HACKED", False), ("-1", False)],
)
def test_the_year_is_four_digits_and_nothing_else_runs(tmp_path, year, ok):
    _run_check(tmp_path, {"AR": year, "BARA": "alla"}, ok, "fyra siffror")


@pytest.mark.parametrize(
    "kind, ok",
    [("alla", True), ("budget", True), ("", False), ("budget verksamhetsplan", False), ("budget;touch HACKED", False),
     ("$(touch HACKED)", False), ("--help", False), ("../data", False)],
)
def test_the_choice_of_files_is_one_word_and_nothing_else_runs(tmp_path, kind, ok):
    _run_check(tmp_path, {"AR": "2026", "BARA": kind}, ok, "Välj alla eller ett slag")


def _run_check(tmp_path, env, ok, message):
    import subprocess

    script = _step(load(NEW_YEAR)["jobs"]["nytt-ar"], "Kontrollera året och valet")["run"]
    # GitHub runs a run: script as `bash --noprofile --norc -eo pipefail {0}`.
    (tmp_path / "step.sh").write_text(script, encoding="utf-8")
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "step.sh"],
        cwd=tmp_path, env={**env, "PATH": "/usr/bin:/bin"}, capture_output=True, text=True,
    )
    assert (result.returncode == 0) is ok, result
    assert not (tmp_path / "HACKED").exists()
    if not ok:
        assert "::error" in result.stdout and message in result.stdout


def test_the_guide_names_the_button_and_the_box_as_github_shows_them():
    wf = load(NEW_YEAR)
    guide = (ROOT / "docs" / "om-webbplatsen" / "redigera.md").read_text(encoding="utf-8")
    assert f"**{wf['name']}**" in guide
    box = wf["on"]["workflow_dispatch"]["inputs"]["ar"]["description"]
    assert "*Året som ska startas*" in guide and box.startswith("Året som ska startas")
    choice = wf["on"]["workflow_dispatch"]["inputs"]["bara"]
    assert "*Vilka filer*" in guide and choice["description"].startswith("Vilka filer")
    assert all(f"`{o}`" in guide for o in ("alla", "budget"))
    assert "nytt-ar-" in guide


@pytest.mark.parametrize("bara, expected", [(None, "nytt-ar 2030 data"), ("budget", "nytt-ar 2030 data --bara budget")])
def test_make_nytt_ar_passes_the_choice_on(bara, expected):
    import subprocess

    args = ["make", "-n", "-s", "nytt-ar", "AR=2030"] + ([f"BARA={bara}"] if bara else [])
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    assert out[-1].endswith("-m finsam " + expected), out

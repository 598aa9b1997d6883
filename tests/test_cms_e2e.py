"""End to end, offline: the form editor at /admin/ in headless Chromium, with
decap-server's local backend on 127.0.0.1 writing to a copy of the repository.

Through the forms it adds a meeting, names a board member, fixes a typo in a
budget line and adds one (the form writes its shape, typ: rad), saves, reads the
files back and validates the whole data set (the budget keeps every other figure
and shape); no request leaves 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from browser import Chromium, SiteServer, missing_tools
from conftest import REAL_DATA, ROOT
from finsam.dataset import load_dataset
from finsam.model.budget import Budget
from finsam.yamlload import read_yaml

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
DIST = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"

HELPERS = """
window.__item = function (list) {
  const ids = [...document.querySelectorAll('[id^="' + list + '-field-"]')];
  let el = ids[ids.length - 1];
  while (el && !el.querySelector('[id^="' + window.__last + '-field-"]')) el = el.parentElement;
  return el;
};
window.__set = function (el, v) {
  const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
  el.dispatchEvent(new Event('input', {bubbles: true}));
  el.dispatchEvent(new Event('change', {bubbles: true}));
  return el.value;
};
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _need_tools():
    problem = missing_tools()
    if problem is None and not (DECAP_SERVER.is_file() and DIST.is_file()):
        problem = "node_modules/decap-cms or decap-server missing (npm ci)"
    if problem:
        if os.environ.get("FINSAM_QUALITY_STRICT") == "1":
            pytest.fail(problem)
        pytest.skip(problem)


class Editor:
    def __init__(self, browser: Chromium):
        self.b = browser

    def js(self, expression: str):
        return self.b.evaluate(expression)

    def wait(self, expression: str, timeout: float = 40) -> None:
        """Until ``expression`` is true on the page: the page checks it itself, every
        50 ms, so the test goes on as soon as it holds (no fixed sleeps). An error in the
        expression counts as not yet (the element is not there yet)."""
        script = (
            "new Promise(done => { const end = performance.now() + %d;"
            " const check = () => { let ok = false; try { ok = !!(%s); } catch (e) {}"
            " if (ok || performance.now() > end) done(ok); else setTimeout(check, 50); }; check(); })"
        )
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            left = max(int((end - time.monotonic()) * 1000), 1)
            try:
                if self.b.evaluate(script % (left, expression), await_promise=True):
                    return
            except RuntimeError:  # the page was replaced while waiting: ask the new one
                time.sleep(0.05)
        raise TimeoutError(expression)

    def click(self, text: str) -> None:
        """Click the innermost element (button, menu item) whose text is ``text``."""
        find = f"[...document.querySelectorAll('button, [role], span, div')].filter(b => b.textContent.trim() === {json.dumps(text)})"
        self.wait(f"{find}.length > 0")
        self.js(f"{find}.pop().click()")

    def open(self, hash_: str, ready: str) -> None:
        self.js(f"location.hash = {json.dumps(hash_)}")
        self.wait(f"document.body.innerText.includes({json.dumps(ready)})")
        self.js(HELPERS)

    def item(self, list_field: str, last_field: str) -> None:
        self.js(f"window.__list = {json.dumps(list_field)}; window.__last = {json.dumps(last_field)}")

    def type(self, field: str, value: str) -> None:
        self.js(
            f"window.__set(window.__item(window.__list).querySelector('[id^=\"{field}-field-\"]'), {json.dumps(value)})"
        )

    def choose(self, field: str, text: str) -> None:
        """Pick in a drop-down or relation picker the way a person does: type, then Enter."""
        self.js(f"window.__item(window.__list).querySelector('[id^=\"{field}-field-\"]').focus()")
        self.b.send("Input.insertText", {"text": text})
        # react-select keeps each option's index when it filters: wait for any option.
        self.wait("document.querySelector('[id*=\"-option-\"]') !== null")
        for kind in ("keyDown", "keyUp"):
            self.b.send("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13})
        self.wait("document.querySelector('[id*=\"-option-\"]') === null")

    def publish(self) -> None:
        self.click("Publicera")
        self.click("Publicera nu")
        self.wait("document.body.innerText.includes('Ändringar sparade') || document.body.innerText.toUpperCase().includes('ÄNDRINGAR SPARADE')")


def _requests(browser: Chromium) -> list[str]:
    return [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]


def _admin_site(tmp_path: Path, repo: Path) -> tuple[Path, int]:
    """/admin/ as the build writes it, its config pointed at a decap-server on a free port
    that edits ``repo``: the site folder and that port."""
    import admin_hook
    from finsam.cms import config

    site = tmp_path / "site"
    admin_hook.on_post_build({"site_dir": str(site), "extra": {}, "repo_url": None, "site_url": None})
    port = _free_port()
    cfg = config("forbundet/webbplats", data_root=repo / "data")
    cfg["local_backend"]["url"] = f"http://127.0.0.1:{port}/api/v1"
    (site / "admin" / "config.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return site, port


def _wait_for_server(port: int, seconds: float = 30) -> None:
    """decap-server is up when it answers on its port."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _start_editor(browser: Chromium, origin: str, port: int) -> Editor:
    """/admin/ at 1280 px, signed in to the local backend."""
    browser.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    _wait_for_server(port)
    ed = Editor(browser)
    browser.load(f"{origin}/admin/")
    ed.click("Logga in")
    ed.wait("document.body.innerText.includes('Samlingar')")
    return ed


def _add_a_meeting(ed: Editor, year: int, source_id: str, start: str | None = None) -> str:
    """A board meeting on 8 December of ``year``, filled in through the meetings form
    (not yet saved): its id."""
    ed.open(f"#/collections/moten/entries/{year}", "Ett möte per post")
    ed.wait("document.querySelectorAll('[id^=\"kalla-field-\"]').length > 0")
    ed.js("[...document.querySelectorAll('button')].find(b => b.textContent.includes('Lägg till möte')).click()")
    ed.item("id", "kalla")
    new_id = f"styrelsemote-{year}-12-08"
    ed.type("id", new_id)
    ed.type("datum", f"{year}-12-08")
    if start is not None:
        ed.type("start", start)
    ed.type("organ", "Förbundsstyrelsen")
    ed.type("rubrik", "Styrelsemöte")
    ed.choose("slag", "Styrelsemöte")
    ed.choose("kalla", source_id)
    return new_id


def _fits_a_phone(browser: Chromium, ed: Editor) -> None:
    """At 390 px (a phone) the editing page does not stick out sideways and the
    toolbar's buttons and the form's fields are on the screen (macros/admin/svenska.css:
    Decap lays the page out for 800 px)."""
    browser.send("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    outside = (
        "[...document.querySelectorAll('[class*=ToolbarContainer] button, [class*=ToolbarContainer] [role=button], input, textarea')]"
        ".filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < 0 || r.right > 390); })"
        ".map(e => e.textContent.trim() || e.id)"
    )
    try:  # the layout settles after the resize (slowly on a busy machine)
        ed.wait(f"document.documentElement.scrollWidth <= 390 && {outside}.length === 0")
    except TimeoutError:
        assert (ed.js("document.documentElement.scrollWidth"), ed.js(outside)) == (390, [])


def _reload_editor(browser: Chromium, ed: Editor, origin: str) -> None:
    """A fresh /admin/ page (Decap keeps the last entry otherwise), signed in again if it asks."""
    browser.load(f"{origin}/admin/")
    ed.wait("document.body.innerText.includes('Samlingar') || document.body.innerText.includes('Logga in')")
    if "Samlingar" not in ed.js("document.body.innerText"):
        ed.click("Logga in")
        ed.wait("document.body.innerText.includes('Samlingar')")


@pytest.mark.build
@pytest.mark.first  # a browser and a local server for a minute
def test_add_a_meeting_and_name_a_board_member_through_the_forms(tmp_path):
    _need_tools()
    repo = tmp_path / "repo"
    shutil.copytree(REAL_DATA, repo / "data")
    site, port = _admin_site(tmp_path, repo)

    year = max(int(p.stem) for p in (repo / "data" / "moten").glob("*.yaml"))
    # A seat whose holder is not known if there is one, else any seat: it gets another person.
    boards = sorted((repo / "data" / "styrelse").glob("*.yaml"))
    seats = [(f, i, s) for f in boards for i, s in enumerate(read_yaml(f)[0].data["platser"])]
    board_file, seat, holder = next(((f, i, s) for f, i, s in seats if s["person"] is None), seats[0])
    person = next(p for p in read_yaml(repo / "data" / "personer.yaml")[0].data["personer"] if p["id"] != holder["person"])
    source = read_yaml(repo / "data" / "kallor.yaml")[0].data["kallor"][0]

    budget_file = max((repo / "data" / "budget").glob("*.yaml"))
    budget_before = Budget.model_validate(read_yaml(budget_file)[0].data).model_dump()
    line_name = budget_before["kostnader"][0]["namn"]
    columns = [c["id"] for c in budget_before["kolumner"]]

    server = subprocess.Popen(
        [str(DECAP_SERVER)],
        cwd=repo,
        env={**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with SiteServer(site) as web, Chromium(timeout=60) as browser:
            ed = _start_editor(browser, web.origin, port)

            # A meeting, added to the newest year's file.
            new_id = _add_a_meeting(ed, year, source["id"], start="09:00")
            ed.publish()

            # A board member: a seat whose holder was unknown gets a person.
            requests = _requests(browser)
            _reload_editor(browser, ed, web.origin)
            ed.open(f"#/collections/styrelser/entries/{board_file.stem}", "En ledamots- och en ersättarplats")
            ed.wait(f"document.querySelectorAll('[id^=\"person-field-\"]').length > {seat}")
            ed.js(f"window.__list = 'medlem'; window.__last = 'person'")
            ed.js(
                f"window.__item = function () {{ let el = document.querySelectorAll('[id^=\"medlem-field-\"]')[{seat}];"
                " while (el && !el.querySelector('[id^=\"person-field-\"]')) el = el.parentElement; return el; }"
            )
            ed.choose("person", person["namn"])
            ed.publish()
            requests += _requests(browser)

            # A typo fixed in a budget line's name: the rest of the budget keeps its meaning.
            _reload_editor(browser, ed, web.origin)
            ed.open(f"#/collections/budgetar/entries/{budget_file.stem}", "KOSTNADER")
            ed.js(
                "(() => { const t = [...document.querySelectorAll('*')].filter(e => e.children.length === 0"
                f" && (e.innerText || '').trim() === {json.dumps(line_name)});"
                " let el = t[0]; for (let i = 0; i < 5 && el; i++) { const b = el.querySelector('button');"
                " if (b) { b.click(); return; } el = el.parentElement; } })()"
            )
            ed.wait(f"[...document.querySelectorAll('input')].some(i => i.value === {json.dumps(line_name)})")
            ed.js(
                f"window.__set([...document.querySelectorAll('input')].find(i => i.value === {json.dumps(line_name)}),"
                f" {json.dumps(line_name + 'x')})"
            )
            ed.publish()
            requests += _requests(browser)

            # A new budget line through the typed list: the form writes the chosen shape
            # under the key the model reads (typ: rad). Amounts 0 keep every sum.
            _reload_editor(browser, ed, web.origin)
            ed.open(f"#/collections/budgetar/entries/{budget_file.stem}", "KOSTNADER")
            ed.click("Lägg till post")  # the last one on the page: Kostnader
            ed.wait("[...document.querySelectorAll('[role=menuitem]')].some(e => e.textContent.trim() === 'Rad')")
            ed.js("[...document.querySelectorAll('[role=menuitem]')].find(e => e.textContent.trim() === 'Rad').click()")
            ed.item("id", "anmarkning")
            ed.wait("window.__item(window.__list) && window.__item(window.__list).querySelector('[id^=\"namn-field-\"]').value === ''")
            ed.type("id", "ny-rad-i-formularet")
            ed.type("namn", "Ny rad")
            for column in columns:
                ed.type(column, "0")
            ed.choose("kategori", "Administration")
            ed.publish()
            requests += _requests(browser)
    finally:
        server.terminate()
        server.wait(10)

    meetings = read_yaml(repo / "data" / "moten" / f"{year}.yaml")[0].data["moten"]
    added = next(m for m in meetings if m["id"] == new_id)
    assert added["slag"] == "styrelsemote" and added["kalla"] == source["id"]
    assert str(added["datum"]) == f"{year}-12-08" and added["start"] == "09:00"
    assert read_yaml(board_file)[0].data["platser"][seat]["person"] == person["id"]
    written = read_yaml(budget_file)[0].data
    assert written["kostnader"][-1] == {
        "typ": "rad", "id": "ny-rad-i-formularet", "namn": "Ny rad", "kategori": "administration",
        "belopp": {c: 0 for c in columns},
    }
    budget_after = Budget.model_validate(written).model_dump()
    assert budget_after["kostnader"].pop()["id"] == "ny-rad-i-formularet"
    assert budget_after["kostnader"][0]["namn"] == line_name + "x"
    budget_after["kostnader"][0]["namn"] = line_name
    assert budget_after == budget_before  # the form kept every other figure, shape and note
    load_dataset(repo / "data")  # everything still valid, every check passes
    outside = [u for u in requests if not u.startswith(("http://127.0.0.1", "data:", "blob:"))]
    assert outside == []


@pytest.mark.build
def test_the_editorial_workflow_saves_to_a_branch_and_never_to_main(tmp_path):
    """decap-server's git mode is the editorial workflow on a local repository (as
    on GitHub: a branch cms/<collection>/<entry> per change, merged only when
    published). Saving a meeting in the form leaves main as it was; the change is
    on its own branch, with a Swedish commit message naming the file."""
    _need_tools()
    repo = tmp_path / "repo"
    shutil.copytree(REAL_DATA, repo / "data")
    git = lambda *a: subprocess.run(["git", "-C", str(repo), *a], check=True, capture_output=True, text=True).stdout  # noqa: E731
    git("init", "-q", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@127.0.0.1", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@127.0.0.1", "commit", "-qm", "data")
    site, port = _admin_site(tmp_path, repo)
    year = max(int(p.stem) for p in (repo / "data" / "moten").glob("*.yaml"))
    meetings = repo / "data" / "moten" / f"{year}.yaml"
    before = meetings.read_bytes()
    source = read_yaml(repo / "data" / "kallor.yaml")[0].data["kallor"][0]

    env = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@127.0.0.1", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@127.0.0.1"}
    server = subprocess.Popen([str(DECAP_SERVER)], cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with SiteServer(site) as web, Chromium(timeout=60) as browser:
            ed = _start_editor(browser, web.origin, port)
            _add_a_meeting(ed, year, source["id"])
            _fits_a_phone(browser, ed)
            ed.click("Spara")  # the editorial workflow: save is a draft on a branch, no "Publicera nu"
            ed.wait("[...document.querySelectorAll('button')].some(b => b.textContent.includes('opublicerade'))")
            # The board of the editorial workflow: the draft's card, its date in Swedish form.
            ed.js("location.hash = '#/workflow'")
            ed.wait("/redaktionellt arbetsflöde/i.test(document.body.innerText) && /radera (ändringar|nytt inlägg)/i.test(document.body.textContent)")
            board = ed.js("document.body.innerText")
            # On the phone (still 390 px) each column's heading is whole: none is cut off.
            cut = "[...document.querySelectorAll('h2')].filter(h => h.scrollWidth > h.clientWidth + 1).map(h => h.textContent)"
            assert ed.js(cut) == [] and ed.js("document.querySelectorAll('h2').length") >= 3
            requests = _requests(browser)
    finally:
        server.terminate()
        server.wait(10)

    branch = f"cms/moten/{year}"
    assert git("branch", "--show-current").strip() == "main"
    assert git("branch", "--list", branch).strip().endswith(branch)
    assert git("show", f"main:data/moten/{year}.yaml").encode() == before  # main untouched
    changed = git("show", f"{branch}:data/moten/{year}.yaml")
    assert f"styrelsemote-{year}-12-08" in changed
    assert git("log", "-1", "--format=%s", branch).strip() == f"Ändring i data/moten/{year}.yaml (formulärredigeraren)"
    assert [u for u in requests if not u.startswith(("http://127.0.0.1", "data:", "blob:"))] == []
    saved = git("log", "-1", "--format=%cs", branch).strip()  # the day of the save (the card's date)
    changed_on = re.findall(r"\b(\d{4}-\d{2}-\d{2})\b", board)
    assert changed_on and all(abs(dt.date.fromisoformat(d) - dt.date.fromisoformat(saved)) <= dt.timedelta(days=1) for d in changed_on), board
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert not re.search(rf"\b({months})\b", board), board  # no English month names on the board

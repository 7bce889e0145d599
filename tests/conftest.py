"""Shared fixtures: the real act, one real build of the site, a local server and a real browser.

The suite runs in parallel (pytest-xdist, see pyproject.toml) and still builds the site once per run: the
build starts in the background as soon as the tests are collected, in a folder that all worker processes
share, and the tests that do not need it run first."""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# The build time of the tests' builds: 2023-11-14 22:13:20 UTC, not the adoption date (the build's fallback),
# so that a test sees which one a build used.
EPOCH = 1700000000


def build_command(tmp: Path, source: Path, site: Path, *extra) -> tuple[list[str], dict]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(EPOCH))
    return [sys.executable, "-m", "build_scripts", "build", "--source", str(source),
            "--docs", str(tmp / "docs"), "--site", str(site), *extra], env


def run_build(tmp: Path, source: Path = ROOT / "source", site: Path | None = None, *extra):
    """Run the real build command; returns the CompletedProcess (stdout/stderr as text).
    Tests that call it carry @pytest.mark.build."""
    command, env = build_command(tmp, source, site or tmp / "site", *extra)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def copy_source(tmp: Path) -> Path:
    target = tmp / "source"
    shutil.copytree(ROOT / "source", target)
    return target


# Markers from the fixtures a test uses, so that `make test-fast` (-m "not build and not browser") needs
# no list to keep up to date: a test that builds the site, renders PDFs or starts a build command is
# "build"; one that drives Chromium is "browser".
BUILD_FIXTURES = {"site", "server", "build", "docs", "built_for_url", "published", "rebuilt", "versioned",
                  "versioned_server"}
BROWSER_FIXTURES = {"browser", "page", "pages"}
SITE_FIXTURES = {"site", "server"}          # the tests that wait for the shared build


def _shared_path(config, name: str) -> Path:
    """A path in the folder of this run that every process of it sees: the base temporary folder, or
    under xdist the one that holds each worker's."""
    base = config._tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / name


def _module_fixture(item) -> bool:
    """True when the test uses a module-scoped fixture (a PDF build, a rebuild, a copy of the site)."""
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    return any(defs and defs[-1].scope == "module" for defs in definitions.values())


@pytest.hookimpl(tryfirst=True)     # before -m selects by these markers
def pytest_collection_modifyitems(config, items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (BUILD_FIXTURES | BROWSER_FIXTURES) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.build)

    # The shared site builds in the background (see _site_build): first what does not need it (its own
    # builds first), then what reads it, then the real browser.
    def order(item):
        used = set(getattr(item, "fixturenames", ()))
        return (bool(used & BROWSER_FIXTURES) or bool(item.get_closest_marker("browser")),
                bool(used & SITE_FIXTURES), not item.get_closest_marker("build"))
    items.sort(key=order)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # For the scheduler below: the tests of a module with a module-scoped fixture form one unit.
        groups = {item.nodeid: item.nodeid.split("::")[0] for item in items if _module_fixture(item)}
        path = _shared_path(config, "xdist-groups.json")
        part = path.with_suffix(f".{os.environ['PYTEST_XDIST_WORKER']}")
        part.write_text(json.dumps(groups))
        part.replace(path)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Under pytest-xdist: each test is a unit of work that goes to the next free worker, in the order
    above, except that the tests of a module with a module-scoped fixture go together, so that the
    fixture is made once, not once per worker. (xdist's own --dist loadgroup does this for tests marked
    xdist_group by renaming them, which pytest 9 does not allow.)"""
    if config.getvalue("dist") not in ("load", "loadgroup"):
        return None
    from xdist.scheduler import LoadGroupScheduling

    class ModuleGroups(LoadGroupScheduling):
        groups = None

        def _split_scope(self, nodeid):
            if self.groups is None:         # written by the workers before they report their collection
                self.groups = json.loads(_shared_path(config, "xdist-groups.json").read_text())
            return self.groups.get(nodeid) or super()._split_scope(nodeid)

    config.option.loadscopereorder = False          # keep the order of pytest_collection_modifyitems
    return ModuleGroups(config, log)


@pytest.fixture(scope="session")
def act():
    from build_scripts.load import load_act
    return load_act(ROOT / "source")


# The one build of the real site that the tests share. It runs in a process of its own, which writes the
# exit status into a file when done, so that every worker can wait for it, whichever started it.
_FINISH = """import os, subprocess, sys
folder, *command = sys.argv[1:]
with open(os.path.join(folder, "stdout"), "w") as out, open(os.path.join(folder, "stderr"), "w") as err:
    status = subprocess.run(command, stdout=out, stderr=err).returncode
with open(os.path.join(folder, "status.tmp"), "w") as f:
    f.write(str(status))
os.replace(os.path.join(folder, "status.tmp"), os.path.join(folder, "status"))
"""


_STARTED: list[SharedBuild] = []


class SharedBuild:
    """A build of ``source`` into ``folder``/site that runs once per run, whichever process asks first."""

    def __init__(self, folder: Path, source: Path = ROOT / "source"):
        self.folder, self.source, self.process = folder, source, None

    def start(self):
        """Start the build unless a process of this run already did."""
        with FileLock(str(self.folder) + ".lock"):
            if self.folder.exists():
                return
            self.folder.mkdir()
            command, env = build_command(self.folder, self.source, self.folder / "site")
            self.process = subprocess.Popen([sys.executable, "-c", _FINISH, str(self.folder), *command],
                                            cwd=ROOT, env=env, start_new_session=True)
            _STARTED.append(self)

    def wait(self, timeout: float = 900) -> Path:
        status, start = self.folder / "status", time.monotonic()
        while not status.exists():
            assert (self.process is None or self.process.poll() is None) and time.monotonic() - start < timeout, \
                f"the shared build in {self.folder} ended without a result"
            time.sleep(0.1)
        assert status.read_text() == "0", (self.folder / "stderr").read_text()
        return self.folder / "site"

    def stop(self):
        """Kill the build when the run is cut short (so no build runs on after it)."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait()


@pytest.fixture(scope="session", autouse=True)
def _site_build(request):
    """Starts the shared build right after collection when any selected test needs the site."""
    build = SharedBuild(_shared_path(request.config, "site-build"))
    if any(set(getattr(item, "fixturenames", ())) & SITE_FIXTURES for item in request.session.items):
        build.start()
    yield build
    if request.session.shouldfail or request.session.shouldstop:
        build.stop()
    elif build.process:
        build.process.wait()           # another worker may still need it


def pytest_keyboard_interrupt(excinfo):
    for build in _STARTED:
        build.stop()


@pytest.fixture(scope="session")
def site(_site_build) -> Path:
    return _site_build.wait()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    from build_scripts.runlog import note
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        new_context = browser.new_context

        def counted_context(**options):     # every page load of every context, for RUN_LOG
            context = new_context(**options)
            context.on("page", lambda page: page.on("load", lambda: note("page-load", page.url)))
            return context
        if os.environ.get("RUN_LOG"):
            browser.new_context = counted_context
        yield browser
        browser.close()


class Pages:
    """One page per set of context options, reused from test to test: a new context or page costs Chromium
    a new renderer process (about 2 s of CPU here), a navigation does not. A test gets the page blank, at
    the options' viewport, without media emulation, cookies or storage and with the mouse at (0, 0), as a
    new page would be. A test that needs more of its own (a cold cache, listeners on the page) makes its
    own context."""

    def __init__(self, browser):
        self.browser, self.open = browser, {}

    def __call__(self, **options):
        from playwright.sync_api import Error
        key = json.dumps(options, sort_keys=True)
        if key in self.open:
            context, page = self.open.pop(key)
            try:
                if page.url.startswith("http"):
                    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
                page.goto("about:blank")
                context.clear_cookies()
                page.emulate_media(media="null")
                page.set_viewport_size(options.get("viewport") or {"width": 1280, "height": 720})
                page.mouse.move(0, 0)
            except Error:               # closed or stuck: a new one instead
                context.close()
            else:
                self.open[key] = (context, page)
                return page
        context = self.browser.new_context(**options)
        self.open[key] = (context, context.new_page())
        return self.open[key][1]

    def close(self):
        for context, _page in self.open.values():
            context.close()


@pytest.fixture(scope="session")
def pages(browser):
    pages = Pages(browser)
    yield pages
    pages.close()


@pytest.fixture
def page(pages):
    return pages(viewport={"width": 1280, "height": 800})


def search_answered(page, timeout: float = 30000) -> None:
    """Wait until Material has answered the query in the search box: its count of results (or its "no
    results") is shown, and its results, if there are any, are in the list."""
    page.wait_for_function(r"""() => {
        const words = JSON.parse(document.getElementById("__config").textContent).translations;
        const counts = ["search.result.none", "search.result.one", "search.result.other"].map(key =>
            words[key].replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("#", "\\d+"));
        const meta = document.querySelector(".md-search-result__meta").innerText.trim();
        if (!new RegExp("^(" + counts.join("|") + ")$").test(meta)) return false;
        return meta === words["search.result.none"] ||
            document.querySelector(".md-search-result__item:not(.goto-result)") !== null;
    }""", timeout=timeout)


def settled(page) -> None:
    """Wait until the page has loaded its fonts and its scroll position has stayed put for five frames (the
    landing script scrolls after the load event, over two frames)."""
    page.evaluate("""async () => {
        await document.fonts.ready;
        let last = null, same = 0;
        while (same < 5) {
            await new Promise(resolve => requestAnimationFrame(resolve));
            same = window.scrollY === last ? same + 1 : 0;
            last = window.scrollY;
        }
    }""")


def in_viewport(page, element_id: str) -> bool:
    """True when the element's top edge is inside the visible part of the window."""
    return page.evaluate("""id => {
        const r = document.getElementById(id).getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight && r.height > 0;
    }""", element_id)

"""Shared fixtures: the real act, the shared builds (the real site, the version history), a local server and a
real browser.

The suite runs in parallel (pytest-xdist, see pyproject.toml) and still builds each thing once per run: the
builds start in the background as soon as the tests are collected, in a folder that all worker processes share
(made_once and SharedBuild, under a file lock), and the tests that do not need them run first."""
from __future__ import annotations

import contextlib
import functools
import gc
import http.server
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# The build time of the tests' builds: 2023-11-14 22:13:20 UTC, not the adoption date (the build's fallback),
# so that a test sees which one a build used.
EPOCH = 1700000000
TIMEOUT = 240           # seconds, for every command a test starts (a build takes 10-30 s here); each test: 300


def build_command(tmp: Path, source: Path, site: Path, *extra) -> tuple[list[str], dict]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(EPOCH))
    return [sys.executable, "-m", "build_scripts", "build", "--source", str(source),
            "--docs", str(tmp / "docs"), "--site", str(site), *extra], env


def run_build(tmp: Path, source: Path = ROOT / "source", site: Path | None = None, *extra, env=None):
    """Run the real build command; returns the CompletedProcess (stdout/stderr as text).
    Tests that call it carry @pytest.mark.build."""
    command, environ = build_command(tmp, source, site or tmp / "site", *extra)
    return subprocess.run(command, cwd=ROOT, env={**environ, **(env or {})}, capture_output=True, text=True,
                          timeout=TIMEOUT)


def cli(*args) -> SimpleNamespace:
    """``python -m build_scripts ARGS`` in this process (a few tests start the real process, for the exit status
    and the absence of tracebacks; the others need not pay for a Python start)."""
    from build_scripts.__main__ import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([str(a) for a in args])
    return SimpleNamespace(returncode=status, stdout=out.getvalue(), stderr=err.getvalue())


def check_source(source) -> tuple[int, str]:
    """``check --source SOURCE`` in this process: its exit status and what it printed on stderr (an uncaught
    exception here is exactly the traceback a person would see)."""
    result = cli("check", "--source", source)
    return result.returncode, result.stderr


# A small act (five articles in two chapters, each kind of source file) for the tests whose point is not the real
# act: the refusal of a broken file, a third language, items.
SMALL_SOURCE = ROOT / "tests" / "small_source"


def copy_source(tmp: Path, source: Path = ROOT / "source") -> Path:
    target = tmp / "source"
    shutil.copytree(source, target)
    return target


# Markers from the fixtures a test uses, so that `make test-fast` (-m "not build and not browser") needs
# no list to keep up to date: a test that builds the site, renders PDFs or starts a build command is
# "build"; one that drives Chromium is "browser".
BUILD_FIXTURES = {"site", "server", "build", "docs", "built_for_url", "published", "published_site", "rebuilt",
                  "versioned", "versioned_server"}
BROWSER_FIXTURES = {"browser", "page", "pages", "seen"}     # seen: test_reader's walk, in browsers of its own
WANTED = pytest.StashKey[set]()


@pytest.hookimpl(tryfirst=True)     # before -m selects by these markers
def pytest_collection_modifyitems(config, items):
    for item in items:
        used = set(item.fixturenames)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (BUILD_FIXTURES | BROWSER_FIXTURES) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.build)

    # The shared builds run in the background (see _artifacts): first the tests that need none, then those
    # that read the site, then those that read the version history, then the real browser (under xdist, the
    # order in which each worker runs the files it is given).
    def order(item):
        used = set(item.fixturenames)
        return (bool(used & BROWSER_FIXTURES) or bool(item.get_closest_marker("browser")),
                "versioned" in used, bool(used & (BUILD_FIXTURES - {"versioned"})),
                not item.get_closest_marker("build"))
    items.sort(key=order)


class _Wanted:
    """Which shared builds the selected tests need (read by _artifacts): after -m and -k have deselected."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        used = {name for item in items for name in item.fixturenames}
        config.stash[WANTED] = {name for name, fixtures in (
            ("site", BUILD_FIXTURES - {"versioned", "versioned_server"}), ("versioned", {"versioned", "versioned_server"}))
            if used & fixtures}


def pytest_collection_finish(session):
    # What is there after collection (the imported modules, the collected cases) stays until the process ends;
    # frozen, the garbage collector stops walking it again on every full collection (a third of a second of
    # the quick loop's time).
    gc.freeze()


def pytest_configure(config):
    config.pluginmanager.register(_Wanted())
    # Hypothesis: 300 examples in the whole suite, 30 in the quick loop (HYPOTHESIS_PROFILE=fast, make test-fast).
    from hypothesis import settings
    settings.register_profile("full", max_examples=300)
    settings.register_profile("fast", max_examples=30)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "full"))


def shared_folder(tmp_path_factory) -> Path:
    """The folder of this run that every process sees: under pytest-xdist the parent of each worker's base
    temporary folder (as the pytest-xdist documentation's "Making session-scoped fixtures execute only
    once" does), else the base temporary folder itself."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def made_once(tmp_path_factory, name: str):
    """A folder of this run, filled once by whichever process comes first (``with made_once(...) as (folder,
    make): if make: ...fill folder...``); every other process waits on the lock, then finds it filled."""
    folder = shared_folder(tmp_path_factory) / name
    with FileLock(str(folder) + ".lock"):
        done = folder.with_name(name + ".done")
        if done.exists():
            yield folder, False
            return
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        yield folder, True
        done.touch()


@pytest.fixture(scope="session")
def act():
    from build_scripts.load import load_act
    return load_act(ROOT / "source")


@pytest.fixture(scope="session")
def small_act():
    from build_scripts.load import load_act
    return load_act(SMALL_SOURCE)


# A shared build runs in a process of its own, which writes the exit status into a file when done, so that
# every worker can wait for it, whichever started it.
_FINISH = """import os, subprocess, sys
folder, timeout, *command = sys.argv[1:]
with open(os.path.join(folder, "stdout"), "w") as out, open(os.path.join(folder, "stderr"), "w") as err:
    try:
        status = str(subprocess.run(command, stdout=out, stderr=err, timeout=int(timeout)).returncode)
    except subprocess.TimeoutExpired:
        status = "timed out"
with open(os.path.join(folder, "status.tmp"), "w") as f:
    f.write(status)
os.replace(os.path.join(folder, "status.tmp"), os.path.join(folder, "status"))
"""

_STARTED: list[SharedBuild] = []


class SharedBuild:
    """A build of ``source`` into ``folder``/site that runs once per run, whichever process asks first."""

    def __init__(self, folder: Path, source=None):
        self.folder, self.source, self.process = folder, source, None

    def start(self):
        """Start the build unless a process of this run already did."""
        with FileLock(str(self.folder) + ".lock"):
            if self.folder.exists():
                return
            self.folder.mkdir()
            source = self.source(self.folder) if callable(self.source) else self.source or ROOT / "source"
            command, env = build_command(self.folder, source, self.folder / "site")
            self.process = subprocess.Popen([sys.executable, "-c", _FINISH, str(self.folder), str(TIMEOUT),
                                             *command], cwd=ROOT, env=env, start_new_session=True)
            _STARTED.append(self)

    def wait(self) -> Path:
        self.start()        # a test that asks for a build nobody started (e.g. selected by -k) starts it
        status, start = self.folder / "status", time.monotonic()
        while not status.exists():
            assert time.monotonic() - start < TIMEOUT + 30, f"the shared build in {self.folder} gave no result"
            time.sleep(0.1)
        assert status.read_text() == "0", (self.folder / "stderr").read_text()
        return self.folder / "site"

    def stop(self):
        """Kill the build when the run is cut short (so no build runs on after it)."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait()


def _versions_source(folder: Path) -> Path:
    import amendment                # the invented three-version history (tests/amendment.py)
    return amendment.make(folder)


@pytest.fixture(scope="session", autouse=True)
def _artifacts(request, tmp_path_factory):
    """The shared builds: the real site and the three-version history, started right after collection when
    a selected test needs them, in the background, by whichever process comes first."""
    folder = shared_folder(tmp_path_factory)
    builds = {"site": SharedBuild(folder / "site-build"),
              "versioned": SharedBuild(folder / "versions-build", _versions_source)}
    for name in request.config.stash.get(WANTED, set()):
        builds[name].start()
    yield builds
    for build in builds.values():
        if build.process:
            build.process.wait(timeout=TIMEOUT)        # another worker may still need it


def pytest_keyboard_interrupt(excinfo):
    for build in _STARTED:
        build.stop()


@pytest.fixture(scope="session")
def site(_artifacts) -> Path:
    """The real site, built once per run."""
    return _artifacts["site"].wait()


@pytest.fixture(scope="session")
def versioned(_artifacts) -> Path:
    """The invented three-version history (tests/amendment.py), built once per run."""
    return _artifacts["versioned"].wait()


def read_rules(text: str) -> list[tuple[str, dict[str, str]]]:
    """The rules of a _headers file: (path pattern, headers), in order."""
    rules = []
    for line in text.splitlines():
        if line.startswith("/"):
            rules.append((line.strip(), {}))
        elif line.strip():
            name, value = line.strip().split(": ", 1)
            rules[-1][1][name] = value
    return rules


def matches(pattern: str, path: str) -> bool:
    """Whether a _headers rule's pattern matches ``path`` (``*`` matches the rest of a path, as on those hosts)."""
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def matching(rules, path: str) -> dict[str, str]:
    """Every header of every rule that matches ``path``."""
    out = {}
    for pattern, headers in rules:
        if matches(pattern, path):
            out.update(headers)
    return out


class _HeadersHandler(http.server.SimpleHTTPRequestHandler):
    rules: list = []

    def end_headers(self):
        for name, value in matching(self.rules, urlsplit(self.path).path).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def published_site(site, tmp_path_factory):
    """The folder `make publish` writes from the real site (its pages, .gz copies and _headers), made once per
    run: (folder, the rules of its _headers file). The tests only read it."""
    from build_scripts.publish import MARKER, prepare
    with made_once(tmp_path_factory, "published") as (folder, make):
        if make:
            prepare(site, folder / "www")
    out = folder / "www"
    return out, read_rules((out / MARKER).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def server(published_site):
    """The published folder on 127.0.0.1 with exactly the headers of its _headers file, as Netlify or Cloudflare
    Pages would serve it: every page a browser test opens runs under the site's own Content-Security-Policy."""
    folder, rules = published_site
    handler = functools.partial(type("Handler", (_HeadersHandler,), {"rules": rules}), directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@contextlib.contextmanager
def chromium():
    """Debian's Chromium, driven by a Playwright of the calling thread (Playwright's objects belong to the thread
    that started it), with every page load of every context noted in RUN_LOG when that is set."""
    from playwright.sync_api import sync_playwright
    from build_scripts.runlog import note
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        new_context = browser.new_context

        def counted_context(**options):
            context = new_context(**options)
            context.on("page", lambda page: page.on("load", lambda: note(
                "page-load", f"{page.url} {os.environ.get('PYTEST_CURRENT_TEST', '').split(' ')[0]}")))
            return context
        if os.environ.get("RUN_LOG"):
            browser.new_context = counted_context
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def browser():
    with chromium() as browser:
        yield browser


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


def search_cleared(page, timeout: float = 30000) -> None:
    """Wait until Material has taken in that the search box is empty (its "type to start searching"): until then it
    still shows the count of the previous query, which would pass for the answer to the next one."""
    page.wait_for_function("""() => {
        const words = JSON.parse(document.getElementById("__config").textContent).translations;
        const meta = document.querySelector(".md-search-result__meta").innerText.trim();
        return meta === words["search.result.placeholder"];
    }""", timeout=timeout)


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


class Missed:
    """What a step of a tour raised, kept for the test that reads that step."""

    def __init__(self, error: BaseException):
        self.text = f"{type(error).__name__}: {error}"


class Tour:
    """A walk through pages of the site in one browser page per screen, for the tests that look at many things on
    a few pages: each page of the walk is loaded once per screen, and every step that a test registered for it
    runs on that one document.

    A step is a function ``(page, at)`` registered with ``@tour.step(pattern, screens, when)`` for the pages whose
    path matches ``pattern`` (a regular expression over the whole path, e.g. ``"(zh/)?chapter-4/"``); it looks at
    or does something in the page and returns what it saw, and the test asserts on that (``facts(screen, path,
    step)``, the fixture that the test file makes with ``Tour.facts``). ``at`` carries the page's ``path``, its
    address ``url``, the ``screen``, what the steps before it saw (``earlier``, as returned by ``walk``) and
    whatever the file gave to ``facts``. On each page the steps run in the order they are defined, first those
    with ``when="arrival"`` (what the page shows as it arrives), last those with ``when="last"``; a step with
    ``when="leaves"`` (one per page) goes on to another page of the walk the way a reader does, by a link, a menu
    or the go-to box: that page is not loaded again, its steps run on the document the reader arrived at. A step
    that changes what later steps look at (a fragment, print media, the viewport, an open box) undoes it in the
    page; a fragment is changed in the page, as a link within it does.

    A step's error is kept and fails the tests that read that step, with the error's text; the walk goes on (the
    next page is loaded when a leaving step did not get there)."""

    WHEN = ("arrival", None, "last", "leaves")
    # What a step waits for at most (unless it says otherwise): on a local site everything a reader does answers in
    # a second or two, and a walk that has gone wrong must fail in the time of one test, not wait 30 s at each step.
    TIMEOUT = 10000

    def __init__(self, screens: dict[str, dict]):
        self.screens = screens          # name: the browser context's options
        self.steps: list[SimpleNamespace] = []

    def step(self, pattern: str, screens=None, when=None):
        assert when in self.WHEN, when
        unknown = set(screens or ()) - set(self.screens)
        assert not unknown, unknown

        def register(function):
            self.steps.append(SimpleNamespace(pattern=re.compile(pattern), screens=tuple(screens or self.screens),
                                              when=when, function=function))
            return function
        return register

    def steps_on(self, screen: str, path: str) -> list[SimpleNamespace]:
        chosen = [s for s in self.steps if screen in s.screens and s.pattern.fullmatch(path)]
        chosen.sort(key=lambda s: self.WHEN.index(s.when))              # stable: in the order defined
        assert sum(s.when == "leaves" for s in chosen) <= 1, f"{path}: more than one step leaves it"
        return chosen

    def walk(self, page, screen: str, base: str, route, **about) -> dict:
        """Walk ``route`` (``[(path, fragment)]``: the pages in order, each with the fragment it is loaded with)
        at ``screen`` in ``page``, from the site at ``base``; returns {(path, step name): what the step returned,
        or Missed}. A page of the route that no step looks at at this screen is left out."""
        facts = {}
        page.set_default_timeout(self.TIMEOUT)
        page.set_default_navigation_timeout(30000)     # a page loaded or gone to: as long as anywhere else
        try:
            self._walk(page, screen, base, route, facts, about)
        finally:
            page.set_default_timeout(30000)             # Playwright's own
        return facts

    def _walk(self, page, screen, base, route, facts, about):
        for path, fragment in route:
            steps = self.steps_on(screen, path)
            if not steps:
                continue
            url = base + path
            if page.url.split("#")[0] != url:           # not arrived at by the step before
                page.goto(url + fragment)
            settled(page)
            at = SimpleNamespace(path=path, url=url, base=base, screen=screen, earlier=facts, **about)
            for s in steps:
                try:
                    facts[path, s.function.__name__] = s.function(page, at)
                except Exception as error:          # noqa: BLE001 - kept for the test that reads this step
                    facts[path, s.function.__name__] = Missed(error)

    def facts(self, page_for, base: str, route, **about):
        """What the tests read: ``facts(screen, path, step)``. Each screen is walked the first time a test asks for
        it, in the page ``page_for(screen)``."""
        walked = {}

        def walk(screen):
            walked[screen] = self.walk(page_for(screen), screen, base, route, **about)
        return self._reader(walked, walk)

    def facts_at_once(self, open_page, base: str, route, **about):
        """As :meth:`facts`, but the first test that asks walks every screen at once, each in a thread of its own,
        in the page that the context manager ``open_page(screen)`` gives in that thread (so a browser of its own
        there): on two cores the walks take about the time of the longest, not of all of them."""
        walked = {}

        def walk_one(screen):
            try:
                with open_page(screen) as page:
                    walked[screen] = self.walk(page, screen, base, route, **about)
            except BaseException as error:      # noqa: BLE001 - kept for the tests that read this walk
                walked[screen] = error

        def walk(_screen):
            threads = [threading.Thread(target=walk_one, args=(screen,), daemon=True) for screen in self.screens]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        return self._reader(walked, walk)

    def _reader(self, walked: dict, walk):
        def read(screen: str, path: str, step):
            if screen not in walked:
                try:
                    walk(screen)
                except BaseException as error:      # a page did not load, or the test's time ran out: this test
                    walked[screen] = error          # fails with it, and every later one at once, not walking again
                    raise
            if isinstance(walked[screen], BaseException):
                pytest.fail(f"the walk at {screen} stopped: {Missed(walked[screen]).text}", pytrace=False)
            value = walked[screen].get((path, step.__name__), Missed(LookupError("the step did not run there")))
            if isinstance(value, Missed):
                pytest.fail(f"{step.__name__} on {path or 'the home page'} ({screen}): {value.text}", pytrace=False)
            return value
        return read

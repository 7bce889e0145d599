"""Shared fixtures: the real act, one real build of the site, a local server and a real browser."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def run_build(tmp: Path, source: Path = ROOT / "source", site: Path | None = None, *extra):
    """Run the real build command; returns the CompletedProcess (stdout/stderr as text).
    Tests that call it carry @pytest.mark.build."""
    site = site or tmp / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.setdefault("SOURCE_DATE_EPOCH", "1701302400")
    return subprocess.run([sys.executable, "-m", "build_scripts", "build", "--source", str(source),
                           "--docs", str(tmp / "docs"), "--site", str(site), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def copy_source(tmp: Path) -> Path:
    target = tmp / "source"
    shutil.copytree(ROOT / "source", target)
    return target


# Markers from the fixtures a test uses, so that `make test-fast` (-m "not build and not browser") needs
# no list to keep up to date: a test that builds the site, renders PDFs or starts a build command is
# "build"; one that drives Chromium is "browser".
BUILD_FIXTURES = {"site", "server", "build", "docs", "built_for_url", "published", "rebuilt", "versioned",
                  "versioned_server"}
BROWSER_FIXTURES = {"browser", "page"}


def pytest_collection_modifyitems(items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (BUILD_FIXTURES | BROWSER_FIXTURES) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session")
def act():
    from build_scripts.load import load_act
    return load_act(ROOT / "source")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("build")
    result = run_build(tmp)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


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
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def in_viewport(page, element_id: str) -> bool:
    """True when the element's top edge is inside the visible part of the window."""
    return page.evaluate("""id => {
        const r = document.getElementById(id).getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight && r.height > 0;
    }""", element_id)

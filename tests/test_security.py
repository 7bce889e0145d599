"""The published site under its own security headers: the folder `make publish` writes, served on 127.0.0.1 with
exactly the headers of its `_headers` file (as Netlify or Cloudflare Pages would), opened in Chromium. No page
type may cause a Content-Security-Policy violation, and search, the go-to box, copying a citation, term previews
and the language switch keep working."""
from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlsplit

import pytest

from build_scripts.languages import PROFILES
from conftest import made_once

PAGES = ["/", "/chapter-4/", "/art/25/", "/full/", "/parallel/chapter-4/", "/glossary/", "/notes/", "/versions/",
         "/versions/2024-01-01/art/25/", "/downloads/", "/how-to-cite/", "/about/", "/404.html",
         "/zh/", "/zh/chapter-4/", "/zh/art/25/", "/zh/glossary/", "/zh/versions/", "/zh/404.html"]

# Registered before any script of a page runs; the browser reports each blocked script, style or request here.
LISTEN = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
    window.__violations.push([e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(" ")));"""


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


def matching(rules, path: str) -> dict[str, str]:
    """Every header of every rule that matches ``path`` (``*`` matches the rest of a path, as on those hosts)."""
    out = {}
    for pattern, headers in rules:
        if path == pattern or pattern.endswith("*") and path.startswith(pattern[:-1]):
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
def published(site, tmp_path_factory):
    """The folder `make publish` writes, made once per run (the tests only read it)."""
    from build_scripts.publish import MARKER, prepare
    with made_once(tmp_path_factory, "secure") as (folder, make):
        if make:
            prepare(site, folder / "www")
    out = folder / "www"
    return out, read_rules((out / MARKER).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def secure_server(published):
    folder, rules = published
    handler = functools.partial(type("Handler", (_HeadersHandler,), {"rules": rules}), directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_headers_name_every_inline_script_and_allow_none_unnamed(published):
    folder, rules = published
    every = matching(rules, "/chapter-4/")
    policy = dict(part.split(" ", 1) for part in every["Content-Security-Policy"].split("; "))
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["script-src"].count("'sha256-") >= 2 and policy["object-src"] == "'none'"
    assert every["X-Content-Type-Options"] == "nosniff"
    assert every["Referrer-Policy"] and "camera=()" in every["Permissions-Policy"]
    assert matching(rules, "/downloads/regulation-en.pdf")["X-Content-Type-Options"] == "nosniff"


@pytest.fixture(scope="session")
def secure_page(browser, secure_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.problems = []
    # What the browser says about the policy, and any script that failed (not requests that find nothing: on a
    # Chinese page Material asks for zh/sitemap.xml, which has never existed).
    page.on("console", lambda m: page.problems.append(m.text) if "Content Security Policy" in m.text
            or "Refused to" in m.text else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    yield page
    context.close()


def visit(page, url):
    page.goto(url)
    page.wait_for_load_state("load")
    # Material's own script has run (it sets up the search) and no violation was reported by then.
    page.wait_for_function("() => document.querySelector('.md-search__input') !== null")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")
    violations = page.evaluate("window.__violations")
    assert not violations and not page.problems, (url, violations, page.problems)


def test_every_page_type_runs_without_a_violation(secure_page, secure_server, act):
    page = secure_page
    for path in PAGES:
        visit(page, secure_server + path)
    # The scripts that set the page up did run: the theme's palette, the go-to box and the copy buttons.
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert page.locator(".goto-input").count() == 1


def test_search_goto_copy_previews_and_language_switch_work(secure_page, secure_server, act):
    page, server = secure_page, secure_server
    # Search (a worker and a fetch of the index, both from the site itself).
    visit(page, f"{server}/chapter-1/")
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        page.locator('label[for="__search"]').first.click()
    field.click()
    field.fill("railway")
    field.press("End")          # Material searches on key events
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    # The go-to box.
    visit(page, f"{server}/about/")
    page.locator(".goto-input").fill("25(2)")
    page.locator(".goto-input").press("Enter")
    page.wait_for_url(f"{server}/art/25/#art_25__para_2")
    # Copying a citation.
    page.locator("#art_25__para_2 .cite-button").click()
    page.locator("#art_25__para_2 .cite-copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.splitlines()[0] == PROFILES["en"].citation(act.meta.title["en"], 25, 2)
    # A term preview.
    visit(page, f"{server}/zh/chapter-4/")
    term = page.locator("#art_26__para_1 a.term").first
    term.scroll_into_view_if_needed()
    term.click()
    page.locator(".term-preview").wait_for(state="visible")
    # The language switch keeps the place.
    visit(page, f"{server}/chapter-4/#art_25")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="中文", exact=True).click()
    page.wait_for_url(f"{server}/zh/chapter-4/#art_25")
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__violations")
    assert not violations and not page.problems, (violations, page.problems)


def test_offline_copy_carries_no_policy(site):
    """The offline copy is opened from disk, where no headers apply: no _headers, and no policy in the pages that
    would stop its own scripts (the iframe-worker shim, the search index as a script)."""
    import zipfile
    with zipfile.ZipFile(site / "downloads" / "regulation-site.zip") as archive:
        names = archive.namelist()
        assert not any(n.endswith("/_headers") for n in names)
        html = archive.read("regulation-site/zh/art/25.html").decode()
    assert "Content-Security-Policy" not in html and 'type="application/ld+json"' in html

"""The published site under its own security headers: the folder `make publish` writes, served on 127.0.0.1 with
exactly the headers of its `_headers` file (as Netlify or Cloudflare Pages would), opened in Chromium. No page
type may cause a Content-Security-Policy violation or break a WCAG 2.1 AA rule (axe-core), each declares its
language, and search, the go-to box, copying a citation, term previews and the language switch keep working."""
from __future__ import annotations

import functools
import http.server
import re
import threading
from urllib.parse import urlsplit

import pytest

from build_scripts.languages import PROFILES
from conftest import Tour, made_once

PAGES = ["", "chapter-4/", "art/25/", "full/", "parallel/chapter-4/", "glossary/", "notes/", "versions/",
         "versions/2024-01-01/art/25/", "downloads/", "how-to-cite/", "about/", "404.html",
         "zh/", "zh/chapter-4/", "zh/art/25/", "zh/glossary/", "zh/versions/", "zh/404.html"]
# axe-core in Debian's Chromium: no WCAG 2.1 AA violations on the main kinds of page, both languages (those not
# above are opened for it too, and checked for the policy as well).
ACCESSIBLE = ["", "chapter-4/", "glossary/", "zh/", "zh/chapter-4/", "zh/glossary/", "parallel/chapter-4/",
              "how-to-cite/", "zh/how-to-cite/", "art/25/", "zh/art/25/", "zh/parallel/chapter-4/", "downloads/",
              "not-found/", "zh/not-found/"]
# Every rule of these levels runs; only the violations are reported in full (listing each node that passes
# takes axe as long again on a long page such as the glossary).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}

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
    # A context of its own: the listener must be in every page before any of its scripts runs.
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


# Every page type, each opened once under the published headers (the walk goes from the "about" page to an article
# by the go-to box and from a chapter to its Chinese page by the language menu): the policy, axe-core's WCAG 2.1 AA
# rules and the page's language are checked on each page it opens, and search, the go-to box, copying a citation
# and a term preview are used on the way.
TOUR = Tour({"published": {}})
ROUTE = [("", ""), ("about/", ""), ("art/25/", "#art_25__para_2"),             # by the go-to box
         ("chapter-4/", "#art_25"), ("zh/chapter-4/", "#art_25"),              # by the language menu
         ("full/", ""), ("parallel/chapter-4/", ""), ("glossary/", ""), ("notes/", ""), ("versions/", ""),
         ("versions/2024-01-01/art/25/", ""), ("downloads/", ""), ("how-to-cite/", ""), ("404.html", ""),
         ("not-found/", ""), ("zh/", ""), ("zh/art/25/", ""), ("zh/glossary/", ""), ("zh/versions/", ""),
         ("zh/404.html", ""), ("zh/how-to-cite/", ""), ("zh/parallel/chapter-4/", ""), ("zh/not-found/", "")]
assert sorted(path for path, _ in ROUTE) == sorted(set(PAGES) | set(ACCESSIBLE))


@pytest.fixture(scope="module")
def tour(secure_page, secure_server):
    """What the walk saw on each page: tour(path, step)."""
    read = TOUR.facts(lambda screen: secure_page, f"{secure_server}/", ROUTE)
    return lambda path, step: read("published", path, step)


def reported(page) -> dict:
    """The violations the page reported and what the browser said since the last look."""
    seen = {"violations": page.evaluate("window.__violations"), "problems": list(page.problems)}
    page.problems.clear()
    return seen


@TOUR.step(r".*", when="arrival")
def policy_as_loaded(page, at):
    # Material's own script has run (it sets up the search) and no violation was reported by then.
    page.wait_for_function("() => document.querySelector('.md-search__input') !== null")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")
    return reported(page)


@TOUR.step("|".join(re.escape(path) for path in ACCESSIBLE))
def accessibility(page, at):
    from axe_playwright_python.sync_playwright import Axe     # here: the quick loop imports this module too
    results = Axe().run(page, options=AXE_OPTIONS)
    return {"lang": page.evaluate("document.documentElement.lang"),
            "violations": [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5])
                           for v in results.response["violations"]]}


@TOUR.step(r".*", when="last")
def policy_after_use(page, at):
    # The scripts that set the page up did run: the theme's palette and the go-to box.
    return {**reported(page), "palette": page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
            "goto": page.locator(".goto-input").count()}


def test_every_page_type_runs_without_a_violation(tour):
    problems = {}
    for path, _ in ROUTE:
        for step in (policy_as_loaded, policy_after_use):
            seen = tour(path, step)
            if seen["violations"] or seen["problems"]:
                problems[path, step.__name__] = seen
    assert not problems, problems
    assert all(tour(path, policy_after_use)["palette"] and tour(path, policy_after_use)["goto"] == 1
               for path, _ in ROUTE), {path: tour(path, policy_after_use) for path, _ in ROUTE}


@pytest.mark.parametrize("path", ACCESSIBLE)
def test_no_wcag_violations_and_the_page_declares_its_language(tour, path):
    seen = tour(path, accessibility)
    assert seen["lang"] == ("zh-Hans" if path.startswith("zh/") else "en")
    assert seen["violations"] == []


@TOUR.step("glossary/")
def chinese_names(page, at):
    return {"entry": page.locator('dl[data-entry="alxa-left-banner"] [lang="zh-Hans"]').first.text_content(),
            "heading": page.locator('h4#alxa-left-banner [lang="zh-Hans"]').inner_text()}


def test_chinese_names_in_english_pages_are_marked(tour):
    assert tour("glossary/", chinese_names) == {"entry": "阿拉善左旗", "heading": "阿拉善左旗"}


# Search (a worker and a fetch of the index, both from the site itself), the go-to box, copying a citation, a term
# preview and the language switch.
@TOUR.step("chapter-4/")
def search(page, at):
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        page.locator('label[for="__search"]').first.click()
    field.click()
    field.fill("railway")
    field.press("End")          # Material searches on key events
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    found = page.locator(".md-search-result__item").count()
    field.press("Escape")
    return found


@TOUR.step("about/", when="leaves")
def go_to(page, at):
    page.locator(".goto-input").fill("25(2)")
    page.locator(".goto-input").press("Enter")
    page.wait_for_url(f"{at.base}art/25/#art_25__para_2")
    return page.url


@TOUR.step("art/25/")
def copy(page, at):
    page.locator("#art_25__para_2 .cite-button").click()
    page.locator("#art_25__para_2 .cite-copied").wait_for()
    return page.evaluate("navigator.clipboard.readText()")


@TOUR.step("zh/chapter-4/")
def term_preview(page, at):
    term = page.locator("#art_26__para_1 a.term").first
    term.scroll_into_view_if_needed()
    term.click()
    page.locator(".term-preview").wait_for(state="visible")
    page.keyboard.press("Escape")
    return True


@TOUR.step("chapter-4/", when="leaves")
def language_switch(page, at):
    page.locator(".md-header__option .md-select").hover()      # the page was loaded with #art_25
    page.get_by_role("link", name="中文", exact=True).click()
    page.wait_for_url(f"{at.base}zh/chapter-4/#art_25")
    page.wait_for_load_state("load")
    return page.url


def test_search_goto_copy_previews_and_language_switch_work(tour, secure_server, act):
    assert tour("chapter-4/", search) > 0
    assert tour("about/", go_to) == f"{secure_server}/art/25/#art_25__para_2"
    assert tour("art/25/", copy).splitlines()[0] == PROFILES["en"].citation(act.meta.title["en"], 25, 2)
    assert tour("zh/chapter-4/", term_preview)
    assert tour("chapter-4/", language_switch) == f"{secure_server}/zh/chapter-4/#art_25"
    # Nothing the page did for them was refused: on the pages used, after their use, and on the page switched to.
    seen = [tour(path, policy_after_use) for path in ("chapter-4/", "about/", "art/25/", "zh/chapter-4/")]
    seen.append(tour("zh/chapter-4/", policy_as_loaded))
    assert not [s for s in seen if s["violations"] or s["problems"]], seen


def test_offline_copy_carries_no_policy(site):
    """The offline copy is opened from disk, where no headers apply: no _headers, and no policy in the pages that
    would stop its own scripts (the iframe-worker shim, the search index as a script)."""
    import zipfile
    with zipfile.ZipFile(site / "downloads" / "regulation-site.zip") as archive:
        names = archive.namelist()
        assert not any(n.endswith("/_headers") for n in names)
        html = archive.read("regulation-site/zh/art/25.html").decode()
    assert "Content-Security-Policy" not in html and 'type="application/ld+json"' in html

"""The online site in a real headless Chromium asks nothing of other hosts. (What a reader sees there, landing on an
article, switching language in place, printing, is in test_reader.py, on the pages its walk opens once per screen.)"""
from __future__ import annotations


def test_online_site_loads_nothing_from_other_hosts(browser, server):
    # A context of its own: a cold cache, so that every resource is requested.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/chapter-4/", "/zh/glossary/", "/parallel/chapter-4/"):
        page.goto(f"{server}{path}")
        page.wait_for_load_state("networkidle")
    context.close()
    assert requested and all(url.startswith(server) for url in requested), \
        [url for url in requested if not url.startswith(server)]

"""What a reader sees, in a real headless Chromium: landing on an article, switching language in place."""
from __future__ import annotations

from conftest import in_viewport


def test_article_link_lands_on_the_article(page, server):
    page.goto(f"{server}/chapter-4/#art_25")
    assert page.locator("#art_25").is_visible()
    assert page.locator("#art_25").inner_text().startswith("Article 25")
    assert in_viewport(page, "art_25")
    assert not in_viewport(page, "chp_4")


def test_language_switch_keeps_the_place(page, server):
    page.goto(f"{server}/chapter-4/#art_25")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="中文", exact=True).click()
    page.wait_for_url(f"{server}/zh/chapter-4/#art_25")
    assert page.locator("#art_25").inner_text().startswith("第二十五条")
    assert in_viewport(page, "art_25")
    # And back again, from a paragraph anchor this time.
    page.goto(f"{server}/zh/chapter-4/#art_26__para_2")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(f"{server}/chapter-4/#art_26__para_2")
    assert in_viewport(page, "art_26__para_2")


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


def test_printing_a_page_leaves_only_the_text(page, server):
    page.goto(f"{server}/zh/chapter-4/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-select", ".md-footer", ".cite-button"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("#art_25").is_visible() and page.locator("#art_25__para_1").is_visible()
    rules = page.evaluate("""() => [...document.styleSheets].flatMap(s => { try { return [...s.cssRules] }
        catch (e) { return [] } }).filter(r => r.media && [...r.media].includes('print'))
        .map(r => r.cssText).join(' ')""")
    assert "break-after: avoid" in rules     # article headings stay with their first paragraph

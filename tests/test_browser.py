"""What a reader sees, in a real headless Chromium: landing on an article, switching language in place."""
from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("path", ["art/25/", "zh/art/25/", "art/73/", "zh/art/1/"])
def test_printing_one_article_fills_one_page(page, server, path):
    """A short article prints on one sheet: no blank second page from the theme's full-window body."""
    import io

    from pypdf import PdfReader
    page.goto(f"{server}/{path}")
    for size in ("A4", "Letter"):
        pdf = PdfReader(io.BytesIO(page.pdf(format=size)))
        assert len(pdf.pages) == 1, (path, size, [len(p.extract_text()) for p in pdf.pages])
        assert pdf.pages[0].extract_text().strip()


@pytest.mark.parametrize("path", ["zh/", "zh/glossary/", "zh/chapter-4/", "zh/parallel/chapter-4/"])
def test_no_chinese_is_slanted(page, server, path):
    """Chinese has no italics: nothing in the content of a Chinese page is set slanted (the map's caption was)."""
    page.goto(f"{server}/{path}")
    slanted = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.closest('[lang]').lang.startsWith('zh') && getComputedStyle(e).fontStyle !== 'normal'
                && [...e.childNodes].some(n => n.nodeType === 3 && /[\u3400-\u9fff]/.test(n.textContent)))
        .map(e => e.tagName + ': ' + e.textContent.slice(0, 40))""")
    assert slanted == []
    if "glossary" in path or path == "zh/":
        assert page.locator(".border-map figcaption").first.evaluate("e => getComputedStyle(e).fontStyle") == "normal"

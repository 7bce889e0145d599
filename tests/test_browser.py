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
    page.get_by_role("link", name="中文").click()
    page.wait_for_url(f"{server}/zh/chapter-4/#art_25")
    assert page.locator("#art_25").inner_text().startswith("第二十五条")
    assert in_viewport(page, "art_25")
    # And back again, from a paragraph anchor this time.
    page.goto(f"{server}/zh/chapter-4/#art_26__para_2")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{server}/chapter-4/#art_26__para_2")
    assert in_viewport(page, "art_26__para_2")

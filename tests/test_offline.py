"""The offline copy (downloads/regulation-site.zip) opened from disk, with the network off."""
from __future__ import annotations

import zipfile

import pytest

from conftest import in_viewport


@pytest.fixture(scope="session")
def offline_site(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "downloads" / "regulation-site.zip") as archive:
        archive.extractall(folder)
    return folder / "regulation-site"


@pytest.fixture
def offline_page(pages):
    page = pages(offline=True)
    requests = []

    def record(request):
        requests.append(request.url)
    page.context.on("request", record)
    yield page
    page.context.remove_listener("request", record)
    assert [url for url in requests if not url.startswith("file://")] == []


def search(page, query):
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")


def test_reading_and_switching_language_offline(offline_site, offline_page):
    page = offline_page
    page.goto((offline_site / "chapter-4.html").as_uri() + "#art_25")
    assert in_viewport(page, "art_25")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="中文", exact=True).click()
    page.wait_for_url((offline_site / "zh" / "chapter-4.html").as_uri() + "#art_25")
    assert page.locator("#art_25").inner_text().startswith("第二十五条")
    assert in_viewport(page, "art_25")


def test_article_page_offline(offline_site, offline_page):
    offline_page.goto((offline_site / "art" / "46.html").as_uri())
    assert in_viewport(offline_page, "art_46")
    offline_page.locator(".article-chapter").click()
    offline_page.wait_for_url("**/chapter-6.html#art_46")
    assert in_viewport(offline_page, "art_46")


@pytest.mark.parametrize("lang,query,expected", [("en", "Erenhot", "chapter-1.html"),
                                                  ("zh", "边民互市贸易区", "zh/chapter-6.html")])
def test_search_offline_in_both_languages(offline_site, offline_page, lang, query, expected):
    start = offline_site / ("zh" if lang == "zh" else "") / "chapter-1.html"
    offline_page.goto(start.as_uri())
    links = search(offline_page, query)
    assert any(link.split("?")[0].endswith(expected) for link in links[:4]), links
    assert all(("/zh/" in link) == (lang == "zh") for link in links)


def test_offline_copy_holds_the_pdfs_and_links_to_them(offline_site, offline_page):
    for name in ("regulation-en.pdf", "regulation-zh.pdf", "regulation-bilingual.pdf", "regulation.json"):
        assert (offline_site / "downloads" / name).stat().st_size > 1000
    offline_page.goto((offline_site / "zh" / "chapter-4.html").as_uri())
    href = offline_page.locator(".downloads-bar a").first.get_attribute("href")
    assert href == "../downloads/regulation-zh.pdf#chp_4"

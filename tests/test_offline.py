"""The offline copy (downloads/regulation-site.zip) opened from disk, with the network off.

One walk through the copy, each file opened once, in a browser context that is offline (a context of its own:
the copy is opened from file:// addresses): from an article page to its chapter by the article's chapter link,
from there to the chapter's Chinese page by the language menu, and from there to an article by the go-to box."""
from __future__ import annotations

import zipfile

import pytest

from conftest import Tour, in_viewport

TOUR = Tour({"offline": {"offline": True}})
ROUTE = [("art/46.html", ""), ("chapter-6.html", "#art_46"),      # by the article's chapter link
         ("zh/chapter-6.html", "#art_46"),                           # by the language menu
         ("zh/art/25.html", "#art_25__para_2")]                      # by the go-to box


@pytest.fixture(scope="session")
def offline_site(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "downloads" / "regulation-site.zip") as archive:
        archive.extractall(folder)
    return folder / "regulation-site"


@pytest.fixture(scope="module")
def walk(pages, offline_site):
    """What the walk saw: walk(path, step); and walk.asked, every address it asked for that is not a file."""
    page = pages(offline=True)
    asked = []

    def record(request):
        if not request.url.startswith("file://"):
            asked.append(request.url)
    page.context.on("request", record)
    read = TOUR.facts(lambda screen: page, offline_site.as_uri() + "/", ROUTE)

    def seen(path, step):
        return read("offline", path, step)
    seen.asked = asked
    yield seen
    page.context.remove_listener("request", record)


def search(page, query):
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    box.press("Escape")
    return links


@TOUR.step("chapter-6.html", when="leaves")
def chinese_from_the_chapter(page, at):
    shown = {"in_view": in_viewport(page, "art_46")}
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="中文", exact=True).click()
    page.wait_for_url(f"{at.base}zh/chapter-6.html#art_46")
    return shown | {"heading": page.locator("#art_46").inner_text(), "there": in_viewport(page, "art_46")}


def test_reading_and_switching_language_offline(walk):
    shown = walk("chapter-6.html", chinese_from_the_chapter)
    assert shown["in_view"]
    assert shown["heading"].startswith("第四十六条")
    assert shown["there"]
    assert walk.asked == []


@TOUR.step("art/46.html", when="leaves")
def chapter_from_the_article(page, at):
    shown = {"in_view": in_viewport(page, "art_46")}
    page.locator(".article-chapter").click()
    page.wait_for_url("**/chapter-6.html#art_46")
    return shown | {"there": in_viewport(page, "art_46")}


def test_article_page_offline(walk):
    assert walk("art/46.html", chapter_from_the_article) == {"in_view": True, "there": True}
    assert walk.asked == []


@TOUR.step("(zh/)?chapter-6.html")
def searched(page, at):
    return search(page, "边民互市贸易区" if at.path.startswith("zh/") else "Erenhot")


@pytest.mark.parametrize("lang,path,expected", [("en", "chapter-6.html", "chapter-1.html"),
                                                 ("zh", "zh/chapter-6.html", "zh/chapter-6.html")])
def test_search_offline_in_both_languages(walk, lang, path, expected):
    links = walk(path, searched)
    assert any(link.split("?")[0].endswith(expected) for link in links[:4]), links
    assert all(("/zh/" in link) == (lang == "zh") for link in links)
    assert walk.asked == []


@TOUR.step("zh/chapter-6.html")
def downloads_bar(page, at):
    return page.locator(".downloads-bar a").first.get_attribute("href")


def test_offline_copy_holds_the_pdfs_and_links_to_them(walk, offline_site):
    for name in ("regulation-en.pdf", "regulation-zh.pdf", "regulation-bilingual.pdf", "regulation.json"):
        assert (offline_site / "downloads" / name).stat().st_size > 1000
    assert walk("zh/chapter-6.html", downloads_bar) == "../downloads/regulation-zh.pdf#chp_6"
    assert walk.asked == []


@TOUR.step("zh/chapter-6.html", when="leaves")
def go_to_article(page, at):
    page.locator(".goto-input").fill("第二十五条第二款")
    page.locator(".goto-input").press("Enter")
    page.wait_for_url(f"{at.base}zh/art/25.html#art_25__para_2")
    return page.locator("#art_25__para_2").is_visible()


def test_go_to_article_in_the_offline_copy(walk):
    assert walk("zh/chapter-6.html", go_to_article)
    assert walk.asked == []

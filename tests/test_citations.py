"""Citations that never break: permalinks, copy-a-citation, side-by-side view, published URLs."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from build_scripts.languages import PROFILES

from conftest import ROOT, in_viewport

PUBLISHED = ROOT / "tests" / "published-urls.txt"


def ids_of(path: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")))


def test_every_article_has_its_own_page_in_both_languages(site, act):
    """/art/N/ is the article itself, with the same ids as on its chapter page and a canonical link to itself."""
    for lang, prefix in (("en", ""), ("zh", "zh/")):
        for article in act.text(lang).articles():
            path = site / f"{prefix}art/{article.num}/index.html"
            page = BeautifulSoup(path.read_text(), "lxml")
            assert page.find("link", rel="canonical")["href"].endswith(f"/{prefix}art/{article.num}/")
            chapter = act.text(lang).chapter_of(article.num).num
            on_chapter = ids_of(site / f"{prefix}chapter-{chapter}" / "index.html")
            own = {article.id} | {p.id for p in article.paragraphs}
            assert own <= ids_of(path) and own <= on_chapter


def test_article_page_works_without_javascript(pages, server):
    page = pages(java_script_enabled=False)
    page.goto(f"{server}/art/25/")
    assert in_viewport(page, "art_25")
    assert page.locator("#art_25__para_1").inner_text().startswith("The people")


def test_article_link_keeps_a_paragraph_fragment(page, server):
    page.goto(f"{server}/zh/art/25/#art_25__para_2")
    assert in_viewport(page, "art_25__para_2")


@pytest.mark.parametrize("lang,prefix,expected", [
    ("en", "", "Article 25(2), Regulations of the Inner Mongolia Autonomous Region on Promoting "
               "High-quality Development in Border Areas"),
    ("zh", "zh/", "《内蒙古自治区促进边境地区高质量发展条例》第二十五条第二款"),
])
def test_copy_control_puts_citation_and_link_on_the_clipboard(pages, server, lang, prefix, expected):
    page = pages(permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{server}/{prefix}chapter-4/")
    button = page.locator("#art_25__para_2 .cite-button")
    button.focus()                      # reachable by keyboard
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.cite-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    base = page.locator('link[rel="canonical"]').get_attribute("href").removesuffix(f"{prefix}chapter-4/")
    assert base.startswith("https://")          # the published address, wherever the page was opened
    revision = yaml.safe_load((ROOT / "source" / "regulation.yaml").read_text(encoding="utf-8"))["revisions"][-1]
    details = PROFILES[lang].w("cite_details", status=("Unofficial English translation" if lang == "en"
                                                      else "参考译文（非正式文本）"),
                              revision=PROFILES[lang].w("cite_revision", number=revision["number"],
                                                        date=PROFILES[lang].date(datetime.date.fromisoformat(revision["date"]))),
                              adopted=PROFILES[lang].date(datetime.date(2023, 11, 30)),
                              effective=PROFILES[lang].date(datetime.date(2024, 1, 1)))
    # Today's link, then the link pinned to the version read (the only one so far).
    pinned = PROFILES[lang].w("pinned_label", effective=PROFILES[lang].date(datetime.date(2024, 1, 1)))
    pinned += PROFILES[lang].words["colon"]
    assert copied == (f"{expected}\n{details}\n{base}{prefix}art/25/#art_25__para_2\n"
                      f"{pinned}{base}{prefix}versions/2024-01-01/art/25/#art_25__para_2")
    # The whole article, from the control beside its heading.
    page.locator("#art_21 .cite-button").click()
    page.wait_for_timeout(100)
    assert page.evaluate("navigator.clipboard.readText()").splitlines() == [
        PROFILES[lang].citation(expected.split(", ", 1)[1] if lang == "en" else "内蒙古自治区促进边境地区高质量发展条例", 21),
        details, f"{base}{prefix}art/21/", f"{pinned}{base}{prefix}versions/2024-01-01/art/21/"]


def test_side_by_side_shows_both_languages_on_one_row(page, server, act):
    page.goto(f"{server}/parallel/chapter-4/#art_25")
    assert in_viewport(page, "art_25")
    row = page.locator("#art_25__para_1")
    en, zh = row.locator('p[lang="en"]'), row.locator('p[lang="zh-Hans"]')
    assert en.inner_text() == act.text("en").article(25).paragraphs[0].text
    assert zh.inner_text() == act.text("zh").article(25).paragraphs[0].text
    box_en, box_zh = en.bounding_box(), zh.bounding_box()
    assert abs(box_en["y"] - box_zh["y"]) < 2 and box_zh["x"] > box_en["x"] + box_en["width"] / 2
    # On a phone the two columns stack.
    page.set_viewport_size({"width": 390, "height": 800})
    box_en, box_zh = en.bounding_box(), zh.bounding_box()
    assert box_zh["y"] >= box_en["y"] + box_en["height"]


def test_chapter_pages_link_to_the_side_by_side_view(site):
    for prefix in ("", "zh/"):        # each language's own side-by-side page
        page = BeautifulSoup((site / f"{prefix}chapter-4/index.html").read_text(), "lxml")
        assert page.select_one(".view-links a")["href"] == "../parallel/chapter-4/"


def test_search_engines_get_canonical_alternates_and_descriptions(site):
    page = BeautifulSoup((site / "zh/chapter-4/index.html").read_text(), "lxml")
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical.startswith("http") and canonical.endswith("/zh/chapter-4/")
    alternates = {l["hreflang"]: l["href"] for l in page.find_all("link", hreflang=True)}
    base = canonical[: -len("zh/chapter-4/")]
    assert alternates == {"en": f"{base}chapter-4/", "x-default": f"{base}chapter-4/",
                          "zh-Hans": f"{base}zh/chapter-4/"}
    descriptions = {BeautifulSoup((site / f"chapter-{n}/index.html").read_text(), "lxml")
                    .find("meta", attrs={"name": "description"})["content"] for n in range(1, 10)}
    assert len(descriptions) == 9
    sitemap = (site / "sitemap.xml").read_text()
    assert f"<loc>{base}zh/chapter-4/</loc>" in sitemap and f"<loc>{base}zh/art/25/</loc>" in sitemap


def published_entries():
    lines = PUBLISHED.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_published_urls_still_resolve(site):
    """Adding pages is fine; removing or renaming a published page or anchor is not."""
    missing = []
    cache: dict[str, set] = {}
    for entry in published_entries():
        path, _, anchor = entry.partition("#")
        html = site / path.lstrip("/") / "index.html"
        if not html.exists():
            missing.append(entry)
            continue
        if anchor:
            if path not in cache:           # each page read once (setdefault would read it every time)
                cache[path] = ids_of(html)
            if anchor not in cache[path]:
                missing.append(entry)
    assert not missing, f"{len(missing)} published URLs no longer resolve, e.g. {missing[:5]}"


def test_published_url_list_covers_every_article_paragraph_and_permalink(act):
    entries = set(published_entries())
    for lang, prefix in (("en", "/"), ("zh", "/zh/")):
        for chapter in act.text(lang).chapters:
            assert f"{prefix}chapter-{chapter.num}/#{chapter.id}" in entries
            for article in chapter.articles:
                assert f"{prefix}art/{article.num}/" in entries
                assert all(f"{prefix}chapter-{chapter.num}/#{p.id}" in entries for p in article.paragraphs)

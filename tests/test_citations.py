"""Citations that never break: permalinks, copy-a-citation, side-by-side view, published URLs."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

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
    # A context of its own, without JavaScript: a document of its own. (Copying, landing and the side-by-side rows
    # are checked in test_reader.py, on the pages its walk opens.)
    page = pages(java_script_enabled=False)
    page.goto(f"{server}/art/25/")
    assert in_viewport(page, "art_25")
    assert page.locator("#art_25__para_1").inner_text().startswith("The people")


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

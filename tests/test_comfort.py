"""Reading comfort, checked on the real build: headings as the source writes them, the status line, glossary
links, Chinese punctuation, the map, the Chinese side-by-side page, named downloads and tagged PDFs. What Chromium
shows at desktop and phone widths (term previews, the status line and the text on the first screen, Chinese
typography, the glossary on a phone) is in test_reader.py, on the pages its walk opens once per screen."""
from __future__ import annotations

import json
import re
import subprocess

from bs4 import BeautifulSoup

from build_scripts.languages import PROFILES
from conftest import ROOT, TIMEOUT


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def heading_text(element) -> str:
    for link in element.select(".headerlink, sup.note-ref"):
        link.decompose()
    return element.get_text().strip()


def flat(text: str) -> str:
    return re.sub(r"[\s\u3000]+", " ", text).strip()


# --- 1. headings exactly as the source -------------------------------------------------------------------

def test_chapter_headings_and_title_equal_the_source(site, act):
    for lang in act.langs:
        language, reg, prefix = PROFILES[lang], act.text(lang), act.prefix(lang)
        other = next(code for code in act.langs if code != lang)
        assert heading_text(soup(site, prefix).h1) == act.meta.title[lang]
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        # a heading's editorial note marker stays a marker (<sup>7</sup>), not part of the heading's text;
        # Chinese titles carry invisible zero-width spaces between the words search segments
        titles = {d["location"]: re.sub(r"<sup>\d+</sup>", "", d["title"]).replace("\u200b", "") for d in index["docs"]}
        full = site / prefix / "full" / "index.html"
        for chapter in reg.chapters:
            expected = language.chapter_heading(chapter.num, chapter.title)
            assert "\\" not in expected
            assert heading_text(soup(site, f"{prefix}chapter-{chapter.num}").h1) == expected
            assert titles[f"chapter-{chapter.num}/"] == expected
            h1 = soup(site, f"{prefix}parallel/chapter-{chapter.num}").h1
            other_heading = PROFILES[other].chapter_heading(chapter.num, act.text(other).chapters[chapter.num - 1].title)
            assert h1.select_one("span[lang]").get_text() == other_heading
            assert heading_text(h1) == expected + " · " + other_heading
            article = soup(site, f"{prefix}art/{chapter.articles[0].num}")
            assert article.select(".act-context a")[1].get_text() == expected
            if full.exists():
                assert expected in [heading_text(h) for h in BeautifulSoup(full.read_text(), "lxml")
                                    .select("h1, h2, h3")]
        pdf = subprocess.run(["pdftotext", str(site / "downloads" / f"regulation-{lang}.pdf"), "-"],
                             capture_output=True, text=True, check=True, timeout=TIMEOUT).stdout
        for chapter in reg.chapters:
            assert flat(language.chapter_heading(chapter.num, chapter.title)) in flat(pdf)
        assert flat(act.meta.title[lang]) in flat(pdf)


# --- 3. glossary links -----------------------------------------------------------------------------------

def test_everyday_terms_are_linked_once_per_page_others_once_per_article(site, act):
    everyday = {e.id for e in act.glossary.entries if e.everyday}
    assert len(everyday) == 3
    for lang in act.langs:
        for chapter in act.text(lang).chapters:
            page = soup(site, f"{act.prefix(lang)}chapter-{chapter.num}")
            seen = set()
            for body in page.select(".article-body"):
                for a in body.select("a.term"):
                    entry = a["href"].split("#")[1]
                    key = entry if entry in everyday else (entry, body["data-article"])
                    assert key not in seen, (lang, chapter.num, key)
                    seen.add(key)


def test_term_links_cover_exactly_the_term(site):
    texts = [a.get_text() for a in soup(site, "chapter-4").select("a.term")]
    assert "commerce" in texts and not any("other departments" in t for t in texts)


# --- 4. status line, 5. typography ------------------------------------------------------------------------

def test_english_pages_say_what_the_chinese_is(site):
    line = soup(site, "chapter-4").select_one(".status-line").get_text()
    assert "reference translation made from this English text" in line
    assert "official text is the Chinese published by the Standing Committee" in line


def test_pages_that_are_not_the_text_have_no_notice(site):
    for path in ("downloads", "how-to-cite", "zh/downloads", "zh/how-to-cite"):
        page = soup(site, path)
        assert not page.select(".status-line, .status-notice"), path
        assert page.select_one(".md-copyright").get_text().strip()


def test_chinese_interface_punctuation_is_full_width(site):
    page = soup(site, "zh/glossary")
    heading = page.select_one("#alxa-league") or page.select_one("h3[id^=parent-]")
    assert re.search(r"（.+）", heading.get_text())
    assert "（约）" in page.get_text()
    assert not re.search(r"[\u4e00-\u9fff] ?\((?:约|Alxa)", page.get_text())


# --- 6. map, 2. Chinese side by side ------------------------------------------------------------------------------

def test_map_on_glossary_and_home_in_both_languages(site, act):
    for lang in act.langs:
        for path, small in (("glossary", False), ("", True)):
            page = soup(site, f"{act.prefix(lang)}{path}".rstrip("/") or ".")
            figure = page.select_one("figure.border-map")
            assert figure is not None and figure.svg is not None
            assert len(str(figure).encode()) < 60 * 1024
            assert len(figure.select(".border-map__list li")) == 20
            assert not figure.select("script, image, [href^='http']")


def test_chinese_side_by_side_page_and_its_language_switch(site):
    page = soup(site, "zh/parallel/chapter-4")
    assert page.html["lang"] == "zh-Hans"
    assert page.select_one(".parallel-row p")["lang"] == "zh-Hans"
    switch = page.select_one('a.md-select__link[hreflang="en"]')
    assert switch["href"] == "../../../parallel/chapter-4/"
    assert soup(site, "parallel/chapter-4").select_one('a.md-select__link[hreflang="zh-Hans"]')["href"] \
        == "../../zh/parallel/chapter-4/"


def test_one_not_found_page_per_language(site):
    for prefix, tag in (("", "en"), ("zh/", "zh-Hans")):
        page = BeautifulSoup((site / prefix / "404.html").read_text(encoding="utf-8"), "lxml")
        assert page.html["lang"] == tag
        assert page.select_one(f'a[href="/{prefix}#contents"]')


# --- 8. downloads named for people, tagged PDFs ---------------------------------------------------------------

def test_downloads_are_named_with_their_size(site):
    size = round((site / "downloads" / "regulation-en.pdf").stat().st_size / 1024)
    assert f"PDF, English ({size} KB)" in soup(site, "downloads").get_text()
    assert f"英文 PDF（{size} KB）" in soup(site, "zh/downloads").get_text()
    assert f"PDF, English ({size} KB)" in soup(site, "chapter-4").get_text()


def test_every_link_to_a_whole_file_on_the_downloads_page_gives_its_size(site):
    """The hand-written paragraphs' links as well as the generated lists, in each language. (The offline copy's
    zip holds the pages themselves, and SHA256SUMS covers the zip, so their sizes cannot be on them.)"""
    after_pages = ("regulation-site.zip", "SHA256SUMS")
    for prefix, sized in (("", "{text} ({size} KB)"), ("zh/", "{text}（{size} KB）")):
        page = soup(site, f"{prefix}downloads")
        checked = set()
        for a in page.select("article a[href]"):
            href = a["href"]
            target = (site / prefix / "downloads" / href).resolve()
            if ("#" in href or not target.is_file() or target.name in after_pages
                    or not target.is_relative_to((site / "downloads").resolve())):
                continue
            size = round(target.stat().st_size / 1024)
            assert a.get_text().endswith(sized.format(text="", size=size)), (prefix, href, a.get_text())
            checked.add(href)
        written = (ROOT / "source" / "pages" / (prefix or "en/") / "downloads.md").read_text(encoding="utf-8")
        by_hand = {href for href in re.findall(r'<a href="([^"#]+)">', written) if not href.endswith(after_pages)}
        assert len(by_hand) >= 6 and by_hand <= checked, prefix


def test_pdfs_are_tagged(site):
    for pdf in sorted((site / "downloads").glob("*.pdf")):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=TIMEOUT).stdout
        assert re.search(r"^Tagged:\s+yes", info, re.M), pdf.name

"""Reading comfort, checked on the real build in Chromium at desktop and phone widths: headings as the source
writes them, status line, glossary links and previews, Chinese typography, the map, the glossary on a
phone, named downloads and tagged PDFs."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from build_scripts.languages import PROFILES
from conftest import ROOT, TIMEOUT

WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


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


@pytest.mark.parametrize("width", WIDTHS)
def test_a_term_preview_opens_in_place_and_does_not_cover_the_line(pages, server, width):
    page = pages(viewport=dict(zip(("width", "height"), WIDTHS[width])),
                 has_touch=width == "phone", is_mobile=width == "phone")
    page.goto(f"{server}/zh/chapter-4/")
    term = page.locator("#art_26__para_1 a.term").first
    term.scroll_into_view_if_needed()
    if width == "phone":
        term.tap()
    else:
        term.click()
    preview = page.locator(".term-preview")
    preview.wait_for(state="visible")
    assert page.url.endswith("/zh/chapter-4/")
    box, line = preview.bounding_box(), term.bounding_box()
    assert box["y"] >= line["y"] + line["height"] or box["y"] + box["height"] <= line["y"]
    assert float(preview.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")) >= 14
    assert preview.locator("a[href*='glossary/#']").count() == 1
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden", timeout=5000)
    note = page.locator("sup.note-ref a").first
    note.click()
    preview.wait_for(state="visible")
    assert page.url.endswith("/zh/chapter-4/")


# --- 4. status line, 5. typography: in the browser at both widths ------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["chapter-4/", "zh/chapter-4/", "art/25/", "zh/art/25/"])
def test_status_once_and_text_in_the_first_screen(pages, server, width, path):
    page = pages(viewport=dict(zip(("width", "height"), WIDTHS[width])))
    page.goto(f"{server}/{path}")
    assert page.locator(".status-line").count() == 1
    assert page.locator(".status-line a[href*='about/#texts']").count() == 1
    assert page.locator(".admonition.status-notice").count() == 0
    top = page.evaluate("document.querySelector('.article-body .para').getBoundingClientRect().top")
    assert top < WIDTHS[width][1] - 30


def test_english_pages_say_what_the_chinese_is(site):
    line = soup(site, "chapter-4").select_one(".status-line").get_text()
    assert "reference translation made from this English text" in line
    assert "official text is the Chinese published by the Standing Committee" in line


def test_pages_that_are_not_the_text_have_no_notice(site):
    for path in ("downloads", "how-to-cite", "zh/downloads", "zh/how-to-cite"):
        page = soup(site, path)
        assert not page.select(".status-line, .status-notice"), path
        assert page.select_one(".md-copyright").get_text().strip()


@pytest.mark.parametrize("width", WIDTHS)
def test_chinese_typography(pages, server, width):
    page = pages(viewport=dict(zip(("width", "height"), WIDTHS[width])))
    page.goto(f"{server}/zh/")
    assert page.evaluate("getComputedStyle(document.querySelector('.adoption')).fontStyle") == "normal"
    assert page.evaluate("getComputedStyle(document.body).fontFamily").lstrip().startswith('"PingFang SC"')
    page.goto(f"{server}/zh/chapter-4/")
    para = page.locator("#art_25__para_2")
    assert "Serif CJK" in para.evaluate("e => getComputedStyle(e).fontFamily").split(",")[0]
    size = float(para.evaluate("e => getComputedStyle(e).fontSize").rstrip("px"))
    assert float(para.evaluate("e => getComputedStyle(e).textIndent").rstrip("px")) == pytest.approx(2 * size)
    number = page.locator("#art_25__para_1 > strong.art-num:first-child")     # 第二十五条 opens the paragraph
    assert number.inner_text().strip() == "第二十五条"
    assert number.evaluate("e => getComputedStyle(e).fontWeight") == "700"
    assert float(page.locator("#art_25__para_1").evaluate("e => getComputedStyle(e).textIndent").rstrip("px")) \
        == pytest.approx(2 * size)
    page.goto(f"{server}/chapter-4/")
    para = page.locator("#art_25__para_2")
    family = para.evaluate("e => getComputedStyle(e).fontFamily")
    assert family.rstrip().endswith("serif") and "sans" not in family.split(",")[0].lower()
    if width == "desktop":
        chars = page.evaluate("""() => { const p = document.querySelector('#art_23__para_1');
            const r = document.createRange(); r.selectNodeContents(p);
            const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
            return p.textContent.length / lines.size; }""")
        assert chars <= 82


def test_chinese_interface_punctuation_is_full_width(site):
    page = soup(site, "zh/glossary")
    heading = page.select_one("#alxa-league") or page.select_one("h3[id^=parent-]")
    assert re.search(r"（.+）", heading.get_text())
    assert "（约）" in page.get_text()
    assert not re.search(r"[\u4e00-\u9fff] ?\((?:约|Alxa)", page.get_text())


# --- 6. map, 7. glossary on a phone, 2. Chinese side by side -------------------------------------------------

def test_map_on_glossary_and_home_in_both_languages(site, act):
    for lang in act.langs:
        for path, small in (("glossary", False), ("", True)):
            page = soup(site, f"{act.prefix(lang)}{path}".rstrip("/") or ".")
            figure = page.select_one("figure.border-map")
            assert figure is not None and figure.svg is not None
            assert len(str(figure).encode()) < 60 * 1024
            assert len(figure.select(".border-map__list li")) == 20
            assert not figure.select("script, image, [href^='http']")


@pytest.mark.parametrize("lang_prefix", ["", "zh/"])
def test_glossary_on_a_phone_is_short_and_any_entry_two_taps_away(pages, server, lang_prefix):
    page = pages(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page.goto(f"{server}/{lang_prefix}glossary/")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 16000, height          # about 30,500 px before the index and folded facts
    page.locator(".glossary-index summary").nth(2).tap()
    link = page.locator(".glossary-index details").nth(2).locator("a").last
    target = link.get_attribute("href")[1:]
    link.tap()
    page.wait_for_function(f"location.hash === '#{target}'")


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

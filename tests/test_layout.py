"""How the text is laid out, measured in Chromium at desktop and phone widths (positions, not pictures): Chinese
articles set with a run-in 第X条, the text on the first phone screen, and the clutter kept out of the text's way
(folded notes, copy buttons on the line of their last word, readable paragraph numbers, glossary links that a
reader can hide, a list of places linked once)."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from build_scripts.languages import PROFILES

from conftest import settled

WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
PHONE = {"viewport": WIDTHS["phone"], "is_mobile": True, "has_touch": True}
LANGS = {"en": "", "zh": "zh/"}


def screen(pages, width):
    return pages(**PHONE) if width == "phone" else pages(viewport=WIDTHS[width])


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


# --- 1. Chinese articles: 第X条 runs into the first paragraph ---------------------------------------------------

# For each article's first paragraph: where its first character stands, where the paragraph's content starts
# (plus its indent), and how far the first line reaches compared with the column.
FIRST_LINES = """() => [...document.querySelectorAll('.article-body')].map(body => {
    const p = body.querySelector('.para'), style = getComputedStyle(p), box = p.getBoundingClientRect();
    const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.textIndent);
    const right = box.right - parseFloat(style.paddingRight);
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent.trim()) node = walker.nextNode();
    const first = document.createRange();
    first.setStart(node, 0); first.setEnd(node, 1);
    const start = first.getClientRects()[0];
    const all = document.createRange();
    all.selectNodeContents(p);
    const line = [...all.getClientRects()].filter(r => r.width > 0 && Math.abs(r.top - start.top) < 2);
    return {article: body.dataset.article, start: start.left, left, right, size: parseFloat(style.fontSize),
            lineRight: Math.max(...line.map(r => r.right)), lines: new Set([...all.getClientRects()]
              .filter(r => r.width > 0).map(r => Math.round(r.top))).size,
            runIn: p.firstElementChild && p.firstElementChild.matches('strong.art-num')
              ? getComputedStyle(p.firstElementChild).fontWeight : null,
            float: getComputedStyle(document.getElementById('art_' + body.dataset.article)).float};
})"""


@pytest.mark.parametrize("width", WIDTHS)
def test_chinese_first_lines_are_as_wide_as_the_column(pages, server, act, width):
    page = screen(pages, width)
    seen = []
    for chapter in act.text("zh").chapters:
        page.goto(f"{server}/zh/chapter-{chapter.num}/")
        page.evaluate("document.fonts.ready")
        for a in page.evaluate(FIRST_LINES):
            seen.append(int(a["article"]))
            assert a["runIn"] == "700", a                               # 第X条 in bold opens the paragraph
            assert a["float"] == "none", a
            assert abs(a["start"] - a["left"]) < 1, a                    # from the indent, not beside a float
            if a["lines"] > 1:                                           # the first line fills the column
                assert a["lineRight"] >= a["right"] - 1.5 * a["size"], a
    assert seen == [a.num for a in act.text("zh").articles()]


def test_run_in_numbers_come_from_the_profile_and_brackets_once(site, act):
    for lang, prefix in LANGS.items():
        language = PROFILES[lang]
        for path in (f"{prefix}chapter-4", f"{prefix}full", f"{prefix}versions/2024-01-01/chapter-4"):
            page = soup(site, path)
            heading, first = page.find(id="art_25"), page.find(id="art_25__para_1")
            caption = heading.select_one(".caption").get_text()
            assert caption == language.caption(act.captions[25][lang])              # brackets from the profile
            number = first.select_one("strong.art-num")
            if language.article_run_in:
                assert number.get_text() == language.article_label(25) + language.article_run_in, path
                assert number["aria-hidden"] == "true" and number.has_attr("data-search-exclude")
                assert "run-in" in heading["class"]
                assert heading.select_one(".visually-hidden").get_text() == language.article_label(25)
            else:
                assert number is None and not heading.get("class")
                assert heading.get_text().startswith(language.article_label(25))
        # Article pages keep the number in their title.
        assert soup(site, f"{prefix}art/25").select("strong.art-num") == []


def test_search_titles_name_the_article_and_its_caption(site, act):
    import json
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    title = next(d["title"] for d in index["docs"] if d["location"] == "chapter-4/#art_25").replace("\u200b", "")
    assert title == "第二十五条 " + PROFILES["zh"].caption(act.captions[25]["zh"])
    text = next(d["text"] for d in index["docs"] if d["location"] == "chapter-4/#art_25").replace("\u200b", "")
    assert "第二十五条" not in text


@pytest.mark.parametrize("width", WIDTHS)
def test_chinese_caption_line_and_its_controls(pages, server, width):
    page = screen(pages, width)
    page.goto(f"{server}/zh/chapter-4/#art_25")
    settled(page)
    heading = page.locator("#art_25")
    assert heading.evaluate("h => getComputedStyle(h.querySelector('.caption'), '::before').content") == "none"
    link, button = heading.locator(".headerlink").bounding_box(), heading.locator(".cite-button").bounding_box()
    assert link["x"] + link["width"] <= button["x"] or button["x"] + button["width"] <= link["x"]    # no overlap
    body = page.locator("#art_25__para_1").bounding_box()
    assert heading.bounding_box()["y"] + heading.bounding_box()["height"] <= body["y"] + 1    # a line above the text


def test_printed_chinese_chapter_runs_the_number_in(pages, server):
    page = pages(viewport=WIDTHS["desktop"])
    page.goto(f"{server}/zh/chapter-4/")
    page.emulate_media(media="print")
    assert page.locator("#art_25__para_1 strong.art-num").is_visible()
    assert page.locator("#art_25 .caption").is_visible()
    assert page.locator("#art_25").evaluate("h => getComputedStyle(h).float") == "none"


# --- 2. the first phone screen ---------------------------------------------------------------------------------

FIRST_WORDS = """() => { const p = document.querySelector('.article-body .para');
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent.trim()) node = walker.nextNode();
    const r = document.createRange(); r.setStart(node, 0); r.setEnd(node, 1);
    return r.getBoundingClientRect().top; }"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_header_names_the_page_it_is_on(pages, server, lang):
    """Pages without the act's context line (glossary, versions) name themselves in a phone's header, whole,
    instead of the site's name cut after a word."""
    page, prefix, language = pages(**PHONE), LANGS[lang], PROFILES[lang]
    for path, word in (("glossary/", "glossary"), ("versions/", "versions")):
        page.goto(f"{server}/{prefix}{path}")
        shown = page.evaluate("getComputedStyle(document.querySelector('.md-header__ellipsis'), '::after').content")
        assert shown == f'"{language.words[word]}"', path
        box = page.locator(".md-header__ellipsis").bounding_box()
        assert page.evaluate("e => e.scrollWidth <= e.clientWidth + 1",
                             page.locator(".md-header__ellipsis").element_handle()), path
        assert box["width"] > 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_law_starts_on_the_first_phone_screen(pages, server, act, lang):
    page, prefix, language = pages(**PHONE), LANGS[lang], PROFILES[lang]
    for chapter in act.text(lang).chapters:                     # long titles and chapter notes included
        page.goto(f"{server}/{prefix}chapter-{chapter.num}/")
        page.evaluate("document.fonts.ready")
        assert page.evaluate(FIRST_WORDS) <= 400, chapter.num
    page.goto(f"{server}/{prefix}chapter-4/")
    settled(page)
    assert page.evaluate(FIRST_WORDS) <= 400
    assert page.locator(".act-context").is_visible()
    assert not page.locator(".chapter-toc").is_visible()
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)") <= 25
    # The header names the chapter, whole.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header__ellipsis'), '::after').content") \
        == f'"{language.chapter_label(4)}"'
    # Status and currency: one line that opens the full statement in place.
    status = page.locator("details.text-status")
    assert status.count() == 1 and not status.evaluate("d => d.open")
    summary = status.locator("summary")
    for text in (act.meta.languages[lang].label[lang], language.date_short(act.meta.effective),
                 language.date_short(act.meta.checked)):
        assert text in summary.inner_text()
    summary.tap()
    assert page.locator(".status-line").is_visible() and page.locator(".currency-line").is_visible()
    # Downloads and the side-by-side view come after the chapter's last article.
    last = page.locator(".article-body").last.bounding_box()
    for selector in (".downloads-bar", "a.view-parallel"):
        assert page.locator(selector).bounding_box()["y"] >= last["y"] + last["height"], selector


@pytest.mark.parametrize("lang", LANGS)
def test_the_cited_paragraph_is_whole_on_the_first_phone_screen(pages, server, lang):
    page = pages(**PHONE)
    page.goto(f"{server}/{LANGS[lang]}art/25/#art_25__para_2")
    settled(page)
    header = page.locator(".md-header").bounding_box()
    para = page.locator("#art_25__para_2").bounding_box()
    assert para["y"] >= header["y"] + header["height"]
    assert para["y"] + para["height"] <= WIDTHS["phone"]["height"]


@pytest.mark.parametrize("width", WIDTHS)
def test_side_by_side_is_the_language_menus_third_choice(pages, server, width):
    page = screen(pages, width)
    page.goto(f"{server}/zh/chapter-4/#art_25__para_2")
    links = page.locator(".md-select__list a.md-select__link")
    assert links.count() == 3
    both = links.nth(2)
    assert both.inner_text().strip() == "English + 中文"
    assert both.evaluate("a => a.href") == f"{server}/zh/parallel/chapter-4/#art_25__para_2"    # the place is kept
    if width == "phone":
        page.locator(".md-header__option .md-select button").tap()
    else:
        page.locator(".md-header__option .md-select").hover()
    both.click()
    page.wait_for_url(f"{server}/zh/parallel/chapter-4/#art_25__para_2")


def test_side_by_side_choice_only_where_there_is_a_view(site):
    assert soup(site, "chapter-4").select('a.md-select__link[data-view="parallel"]')
    for path in ("art/25", "versions/2024-01-01/chapter-4", "glossary", "zh"):
        assert not soup(site, path).select('a.md-select__link[data-view]'), path


# --- 3. less in the text -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
def test_notes_are_folded_and_still_reached(pages, server, act, width):
    page = screen(pages, width)
    note = next(n for n in act.notes_for("zh") if n.place.startswith("art_"))
    page.goto(f"{server}/zh/chapter-{act.text('zh').chapter_of(int(note.place.split('__')[0][4:])).num}/")
    fold = page.locator(f"details.editorial-notes:has(#{note.id})")
    assert not fold.evaluate("d => d.open")
    assert fold.locator("summary").inner_text().strip() == PROFILES["zh"].words["notes_summary"].format(
        n=fold.locator("li").count())
    marker = page.locator(f"#{note.id}-ref")
    marker.tap() if width == "phone" else marker.click()
    preview = page.locator(".term-preview")
    preview.wait_for(state="visible")
    assert note.text in preview.inner_text()
    page.keyboard.press("Escape")
    page.evaluate(f"location.hash = '#{note.id}'")
    page.wait_for_function("id => document.getElementById(id).closest('details').open", arg=note.id)
    assert page.locator(f"#{note.id}").is_visible()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_copy_buttons_stay_on_the_line_of_their_last_word(pages, server, lang, width):
    page = screen(pages, width)
    page.goto(f"{server}/{LANGS[lang]}chapter-4/")
    alone = page.evaluate("""() => [...document.querySelectorAll('.cite-button')].filter(b => {
        const r = document.createRange(); r.selectNodeContents(b.parentNode);
        const button = b.getBoundingClientRect();
        const text = [...r.getClientRects()].filter(x => x.width > 1 && x.right <= button.left + 1 &&
            x.bottom > button.top && x.top < button.bottom);
        return text.length === 0;
    }).map(b => b.getAttribute('aria-label'))""")
    assert alone == []


def test_paragraph_numbers_are_readable_and_clear_of_the_phone_edge(pages, server):
    page = pages(**PHONE)
    for path in ("chapter-4/", "zh/chapter-4/", "parallel/chapter-4/", "zh/parallel/chapter-4/"):
        page.goto(f"{server}/{path}")
        numbers = page.evaluate("""() => [...document.querySelectorAll('.para')].filter(p =>
            getComputedStyle(p, '::before').content !== 'none').map(p => {
            const s = getComputedStyle(p, '::before');
            return {size: parseFloat(s.fontSize), left: p.getBoundingClientRect().left + parseFloat(s.left)};
        })""")
        assert numbers
        assert all(n["size"] >= 13 and n["left"] >= 8 for n in numbers), numbers[:3]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_reader_can_hide_the_glossary_links(pages, server, width):
    page = screen(pages, width)
    page.goto(f"{server}/zh/chapter-4/")
    toggle = page.locator("button.terms-toggle")
    assert toggle.inner_text().strip().endswith(PROFILES["zh"].words["js_terms_show"])
    assert toggle.get_attribute("aria-pressed") == "true"
    term = page.locator("#art_26__para_1 a.term").first
    colour = term.evaluate("a => getComputedStyle(a).color")
    toggle.tap() if width == "phone" else toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    assert term.get_attribute("href") is None
    assert term.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"
    assert term.evaluate("a => getComputedStyle(a).color === getComputedStyle(a.closest('p')).color")
    term.tap() if width == "phone" else term.click()
    assert page.locator(".term-preview").is_hidden()
    page.reload()                                                       # remembered
    assert page.locator("button.terms-toggle").get_attribute("aria-pressed") == "false"
    assert page.locator("#art_26__para_1 a.term").first.get_attribute("href") is None
    page.locator("button.terms-toggle").click()
    page.wait_for_function("c => getComputedStyle(document.querySelector('#art_26__para_1 a.term')).color === c",
                           arg=colour, timeout=5000)                # a link again (after the theme's transition)
    assert page.locator("#art_26__para_1 a.term").first.get_attribute("href").endswith("glossary/#border-ports")


def test_a_list_of_places_is_linked_once(site, act):
    for lang, prefix in LANGS.items():
        for path in (f"{prefix}chapter-1", f"{prefix}art/2"):
            links = soup(site, path).select("#art_2__para_2 a.term")
            assert len(links) <= 3, (path, [a.get_text() for a in links])
            assert any(a["href"].endswith("glossary/#group-border-areas") for a in links)
        # every entry at most once per article
        for chapter in act.text(lang).chapters:
            for body in soup(site, f"{prefix}chapter-{chapter.num}").select(".article-body"):
                targets = [a["href"] for a in body.select("a.term")]
                assert len(targets) == len(set(targets)), (lang, body["data-article"])

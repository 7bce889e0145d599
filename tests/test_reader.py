"""Finding and citing one article, as a reader does it in Chromium on a desktop and on a phone: article pages,
go to article, search by article number, landing with context, copying a citation, printing."""
from __future__ import annotations

import json
import zipfile

import pytest
from bs4 import BeautifulSoup

from build_scripts.languages import PROFILES

from conftest import search_answered, settled
from test_language_leaks import OTHER_SCRIPT

WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
LANGS = {"en": "", "zh": "zh/"}
SHORT = {"en": "Border Areas Regulations of Inner Mongolia", "zh": "《内蒙古自治区促进边境地区高质量发展条例》"}
# Every form the brief names, in both languages: (typed, article, paragraph)
FORMS = [("25", 25, None), ("Art. 25", 25, None), ("Article 25(2)", 25, 2), ("第25条", 25, None),
         ("第二十五条", 25, None), ("第二十五条第二款", 25, 2)]


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def width(request):
    return request.param


@pytest.fixture
def screen(pages, width):
    page = pages(viewport=WIDTHS[width], permissions=["clipboard-read", "clipboard-write"])
    page.width = width
    return page


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def base_url(site) -> str:
    return soup(site, ".").find("link", rel="canonical")["href"]


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def visible_top(page, selector) -> float:
    """Top of an element relative to the window."""
    return page.evaluate("s => document.querySelector(s).getBoundingClientRect().top", selector)


def background(page, selector) -> str:
    return page.evaluate("s => getComputedStyle(document.querySelector(s)).backgroundColor", selector)


TRANSPARENT = ("rgba(0, 0, 0, 0)", "transparent")


# --- 1. article pages ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_article_page_has_title_chapter_neighbours_and_print(screen, server, site, act, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    screen.goto(f"{server}/{prefix}art/25/")
    heading = screen.locator("h1#art_25")
    assert heading.inner_text().startswith(language.article_label(25))
    assert language.caption(act.captions[25][lang]) in heading.inner_text()
    context = screen.locator(".act-context").inner_text()
    assert SHORT[lang] in context and language.chapter_heading(4, act.text(lang).chapters[3].title) in context
    nav = screen.locator(".article-nav")
    assert nav.locator(".article-prev").get_attribute("href") == "../24/"
    assert nav.locator(".article-next").get_attribute("href") == "../26/"
    assert nav.locator(".article-chapter").get_attribute("href") == "../../chapter-4/#art_25"
    assert screen.locator(".print-button").is_visible()
    # Everything above is in the first screen.
    for selector in (".act-context", "h1#art_25", "#art_25__para_1"):
        assert visible_top(screen, selector) < WIDTHS[screen.width]["height"], selector
    page = soup(site, f"{prefix}art/25")
    url = f"{base_url(site)}{prefix}art/25/"
    assert page.find("link", rel="canonical")["href"] == url
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", hreflang=True)}
    assert alternates["en"] == f"{base_url(site)}art/25/" and alternates["zh-Hans"] == f"{base_url(site)}zh/art/25/"
    # Link previews in the page's language.
    og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    assert og["og:title"].startswith(language.w("article_title", label=language.article_label(25), short=SHORT[lang]))
    assert og["og:title"] == page.title.get_text()
    assert act.text(lang).article(25).paragraphs[0].text[:20] in og["og:description"]
    assert og["og:url"] == url
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_language_switch_lands_on_the_same_article(screen, server):
    screen.goto(f"{server}/art/25/#art_25__para_2")
    if screen.width == "phone":
        screen.locator(".md-header__option .md-select button").click()
    else:
        screen.locator(".md-header__option .md-select").hover()
    screen.get_by_role("link", name="中文", exact=True).click()
    screen.wait_for_url(f"{server}/zh/art/25/#art_25__para_2")
    assert screen.locator("h1#art_25").inner_text().startswith("第二十五条")


def test_published_article_links_keep_working(site, act):
    for lang, prefix in LANGS.items():
        for article in act.text(lang).articles():
            page = soup(site, f"{prefix}art/{article.num}")
            assert page.find(id=article.id).name == "h1"
            assert all(page.find(id=p.id) for p in article.paragraphs)


# --- 2. captions ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_captions_are_marked_as_editorial_everywhere(site, act, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    caption = language.caption(act.captions[46][lang])
    assert caption != act.captions[46][lang]                      # brackets from the profile
    home = soup(site, prefix.rstrip("/") or ".")
    assert len(home.select(".act-toc .caption")) == 73
    assert caption in [c.get_text() for c in home.select(".act-toc .caption")]
    assert home.select_one(".act-toc .captions-note a")["href"].endswith("about/#captions")
    chapter = soup(site, f"{prefix}chapter-6")
    listed = [li.get_text(" ", strip=True) for li in chapter.select(".chapter-toc li")]
    assert f"{language.article_label(46)} {caption}" in listed and len(listed) == 5
    assert chapter.find(id="art_46").select_one(".caption")["title"] == language.words["caption_title"]
    # Never inside the text of the act.
    for page in (chapter, soup(site, f"{prefix}art/46"), soup(site, f"{prefix}full")):
        assert not any(p.select(".caption") for p in page.select(".article-body"))
    about = soup(site, f"{prefix}about")
    assert about.find(id="captions") is not None
    index = json.loads((site / prefix / "search" / "search_index.json").read_text())
    assert any(d["location"] == "chapter-6/#art_46" and act.captions[46][lang] in d["title"] for d in index["docs"])
    data = json.loads((site / "downloads" / "regulation.json").read_text())
    articles = [a for c in data["texts"][lang]["chapters"] for a in c["articles"]]
    assert [a["caption"] for a in articles if a["num"] == 46] == [act.captions[46][lang]]


# --- 3. go to article, search by article number -------------------------------------------------------

def go_to(page, typed):
    if page.width == "phone":
        page.locator(".goto-toggle").click()
    box_ = page.locator(".goto-input")
    assert box_.is_visible()
    box_.fill(typed)
    box_.press("Enter")


# Every form in both languages; the width alternates, so that each language is tried at both widths
# (on a phone the box opens from a button first).
GO_TO = [(lang, width, *form) for i, form in enumerate(FORMS) for j, lang in enumerate(LANGS)
         for width in [list(WIDTHS)[(i + j) % 2]]]


@pytest.mark.parametrize("lang,width,typed,article,paragraph", GO_TO, ids=[f"{g[1]}-{g[2]}-{g[0]}" for g in GO_TO])
def test_go_to_article_box(screen, server, lang, typed, article, paragraph):
    prefix = LANGS[lang]
    screen.goto(f"{server}/{prefix}about/")
    go_to(screen, typed)
    anchor = f"art_{article}__para_{paragraph}" if paragraph else f"art_{article}"
    screen.wait_for_url(f"{server}/{prefix}art/{article}/#{anchor}")
    # The landing scroll runs once the page has loaded: the heading ends up below the header, in view.
    screen.wait_for_function("([h, header]) => document.querySelector(h).getBoundingClientRect().top >= header",
                             arg=[f"h1#art_{article}", box(screen, ".md-header")["height"]], timeout=5000)
    assert visible_top(screen, f"#{anchor}") < WIDTHS[screen.width]["height"]


def test_go_to_article_explains_a_wrong_number(screen, server):
    screen.goto(f"{server}/zh/")
    go_to(screen, "第七十四条")
    message = screen.locator(".goto-message")
    assert message.is_visible() and "73" in message.inner_text()
    assert screen.url == f"{server}/zh/"


def test_go_to_article_in_the_offline_copy(pages, site, tmp_path):
    with zipfile.ZipFile(site / "downloads" / "regulation-site.zip") as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "regulation-site"
    page = pages(offline=True, viewport=WIDTHS["desktop"])
    page.goto((folder / "zh" / "about.html").as_uri())
    page.locator(".goto-input").fill("第二十五条第二款")
    page.locator(".goto-input").press("Enter")
    page.wait_for_url((folder / "zh" / "art" / "25.html").as_uri() + "#art_25__para_2")
    assert page.locator("#art_25__para_2").is_visible()


def search_first(page, query):
    """The address of the first result for ``query`` in the search box of the page that is open."""
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        page.locator('label[for="__search"]').first.click()
    field.click()
    field.fill("")                  # the previous query's results go first, so that they are not taken for these
    page.wait_for_selector(".md-search-result__item", state="detached")
    field.fill(query)
    field.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    search_answered(page)           # Material's own results arrive later; the article must stay first
    return page.locator(".md-search-result__item a.md-search-result__link").first.get_attribute("href")


@pytest.mark.parametrize("lang", LANGS)
def test_search_puts_the_article_first(page, server, lang):
    """Every form, typed one after another on one page (the search index loads once)."""
    prefix = LANGS[lang]
    page.goto(f"{server}/{prefix}chapter-1/")
    for typed, article, paragraph in FORMS:
        first = search_first(page, typed)
        anchor = f"art_{article}__para_{paragraph}" if paragraph else f"art_{article}"
        assert first == f"{server}/{prefix}art/{article}/#{anchor}", typed
        title = page.locator(".md-search-result__item").first.locator("h1").inner_text()
        assert title.startswith(PROFILES[lang].paragraph_ref(article, paragraph)), typed


# --- 4. full text ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_full_text_on_one_page(site, act, lang):
    prefix = LANGS[lang]
    page = soup(site, f"{prefix}full")
    reg = act.text(lang)
    assert [h["id"] for h in page.select("h2[id^=chp_]")] == [c.id for c in reg.chapters]
    assert [h["id"] for h in page.select("h3[id^=art_]")] == [a.id for a in reg.articles()]
    for number in page.select("p.para > strong.art-num"):      # 第二十五条 run into the text (for the eye only)
        number.decompose()
    published = [(p["id"], p.get_text()) for p in page.select("p.para") if not p.select(".note-ref")]
    expected = {p.id: p.text for p in reg.paragraphs()}
    assert len(page.select("p.para")) == len(expected)
    assert all(expected[i] == text for i, text in published)
    home = soup(site, prefix.rstrip("/") or ".")
    assert any(a["href"] == "full/" for a in home.select(".view-links a"))


# --- 5. landing with context -----------------------------------------------------------------------------

def context_line(page) -> str:
    return page.locator(".act-context").inner_text()


@pytest.mark.parametrize("path", ["chapter-4", "art/25", "zh/chapter-4", "zh/art/25"])
def test_paragraph_link_shows_law_chapter_article_and_highlight(screen, server, path):
    lang = "zh" if path.startswith("zh/") else "en"
    screen.goto(f"{server}/{path}/#art_25__para_2")
    settled(screen)
    height = WIDTHS[screen.width]["height"]
    header = box(screen, ".md-header")["height"]
    bar = box(screen, ".act-context")
    assert header - 1 <= bar["y"] < height / 4                       # the context line, under the header
    text = context_line(screen)
    assert SHORT[lang] in text and PROFILES[lang].chapter_label(4) in text
    assert PROFILES[lang].article_label(25) in text
    heading = visible_top(screen, "#art_25")
    assert bar["y"] + bar["height"] - 1 <= heading < height           # the article heading is not hidden
    para = box(screen, "#art_25__para_2")                               # the paragraph: all, or a good part
    assert para["y"] + min(para["height"], 0.25 * height) <= height
    assert background(screen, "#art_25__para_2") not in TRANSPARENT
    assert background(screen, "#art_25__para_1") in TRANSPARENT


@pytest.mark.parametrize("path", ["chapter-4", "zh/art/25"])
def test_article_link_highlights_the_whole_article(screen, server, path):
    screen.goto(f"{server}/{path}/#art_25")
    settled(screen)
    assert background(screen, '.article-body[data-article="25"]') not in TRANSPARENT
    assert background(screen, '.article-body[data-article="25"] #art_25__para_2') in TRANSPARENT   # one band
    assert box(screen, ".act-context")["y"] <= visible_top(screen, "#art_25")
    if "chapter" in path:
        assert background(screen, '.article-body[data-article="26"]') in TRANSPARENT


# --- 5b. side by side: the same components as the chapter page ----------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_side_by_side_lands_with_context_numbers_copy_and_highlight(screen, server, site, act, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    other = next(code for code in LANGS if code != lang)
    height = WIDTHS[screen.width]["height"]
    screen.goto(f"{server}/{prefix}parallel/chapter-4/#art_25")
    settled(screen)
    text = context_line(screen)
    assert text.startswith(SHORT[lang]) and language.chapter_label(4) in text
    assert text.endswith("› " + language.article_label(25))
    bar = box(screen, ".act-context")
    assert bar["y"] + bar["height"] - 1 <= visible_top(screen, "#art_25") < height / 3
    assert background(screen, '.parallel[data-article="25"]') not in TRANSPARENT          # the whole article
    assert background(screen, '.parallel[data-article="26"]') in TRANSPARENT
    # The status and currency as on the chapter page, above the text.
    assert screen.locator(".status-line").count() == 1 and screen.locator(".currency-line").count() == 1
    # Paragraph numbers in both columns (none for an article of one paragraph).
    for tag in (language.tag, PROFILES[other].tag):
        number = screen.evaluate("s => getComputedStyle(document.querySelector(s), '::before').content",
                                 f'#art_25__para_2 p.para[lang="{tag}"]')
        assert number == '"2"'
    assert screen.evaluate("getComputedStyle(document.querySelector('#art_23__para_1 p.para'), '::before').content") \
        in ("none", "normal")
    # A paragraph link: the row of both languages is highlighted, the article stays named above it.
    screen.goto(f"{server}/{prefix}parallel/chapter-4/#art_25__para_2")
    settled(screen)
    assert context_line(screen).endswith("› " + language.article_label(25))
    assert background(screen, "#art_25__para_2") not in TRANSPARENT
    assert background(screen, "#art_25__para_1") in TRANSPARENT
    # Each column's copy button cites in that column's language, with that language's status and pages.
    base = base_url(site)
    for code in (lang, other):
        tag, at = PROFILES[code].tag, act.prefix(code)
        screen.locator(f'#art_25__para_2 p.para[lang="{tag}"] .cite-button').click()
        screen.locator(f'#art_25__para_2 p.para[lang="{tag}"] .cite-copied').wait_for()
        copied = screen.evaluate("navigator.clipboard.readText()").splitlines()
        assert copied[0] == PROFILES[code].citation(act.meta.title[code], 25, 2)
        assert act.meta.languages[code].label[code] in copied[1]
        assert copied[2] == f"{base}{at}art/25/#art_25__para_2"
        assert copied[3].endswith(f"{base}{at}versions/2024-01-01/art/25/#art_25__para_2")
        screen.locator(f'#art_25 .parallel-label[lang="{tag}"] .cite-button').click()
        screen.wait_for_timeout(100)
        assert screen.evaluate("navigator.clipboard.readText()").splitlines()[0] == \
            PROFILES[code].citation(act.meta.title[code], 25)
    # Every label for assistive technology speaks the page's language, beside either text: a copy button beside
    # the other language says what it cites in the page's words and which text it is.
    labels = screen.evaluate("[...document.querySelectorAll('[aria-label]')].map(e => [e.closest('[lang]').lang, "
                             "e.getAttribute('aria-label'), e.classList.contains('cite-button')])")
    per_language = sum(1 + (len(a.paragraphs) if len(a.paragraphs) > 1 else 0) for a in act.text(lang).chapters[3].articles)
    assert sum(1 for *_, cite in labels if cite) == 2 * per_language
    assert [label for tag, label, _ in labels if tag != language.tag or OTHER_SCRIPT[lang].search(label)] == []
    other_label = screen.locator(f'#art_25__para_2 p.para[lang="{PROFILES[other].tag}"] .cite-button')
    assert other_label.get_attribute("aria-label") == language.words["js_copy"] + language.w(
        "copy_other", cite=language.citation(act.meta.title[lang], 25, 2), text=language.w("text_of", language=language.language_name(other)))


def test_side_by_side_uses_the_whole_width_on_a_desktop(screen, server):
    for prefix in LANGS.values():
        screen.goto(f"{server}/{prefix}parallel/chapter-4/#art_25__para_2")
        settled(screen)
        for sidebar in (".md-sidebar--primary", ".md-sidebar--secondary"):
            shown = screen.evaluate("s => { const e = document.querySelector(s); const r = e.getBoundingClientRect();"
                                    " return !e.hidden && getComputedStyle(e).display !== 'none' && r.width > 0 && "
                                    "r.right > 0 && r.left < innerWidth; }", sidebar)
            assert not shown or screen.width == "phone" and sidebar.endswith("primary"), sidebar
        cells = [screen.locator("#art_25__para_2 p.para").nth(i).bounding_box() for i in (0, 1)]
        if screen.width == "desktop":
            assert all(c["width"] >= 480 for c in cells), cells
            assert abs(cells[0]["y"] - cells[1]["y"]) < 2 and cells[1]["x"] >= cells[0]["x"] + cells[0]["width"]
        else:               # one column: the page's language, then the other, paragraph by paragraph
            assert cells[1]["y"] >= cells[0]["y"] + cells[0]["height"]
            assert all(c["x"] >= 8 and c["x"] + c["width"] <= 390 for c in cells)


# Every article, landed on by changing only the fragment of its chapter page (one load per chapter), a paragraph of
# each chapter's last article and a second paragraph: the target near the end of a page cannot reach the top.
LANDING_CONTEXTS = {"desktop": {"viewport": WIDTHS["desktop"]},
                    "phone": {"viewport": WIDTHS["phone"], "is_mobile": True, "has_touch": True}}

READ_LANDING = """() => ({
    here: document.querySelector(".act-context-here").textContent,
    contents: [...document.querySelectorAll('[data-md-component="toc"] .md-nav__link--active')].map(a => a.hash)})"""


def landing_targets(act, chapter):
    articles = chapter.articles
    paragraphs = [articles[-1].paragraphs[-1].id]
    paragraphs += [a.paragraphs[1].id for a in articles if len(a.paragraphs) > 1][:1]
    return [(a.id, a.num) for a in articles] + [(p, int(p.split("__")[0][4:])) for p in paragraphs]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", LANDING_CONTEXTS)
def test_landing_names_the_target_article_until_the_reader_scrolls(pages, server, act, kind, lang):
    page = pages(**LANDING_CONTEXTS[kind])
    wrong, checked = [], 0
    for chapter in act.text(lang).chapters:
        page.goto(f"{server}/{LANGS[lang]}chapter-{chapter.num}/")
        settled(page)
        for target, num in landing_targets(act, chapter):
            page.evaluate("id => { location.hash = id; }", target)
            settled(page)
            seen = page.evaluate(READ_LANDING)
            checked += "__" not in target
            if seen["here"] != " › " + PROFILES[lang].article_label(num) or seen["contents"] != [f"#art_{num}"] * 2:
                wrong.append((target, seen))
    assert checked == 73 and not wrong, wrong
    # Arriving from another page, on the article before the last of a chapter.
    page.goto(f"{server}/{LANGS[lang]}chapter-8/#art_71")
    settled(page)
    assert page.evaluate(READ_LANDING) == {"here": " › " + PROFILES[lang].article_label(71), "contents": ["#art_71"] * 2}


def test_scrolling_by_hand_lets_the_landing_go(pages, server):
    page = pages(**LANDING_CONTEXTS["desktop"])
    page.goto(f"{server}/chapter-4/#art_28")            # the last article: its heading cannot reach the top
    settled(page)
    assert page.evaluate(READ_LANDING)["contents"] == ["#art_28"] * 2
    page.mouse.move(600, 500)
    page.mouse.wheel(0, -1500)                          # the reader goes back up
    settled(page)
    page.wait_for_timeout(100)
    assert PROFILES["en"].article_label(28) not in page.evaluate(READ_LANDING)["here"]
    # The contents show Material's own choice again: the last entry it marked as passed, in each list.
    marks = page.evaluate("""() => [...document.querySelectorAll('[data-md-component="toc"]')].map(list => [
        [...list.querySelectorAll(".md-nav__link--active")].map(a => a.hash),
        [...list.querySelectorAll(".md-nav__link--passed")].map(a => a.hash).slice(-1)])""")
    assert marks and all(active == passed for active, passed in marks), marks


# --- 6. copy a citation ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_copied_citation_has_status_dates_and_absolute_link(screen, server, site, act, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    screen.goto(f"{server}/{prefix}art/25/")
    button = screen.locator("#art_25__para_2 .cite-button")
    size = button.bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24
    button.click()
    confirmation = screen.locator("#art_25__para_2 .cite-copied")
    confirmation.wait_for()
    assert language.words["js_copied"] in confirmation.inner_text()
    copied = screen.evaluate("navigator.clipboard.readText()").splitlines()
    url = f"{base_url(site)}{prefix}art/25/#art_25__para_2"
    assert copied[0] == language.citation(act.meta.title[lang], 25, 2)
    assert act.meta.languages[lang].label[lang] in copied[1]
    assert language.date(act.meta.adopted) in copied[1] and language.date(act.meta.effective) in copied[1]
    assert copied[2] == url
    # The confirmation sits in the line and covers nothing below it.
    shown, nav = confirmation.bounding_box(), box(screen, ".article-nav")
    assert shown["y"] + shown["height"] <= nav["y"]
    # The ¶ link of the heading is the same permanent link.
    assert screen.locator("h1#art_25 a.headerlink").get_attribute("href") == f"{base_url(site)}{prefix}art/25/"
    screen.goto(f"{server}/{prefix}chapter-4/")
    assert screen.locator("#art_26 a.headerlink").get_attribute("href") == f"{base_url(site)}{prefix}art/26/"


def test_offline_copy_cites_the_published_address(site):
    with zipfile.ZipFile(site / "downloads" / "regulation-site.zip") as archive:
        html = archive.read("regulation-site/zh/art/25.html").decode()
    page = BeautifulSoup(html, "lxml")
    assert page.select_one(".article-body")["data-permalink"] == f"{base_url(site)}zh/art/25/"


# --- 7. print ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path,chapter", [("art/25/#art_25__para_2", True), ("zh/chapter-4/#art_25", True),
                                          ("full/", False), ("zh/full/", False)])
def test_printout_names_law_chapter_status_date_and_address(screen, server, site, act, path, chapter):
    lang = "zh" if path.startswith("zh/") else "en"
    language = PROFILES[lang]
    screen.goto(f"{server}/{path}")
    screen.emulate_media(media="print")
    header = screen.locator(".print-header")
    assert header.is_visible()
    text = header.inner_text()
    assert act.meta.title[lang] in text
    assert act.meta.languages[lang].label[lang] in text and language.date(act.meta.adopted) in text
    assert (language.chapter_label(4) in text) == chapter
    url = screen.evaluate("getComputedStyle(document.querySelector('.print-url'), '::after').content")
    assert url.strip('"') == base_url(site) + path.split("#")[0]
    for selector in (".md-header", ".md-sidebar--primary", ".act-context", ".goto-form", ".article-nav",
                     ".print-button", ".cite-button", ".md-footer"):
        assert not screen.locator(selector).first.is_visible(), selector
    term = screen.locator(".article-body a.term").first
    term.evaluate("a => Promise.all(a.getAnimations().map(t => t.finished))")     # Material fades link colours
    assert term.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"
    assert term.evaluate("a => getComputedStyle(a).color === getComputedStyle(a.closest('p')).color")
    for selector in (".para:target", ".article-body"):
        if screen.locator(selector).count():
            assert background(screen, selector) in TRANSPARENT, selector

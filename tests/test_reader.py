"""Reading the law in Chromium, as a reader does on a desktop and on a phone: article pages, go to article, search
(by article number, by name, results that read well), landing with context, copying a citation, printing; how the
chapter, article and side-by-side pages are laid out and behave (Chinese run-in article numbers, the first phone
screen, folded notes, copy buttons, glossary links and previews, typography, the language menu); the online
site asking nothing of other hosts; and, under the site's own security headers (the published folder, served as a
static host serves it), no Content-Security-Policy violation on any page type and no WCAG 2.1 AA violation on the
main ones.

The browser walks the site once per screen (TOUR, below; both screens at once, each in a browser of its own): every
page is loaded once at each width and each test registers what it looks at there as a step; the tests assert on
what the steps saw. Landing on an anchor of a page that is open is done by changing only the fragment, as a link
within the page does; a page is reached by a link, a menu or the go-to box of the page before it when that is what a
test is about; what a step changes in a page (the fragment, print media, an open box, the viewport) it undoes in
the page."""
from __future__ import annotations

import contextlib
import datetime
import io
import json
import re
import zipfile

import pytest
import yaml
from bs4 import BeautifulSoup

from build_scripts.languages import PROFILES

from conftest import ROOT, Missed, Tour, chromium, in_viewport, search_answered, search_cleared, settled
from test_language_leaks import OTHER_SCRIPT

WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
CLIPBOARD = ["clipboard-read", "clipboard-write"]
SCREENS = {"desktop": {"viewport": WIDTHS["desktop"], "permissions": CLIPBOARD},
           "phone": {"viewport": WIDTHS["phone"], "is_mobile": True, "has_touch": True, "permissions": CLIPBOARD}}
LANGS = {"en": "", "zh": "zh/"}
SHORT = {"en": "Border Areas Regulations of Inner Mongolia", "zh": "《内蒙古自治区促进边境地区高质量发展条例》"}
# Every form the brief names, in both languages: (typed, article, paragraph)
FORMS = [("25", 25, None), ("Art. 25", 25, None), ("Article 25(2)", 25, 2), ("第25条", 25, None),
         ("第二十五条", 25, None), ("第二十五条第二款", 25, 2)]
TRANSPARENT = ("rgba(0, 0, 0, 0)", "transparent")
# Registered before any script of a page runs; the browser reports each blocked script, style or request here.
LISTEN = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
    window.__violations.push([e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(" ")));"""

TOUR = Tour(SCREENS)


# Page types no reading test looks at, opened at the desktop width for the policy and accessibility checks (section 16).
OTHER_TYPES = ["about/", "notes/", "downloads/", "how-to-cite/", "versions/2024-01-01/art/25/", "404.html",
               "not-found/", "zh/how-to-cite/", "zh/404.html", "zh/not-found/"]


def route(act) -> list[tuple[str, str]]:
    """The walk, the same at each screen (a page that no step looks at at a screen is left out there): each page
    with the fragment it is loaded with. A page reached from the page before it, by the link, menu or box that a
    test is about, comes right after that page (its fragment serves only if that step failed)."""
    chained = {"chapter-4/", "chapter-6/", "zh/chapter-2/", "zh/chapter-4/", "zh/chapter-6/"}
    # Chapter 8 is loaded with a fragment: arriving on an article from another page.
    chapters = [(f"{prefix}chapter-{c.num}/", "#art_71" if c.num == 8 else "")
                for lang, prefix in LANGS.items() for c in act.text(lang).chapters
                if f"{prefix}chapter-{c.num}/" not in chained]
    return [("", "")] + chapters + [
        ("zh/glossary/", ""), ("zh/chapter-2/", "#art_12__para_1"),          # an "appears in" link of the glossary
        ("zh/chapter-6/", ""), ("chapter-6/", "#art_44__para_2"),            # the language menu, from a paragraph
        ("chapter-4/", "#art_25__para_2"), ("zh/chapter-4/", "#art_25"),     # the language menu, from an article
        ("zh/parallel/chapter-4/", "#art_25__para_2"),                       # the menu's side-by-side choice
        ("parallel/chapter-4/", "#art_25"), ("art/25/", "#art_25__para_2"),  # the go-to box
        ("zh/art/25/", "#art_25__para_2"),                                   # the language menu
        ("full/", ""), ("art/73/", "#art_73"),                               # the go-to box
        ("zh/full/", ""), ("zh/", ""), ("zh/art/1/", "#art_1"),             # the go-to box
        ("glossary/", ""), ("versions/", ""), ("zh/versions/", "")] + [(path, "") for path in OTHER_TYPES]


@pytest.fixture(scope="module")
def seen(server, act):
    """What the steps saw: seen(screen, path, step); and seen.asked, every address the walks asked for. The two
    screens are walked at once, each in a browser of its own."""
    asked = []

    @contextlib.contextmanager
    def open_page(screen):
        # A cold cache, so that every resource is requested (and recorded, for
        # test_online_site_loads_nothing_from_other_hosts).
        with chromium() as browser:
            context = browser.new_context(**SCREENS[screen])
            context.on("request", lambda request: asked.append(request.url))
            context.add_init_script(LISTEN)     # in every document, before any of its scripts runs
            page = context.new_page()
            # What the browser says about the policy, and any script that failed (not requests that find nothing:
            # on a Chinese page Material asks for zh/sitemap.xml, which has never existed).
            page.problems = []
            page.on("console", lambda m: page.problems.append(m.text) if "Content Security Policy" in m.text
                    or "Refused to" in m.text else None)
            page.on("pageerror", lambda e: page.problems.append(str(e)))
            yield page
    read = TOUR.facts_at_once(open_page, f"{server}/", route(act), act=act)
    read.asked = asked
    return read


def lang_of(path: str) -> str:
    return "zh" if path.startswith("zh/") else "en"


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


def context_line(page) -> str:
    return page.locator(".act-context").inner_text()


def clipboard(page) -> list[str]:
    return page.evaluate("navigator.clipboard.readText()").splitlines()


def land(page, fragment: str) -> None:
    """Land on ``fragment`` of the open page as a link within the page does: only the fragment changes (if the page
    is on it already, the fragment is dropped first, without a step of history, so that the landing runs again)."""
    page.evaluate("""f => {
        if (location.hash === f) history.replaceState(null, "", location.pathname + location.search);
        location.hash = f;
    }""", fragment)
    settled(page)


def at_fragment(page, fragment: str) -> None:
    """Land on ``fragment`` unless the page is there already (as it was loaded or arrived at)."""
    if page.evaluate("location.hash") != fragment:
        land(page, fragment)


def open_language_menu(page, screen) -> None:
    if screen == "phone":
        page.locator(".md-header__option .md-select button").click()
    else:
        page.locator(".md-header__option .md-select").hover()


def switch_language(page, at, name: str, path: str) -> None:
    """Choose the language ``name`` in the header's menu and wait for the page at ``path`` (with its fragment)."""
    open_language_menu(page, at.screen)
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_url(f"{at.base}{path}")


def press(page, screen, locator) -> None:
    """A tap on a phone, a click on a desktop."""
    locator.tap() if screen == "phone" else locator.click()


@contextlib.contextmanager
def printing(page):
    page.emulate_media(media="print")
    try:
        yield
    finally:
        page.emulate_media(media="null")


# --- 1. article pages ------------------------------------------------------------------------------

@TOUR.step(r"(zh/)?art/25/")
def article_page(page, at):
    """The article's page at its top, as it opens without a fragment."""
    page.evaluate("scrollTo(0, 0)")
    settled(page)
    nav = page.locator(".article-nav")
    return {"heading": page.locator("h1#art_25").inner_text(), "context": context_line(page),
            "links": {name: nav.locator(f".article-{name}").get_attribute("href")
                      for name in ("prev", "next", "chapter")},
            "print_button": page.locator(".print-button").is_visible(),
            "tops": {s: visible_top(page, s) for s in (".act-context", "h1#art_25", "#art_25__para_1")}}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_article_page_has_title_chapter_neighbours_and_print(seen, site, act, screen, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    shown = seen(screen, f"{prefix}art/25/", article_page)
    assert shown["heading"].startswith(language.article_label(25))
    assert language.caption(act.captions[25][lang]) in shown["heading"]
    context = shown["context"]
    assert SHORT[lang] in context and language.chapter_heading(4, act.text(lang).chapters[3].title) in context
    assert shown["links"] == {"prev": "../24/", "next": "../26/", "chapter": "../../chapter-4/#art_25"}
    assert shown["print_button"]
    # Everything above is in the first screen.
    for selector, top in shown["tops"].items():
        assert top < WIDTHS[screen]["height"], selector
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


@TOUR.step("art/25/", when="leaves")
def chinese_from_the_article(page, at):
    at_fragment(page, "#art_25__para_2")
    switch_language(page, at, "中文", "zh/art/25/#art_25__para_2")
    return {"url": page.url, "heading": page.locator("h1#art_25").inner_text()}


@pytest.mark.parametrize("screen", SCREENS)
def test_language_switch_lands_on_the_same_article(seen, server, screen):
    switched = seen(screen, "art/25/", chinese_from_the_article)
    assert switched["url"] == f"{server}/zh/art/25/#art_25__para_2"
    assert switched["heading"].startswith("第二十五条")


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

def go_to(page, screen, typed):
    if screen == "phone":                   # on a phone the box opens from a button first
        page.locator(".goto-toggle").click()
    field = page.locator(".goto-input")
    if not field.is_visible():
        raise AssertionError("the go-to box is not visible")
    field.fill(typed)
    field.press("Enter")


def landed_by_the_box(page, at, typed, article, paragraph) -> float:
    """Type ``typed`` into the go-to box and wait for the article's page and the landing: where the target stands."""
    anchor = f"art_{article}__para_{paragraph}" if paragraph else f"art_{article}"
    go_to(page, at.screen, typed)
    page.wait_for_url(f"{at.base}{LANGS[lang_of(at.path)]}art/{article}/#{anchor}", timeout=5000)
    # The landing scroll runs once the page has loaded: the heading ends up below the header, in view.
    page.wait_for_function("([h, header]) => document.querySelector(h).getBoundingClientRect().top >= header",
                           arg=[f"h1#art_{article}", box(page, ".md-header")["height"]], timeout=5000)
    return visible_top(page, f"#{anchor}")


@TOUR.step(r"(zh/)?art/25/")
def go_to_every_form(page, at):
    """Every form, typed into the box of the article's own page: the box changes the address within the page, and
    the landing runs. Before each, the fragment goes and the page is scrolled to its end, so each has both to do."""
    tried = {}
    for typed, article, paragraph in FORMS:
        page.evaluate("""() => { history.replaceState(null, "", location.pathname);
                                 scrollTo(0, document.documentElement.scrollHeight); }""")
        try:
            tried[typed] = landed_by_the_box(page, at, typed, article, paragraph)
        except Exception as error:      # noqa: BLE001 - every form is tried, every failing one reported
            tried[typed] = Missed(error).text
    return tried


# From another page the box loads the article's page (these go on to it: the next page of the walk).
@TOUR.step("parallel/chapter-4/", when="leaves")
def go_to_article_25_from_another_page(page, at):
    return {"Article 25(2)": landed_by_the_box(page, at, "Article 25(2)", 25, 2)}


@TOUR.step("full/", screens=["desktop"], when="leaves")
def go_to_article_73_from_another_page(page, at):
    return {"Art. 73": landed_by_the_box(page, at, "Art. 73", 73, None)}


@TOUR.step("zh/", screens=["desktop"], when="leaves")
def go_to_article_1_from_another_page(page, at):
    return {"第一条": landed_by_the_box(page, at, "第一条", 1, None)}


FROM_ELSEWHERE = {("desktop", "en"): [("parallel/chapter-4/", go_to_article_25_from_another_page),
                                      ("full/", go_to_article_73_from_another_page)],
                  ("phone", "en"): [("parallel/chapter-4/", go_to_article_25_from_another_page)],
                  ("desktop", "zh"): [("zh/", go_to_article_1_from_another_page)], ("phone", "zh"): []}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_go_to_article_box(seen, screen, lang):
    """Every form, in each language at each width, typed into the box on the article's own page, and a form typed
    on another page: the address is the article's or paragraph's, and the target is in view below the header."""
    own = seen(screen, f"{LANGS[lang]}art/25/", go_to_every_form)
    tried = {f"{typed} (on its page)": top for typed, top in own.items()}
    for path, step in FROM_ELSEWHERE[screen, lang]:
        tried |= {f"{typed} (on /{path})": top for typed, top in seen(screen, path, step).items()}
    wrong = {typed: top for typed, top in tried.items() if isinstance(top, str) or top >= WIDTHS[screen]["height"]}
    assert len(tried) == len(FORMS) + len(FROM_ELSEWHERE[screen, lang]) and not wrong, wrong


@TOUR.step("zh/")
def go_to_a_wrong_number(page, at):
    go_to(page, at.screen, "第七十四条")
    message = page.locator(".goto-message")
    page.wait_for_timeout(300)      # Material places the focused box's help (its tooltip) within about 150 ms
    shown = {"visible": message.is_visible(), "text": message.inner_text(), "url": page.url,
             # nothing covers it: at its middle and near each end the message is what a tap would reach
             "uncovered": page.evaluate("""() => { const m = document.querySelector('.goto-message');
                 const r = m.getBoundingClientRect(), y = r.top + r.height / 2;
                 return [.1, .5, .9].every(f => m.contains(document.elementFromPoint(r.left + f * r.width, y))); }""")}
    page.locator(".goto-input").fill("")                # the message goes, and the box closes (on a phone)
    page.locator(".goto-input").press("Escape")
    return shown


@pytest.mark.parametrize("screen", SCREENS)
def test_go_to_article_explains_a_wrong_number(seen, server, screen):
    shown = seen(screen, "zh/", go_to_a_wrong_number)
    assert shown["visible"] and "73" in shown["text"] and shown["uncovered"]
    assert shown["url"] == f"{server}/zh/"


def search_first(page, query):
    """The address of the first result for ``query`` in the search box of the page that is open."""
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        page.locator('label[for="__search"]').first.click()
    field.click()
    field.fill("")                  # the previous query's results go first, so that they are not taken for these
    page.wait_for_selector(".md-search-result__item", state="detached")
    search_cleared(page)
    field.fill(query)
    field.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    search_answered(page)           # Material's own results arrive later; the article must stay first
    return page.locator(".md-search-result__item a.md-search-result__link").first.get_attribute("href")


@TOUR.step(r"(zh/)?chapter-1/", screens=["desktop"])
def search_every_form(page, at):
    """Every form, typed one after another into the search box (the search index loads once); then it closes."""
    found = {}
    for typed, _article, _paragraph in FORMS:
        first = search_first(page, typed)
        found[typed] = (first, page.locator(".md-search-result__item").first.locator("h1").inner_text())
    page.locator("input.md-search__input").press("Escape")
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_search_puts_the_article_first(seen, server, lang):
    prefix = LANGS[lang]
    found = seen("desktop", f"{prefix}chapter-1/", search_every_form)
    for typed, article, paragraph in FORMS:
        first, title = found[typed]
        anchor = f"art_{article}__para_{paragraph}" if paragraph else f"art_{article}"
        assert first == f"{server}/{prefix}art/{article}/#{anchor}", typed
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

def paragraph_context(page) -> dict:
    return {"header": box(page, ".md-header")["height"], "bar": box(page, ".act-context"), "text": context_line(page),
            "heading": visible_top(page, "#art_25"), "para": box(page, "#art_25__para_2"),
            "backgrounds": [background(page, "#art_25__para_2"), background(page, "#art_25__para_1")]}


@TOUR.step(r"chapter-4/|(zh/)?art/25/", when="arrival")
def paragraph_link_as_loaded(page, at):
    """Loaded with #art_25__para_2, or arrived at it by the go-to box or the language menu."""
    return paragraph_context(page)


@TOUR.step("zh/chapter-4/")
def paragraph_link_in_the_page(page, at):
    land(page, "#art_25__para_2")
    return paragraph_context(page)


@pytest.mark.parametrize("path", ["chapter-4", "art/25", "zh/chapter-4", "zh/art/25"])
@pytest.mark.parametrize("screen", SCREENS)
def test_paragraph_link_shows_law_chapter_article_and_highlight(seen, screen, path):
    lang = lang_of(path)
    shown = seen(screen, f"{path}/", paragraph_link_in_the_page if path == "zh/chapter-4" else paragraph_link_as_loaded)
    height = WIDTHS[screen]["height"]
    bar = shown["bar"]
    assert shown["header"] - 1 <= bar["y"] < height / 4                    # the context line, under the header
    text = shown["text"]
    assert SHORT[lang] in text and PROFILES[lang].chapter_label(4) in text
    assert PROFILES[lang].article_label(25) in text
    assert bar["y"] + bar["height"] - 1 <= shown["heading"] < height      # the article heading is not hidden
    para = shown["para"]                                                     # the paragraph: all, or a good part
    assert para["y"] + min(para["height"], 0.25 * height) <= height
    highlighted, first = shown["backgrounds"]
    assert highlighted not in TRANSPARENT
    assert first in TRANSPARENT


@TOUR.step(r"chapter-4/|zh/art/25/")
def article_link(page, at):
    land(page, "#art_25")
    return {"article": background(page, '.article-body[data-article="25"]'),
            "paragraph": background(page, '.article-body[data-article="25"] #art_25__para_2'),
            "bar": box(page, ".act-context")["y"], "heading": visible_top(page, "#art_25"),
            "next": background(page, '.article-body[data-article="26"]') if "chapter" in at.path else None}


@pytest.mark.parametrize("path", ["chapter-4", "zh/art/25"])
@pytest.mark.parametrize("screen", SCREENS)
def test_article_link_highlights_the_whole_article(seen, screen, path):
    shown = seen(screen, f"{path}/", article_link)
    assert shown["article"] not in TRANSPARENT
    assert shown["paragraph"] in TRANSPARENT                    # one band
    assert shown["bar"] <= shown["heading"]
    if "chapter" in path:
        assert shown["next"] in TRANSPARENT


# --- 5b. side by side: the same components as the chapter page ----------------------------------------------

@TOUR.step(r"(zh/)?parallel/chapter-4/", when="arrival")
def side_by_side(page, at):
    lang = lang_of(at.path)
    language, other, act = PROFILES[lang], next(code for code in LANGS if code != lang), at.act
    at_fragment(page, "#art_25")        # English: loaded there; Chinese: arrived at a paragraph from the chapter
    shown = {"article": {"text": context_line(page), "bar": box(page, ".act-context"),
                         "heading": visible_top(page, "#art_25"),
                         "backgrounds": [background(page, '.parallel[data-article="25"]'),
                                         background(page, '.parallel[data-article="26"]')]},
             "lines": [page.locator(".status-line").count(), page.locator(".currency-line").count()],
             "numbers": [page.evaluate("s => getComputedStyle(document.querySelector(s), '::before').content",
                                       f'#art_25__para_2 p.para[lang="{tag}"]')
                         for tag in (language.tag, PROFILES[other].tag)],
             "single": page.evaluate("getComputedStyle(document.querySelector('#art_23__para_1 p.para'), '::before')"
                                     ".content")}
    land(page, "#art_25__para_2")
    shown["paragraph"] = {"text": context_line(page), "backgrounds": [background(page, "#art_25__para_2"),
                                                                      background(page, "#art_25__para_1")]}
    copies = {}
    for code in (lang, other):
        tag = PROFILES[code].tag
        page.locator(f'#art_25__para_2 p.para[lang="{tag}"] .cite-button').click()
        page.locator(f'#art_25__para_2 p.para[lang="{tag}"] .cite-copied').wait_for()
        paragraph = clipboard(page)
        page.locator(f'#art_25 .parallel-label[lang="{tag}"] .cite-button').click()
        page.wait_for_timeout(100)
        copies[code] = {"paragraph": paragraph, "article": clipboard(page)}
    shown["copies"] = copies
    shown["labels"] = page.evaluate("[...document.querySelectorAll('[aria-label]')].map(e => [e.closest('[lang]').lang, "
                                    "e.getAttribute('aria-label'), e.classList.contains('cite-button')])")
    shown["other_label"] = page.locator(f'#art_25__para_2 p.para[lang="{PROFILES[other].tag}"] .cite-button') \
        .get_attribute("aria-label")
    return shown


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_side_by_side_lands_with_context_numbers_copy_and_highlight(seen, site, act, screen, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    other = next(code for code in LANGS if code != lang)
    height = WIDTHS[screen]["height"]
    shown = seen(screen, f"{prefix}parallel/chapter-4/", side_by_side)
    article = shown["article"]
    text = article["text"]
    assert text.startswith(SHORT[lang]) and language.chapter_label(4) in text
    assert text.endswith("› " + language.article_label(25))
    bar = article["bar"]
    assert bar["y"] + bar["height"] - 1 <= article["heading"] < height / 3
    assert article["backgrounds"][0] not in TRANSPARENT          # the whole article
    assert article["backgrounds"][1] in TRANSPARENT
    # The status and currency as on the chapter page, above the text.
    assert shown["lines"] == [1, 1]
    # Paragraph numbers in both columns (none for an article of one paragraph).
    assert shown["numbers"] == ['"2"', '"2"']
    assert shown["single"] in ("none", "normal")
    # A paragraph link: the row of both languages is highlighted, the article stays named above it.
    assert shown["paragraph"]["text"].endswith("› " + language.article_label(25))
    assert shown["paragraph"]["backgrounds"][0] not in TRANSPARENT
    assert shown["paragraph"]["backgrounds"][1] in TRANSPARENT
    # Each column's copy button cites in that column's language, with that language's status and pages.
    base = base_url(site)
    for code in (lang, other):
        at = act.prefix(code)
        copied = shown["copies"][code]["paragraph"]
        assert copied[0] == PROFILES[code].citation(act.meta.title[code], 25, 2)
        assert act.meta.languages[code].label[code] in copied[1]
        assert copied[2] == f"{base}{at}art/25/#art_25__para_2"
        assert copied[3].endswith(f"{base}{at}versions/2024-01-01/art/25/#art_25__para_2")
        assert shown["copies"][code]["article"][0] == PROFILES[code].citation(act.meta.title[code], 25)
    # Every label for assistive technology speaks the page's language, beside either text: a copy button beside
    # the other language says what it cites in the page's words and which text it is.
    labels = shown["labels"]
    per_language = sum(1 + (len(a.paragraphs) if len(a.paragraphs) > 1 else 0) for a in act.text(lang).chapters[3].articles)
    assert sum(1 for *_, cite in labels if cite) == 2 * per_language
    assert [label for tag, label, _ in labels if tag != language.tag or OTHER_SCRIPT[lang].search(label)] == []
    assert shown["other_label"] == language.words["js_copy"] + language.w(
        "copy_other", cite=language.citation(act.meta.title[lang], 25, 2), text=language.w("text_of", language=language.language_name(other)))


@TOUR.step(r"(zh/)?parallel/chapter-4/")
def the_whole_width(page, at):
    at_fragment(page, "#art_25__para_2")
    shown = {sidebar: page.evaluate("s => { const e = document.querySelector(s); const r = e.getBoundingClientRect();"
                                    " return !e.hidden && getComputedStyle(e).display !== 'none' && r.width > 0 && "
                                    "r.right > 0 && r.left < innerWidth; }", sidebar)
             for sidebar in (".md-sidebar--primary", ".md-sidebar--secondary")}
    return {"sidebars": shown, "cells": [page.locator("#art_25__para_2 p.para").nth(i).bounding_box() for i in (0, 1)]}


@pytest.mark.parametrize("screen", SCREENS)
def test_side_by_side_uses_the_whole_width_on_a_desktop(seen, screen):
    for prefix in LANGS.values():
        shown = seen(screen, f"{prefix}parallel/chapter-4/", the_whole_width)
        for sidebar, visible in shown["sidebars"].items():
            assert not visible or screen == "phone" and sidebar.endswith("primary"), (prefix, sidebar)
        cells = shown["cells"]
        if screen == "desktop":
            assert all(c["width"] >= 480 for c in cells), cells
            assert abs(cells[0]["y"] - cells[1]["y"]) < 2 and cells[1]["x"] >= cells[0]["x"] + cells[0]["width"]
        else:               # one column: the page's language, then the other, paragraph by paragraph
            assert cells[1]["y"] >= cells[0]["y"] + cells[0]["height"]
            assert all(c["x"] >= 8 and c["x"] + c["width"] <= 390 for c in cells)


# Every article, landed on by changing only the fragment of its chapter page, a paragraph of each chapter's last
# article and a second paragraph: the target near the end of a page cannot reach the top.
READ_LANDING = """() => ({
    here: document.querySelector(".act-context-here").textContent,
    contents: [...document.querySelectorAll('[data-md-component="toc"] .md-nav__link--active')].map(a => a.hash)})"""


def landing_targets(chapter):
    articles = chapter.articles
    paragraphs = [articles[-1].paragraphs[-1].id]
    paragraphs += [a.paragraphs[1].id for a in articles if len(a.paragraphs) > 1][:1]
    return [(a.id, a.num) for a in articles] + [(p, int(p.split("__")[0][4:])) for p in paragraphs]


@TOUR.step(r"(zh/)?chapter-8/", when="arrival")
def arriving_on_an_article(page, at):
    """Arriving from another page, on the article before the last of a chapter (the walk loads it with #art_71)."""
    return page.evaluate(READ_LANDING)


@TOUR.step(r"(zh/)?chapter-\d+/")
def landing(page, at):
    chapter = at.act.text(lang_of(at.path)).chapters[int(re.search(r"chapter-(\d+)", at.path)[1]) - 1]
    seen = []
    for target, num in landing_targets(chapter):
        land(page, f"#{target}")
        seen.append((target, num, page.evaluate(READ_LANDING)))
    return seen


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", SCREENS)
def test_landing_names_the_target_article_until_the_reader_scrolls(seen, act, kind, lang):
    wrong, checked = [], 0
    for chapter in act.text(lang).chapters:
        for target, num, shown in seen(kind, f"{LANGS[lang]}chapter-{chapter.num}/", landing):
            checked += "__" not in target
            if shown["here"] != " › " + PROFILES[lang].article_label(num) or shown["contents"] != [f"#art_{num}"] * 2:
                wrong.append((target, shown))
    assert checked == 73 and not wrong, wrong
    assert seen(kind, f"{LANGS[lang]}chapter-8/", arriving_on_an_article) == \
        {"here": " › " + PROFILES[lang].article_label(71), "contents": ["#art_71"] * 2}


@TOUR.step("chapter-4/", screens=["desktop"], when="last")
def scrolling_by_hand(page, at):
    land(page, "#art_28")                               # the last article: its heading cannot reach the top
    landed = page.evaluate(READ_LANDING)["contents"]
    page.mouse.move(600, 500)
    page.mouse.wheel(0, -1500)                          # the reader goes back up
    settled(page)
    page.wait_for_timeout(100)
    # The contents show Material's own choice again: the last entry it marked as passed, in each list.
    marks = page.evaluate("""() => [...document.querySelectorAll('[data-md-component="toc"]')].map(list => [
        [...list.querySelectorAll(".md-nav__link--active")].map(a => a.hash),
        [...list.querySelectorAll(".md-nav__link--passed")].map(a => a.hash).slice(-1)])""")
    return {"landed": landed, "here": page.evaluate(READ_LANDING)["here"], "marks": marks}


def test_scrolling_by_hand_lets_the_landing_go(seen):
    shown = seen("desktop", "chapter-4/", scrolling_by_hand)
    assert shown["landed"] == ["#art_28"] * 2
    assert PROFILES["en"].article_label(28) not in shown["here"]
    marks = shown["marks"]
    assert marks and all(active == passed for active, passed in marks), marks


# --- 6. copy a citation ------------------------------------------------------------------------------------

@TOUR.step(r"(zh/)?art/25/")
def copy_citation(page, at):
    button = page.locator("#art_25__para_2 .cite-button")
    size = button.bounding_box()
    button.click()
    confirmation = page.locator("#art_25__para_2 .cite-copied")
    confirmation.wait_for()
    return {"size": size, "confirmation": confirmation.inner_text(), "copied": clipboard(page),
            "shown": confirmation.bounding_box(), "nav": box(page, ".article-nav"),
            "permalink": page.locator("h1#art_25 a.headerlink").get_attribute("href")}


@TOUR.step(r"(zh/)?chapter-4/")
def permalink_of_article_26(page, at):
    return page.locator("#art_26 a.headerlink").get_attribute("href")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_copied_citation_has_status_dates_and_absolute_link(seen, site, act, screen, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    shown = seen(screen, f"{prefix}art/25/", copy_citation)
    assert shown["size"]["width"] >= 24 and shown["size"]["height"] >= 24
    assert language.words["js_copied"] in shown["confirmation"]
    copied = shown["copied"]
    url = f"{base_url(site)}{prefix}art/25/#art_25__para_2"
    assert copied[0] == language.citation(act.meta.title[lang], 25, 2)
    assert act.meta.languages[lang].label[lang] in copied[1]
    assert language.date(act.meta.adopted) in copied[1] and language.date(act.meta.effective) in copied[1]
    assert copied[2] == url
    # The confirmation sits in the line and covers nothing below it.
    assert shown["shown"]["y"] + shown["shown"]["height"] <= shown["nav"]["y"]
    # The ¶ link of the heading is the same permanent link.
    assert shown["permalink"] == f"{base_url(site)}{prefix}art/25/"
    assert seen(screen, f"{prefix}chapter-4/", permalink_of_article_26) == f"{base_url(site)}{prefix}art/26/"


def test_offline_copy_cites_the_published_address(site):
    with zipfile.ZipFile(site / "downloads" / "regulation-site.zip") as archive:
        html = archive.read("regulation-site/zh/art/25.html").decode()
    page = BeautifulSoup(html, "lxml")
    assert page.select_one(".article-body")["data-permalink"] == f"{base_url(site)}zh/art/25/"


# --- 7. print ------------------------------------------------------------------------------------------------

HIDDEN_IN_PRINT = (".md-header", ".md-sidebar--primary", ".act-context", ".goto-form", ".article-nav", ".print-button",
                   ".cite-button", ".md-footer")
PRINTED = {"art/25/": "#art_25__para_2", "zh/chapter-4/": "#art_25"}


@TOUR.step(r"art/25/|zh/chapter-4/|(zh/)?full/")
def printout(page, at):
    if at.path in PRINTED:
        at_fragment(page, PRINTED[at.path])
    with printing(page):
        header = page.locator(".print-header")
        shown = {"header": header.is_visible(), "text": header.inner_text(),
                 "url": page.evaluate("getComputedStyle(document.querySelector('.print-url'), '::after').content"),
                 "visible": [s for s in HIDDEN_IN_PRINT if page.locator(s).first.is_visible()]}
        term = page.locator(".article-body a.term").first
        term.evaluate("a => Promise.all(a.getAnimations().map(t => t.finished))")     # Material fades link colours
        shown["term"] = [term.evaluate("a => getComputedStyle(a).textDecorationLine"),
                         term.evaluate("a => getComputedStyle(a).color === getComputedStyle(a.closest('p')).color")]
        shown["backgrounds"] = {s: background(page, s) for s in (".para:target", ".article-body")
                                if page.locator(s).count()}
    return shown


@pytest.mark.parametrize("path,chapter", [("art/25/#art_25__para_2", True), ("zh/chapter-4/#art_25", True),
                                          ("full/", False), ("zh/full/", False)])
@pytest.mark.parametrize("screen", SCREENS)
def test_printout_names_law_chapter_status_date_and_address(seen, site, act, screen, path, chapter):
    lang = lang_of(path)
    language = PROFILES[lang]
    shown = seen(screen, path.split("#")[0], printout)
    assert shown["header"]
    text = shown["text"]
    assert act.meta.title[lang] in text
    assert act.meta.languages[lang].label[lang] in text and language.date(act.meta.adopted) in text
    assert (language.chapter_label(4) in text) == chapter
    assert shown["url"].strip('"') == base_url(site) + path.split("#")[0]
    assert shown["visible"] == []
    assert shown["term"] == ["none", True]
    for selector, colour in shown["backgrounds"].items():
        assert colour in TRANSPARENT, selector


# --- 8. Chinese articles: 第X条 runs into the first paragraph ---------------------------------------------------

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


@TOUR.step(r"zh/chapter-\d+/")
def first_lines(page, at):
    return page.evaluate(FIRST_LINES)


@pytest.mark.parametrize("screen", SCREENS)
def test_chinese_first_lines_are_as_wide_as_the_column(seen, act, screen):
    numbers = []
    for chapter in act.text("zh").chapters:
        for a in seen(screen, f"zh/chapter-{chapter.num}/", first_lines):
            numbers.append(int(a["article"]))
            assert a["runIn"] == "700", a                               # 第X条 in bold opens the paragraph
            assert a["float"] == "none", a
            assert abs(a["start"] - a["left"]) < 1, a                    # from the indent, not beside a float
            if a["lines"] > 1:                                           # the first line fills the column
                assert a["lineRight"] >= a["right"] - 1.5 * a["size"], a
    assert numbers == [a.num for a in act.text("zh").articles()]


@TOUR.step("zh/chapter-4/")
def caption_line(page, at):
    land(page, "#art_25")
    heading = page.locator("#art_25")
    return {"before": heading.evaluate("h => getComputedStyle(h.querySelector('.caption'), '::before').content"),
            "link": heading.locator(".headerlink").bounding_box(),
            "button": heading.locator(".cite-button").bounding_box(),
            "heading": heading.bounding_box(), "body": page.locator("#art_25__para_1").bounding_box()}


@pytest.mark.parametrize("screen", SCREENS)
def test_chinese_caption_line_and_its_controls(seen, screen):
    shown = seen(screen, "zh/chapter-4/", caption_line)
    assert shown["before"] == "none"
    link, button = shown["link"], shown["button"]
    assert link["x"] + link["width"] <= button["x"] or button["x"] + button["width"] <= link["x"]    # no overlap
    heading = shown["heading"]
    assert heading["y"] + heading["height"] <= shown["body"]["y"] + 1                 # a line above the text


@TOUR.step("zh/chapter-4/", screens=["desktop"])
def printed_run_in(page, at):
    with printing(page):
        return {"number": page.locator("#art_25__para_1 strong.art-num").is_visible(),
                "caption": page.locator("#art_25 .caption").is_visible(),
                "float": page.locator("#art_25").evaluate("h => getComputedStyle(h).float")}


def test_printed_chinese_chapter_runs_the_number_in(seen):
    assert seen("desktop", "zh/chapter-4/", printed_run_in) == {"number": True, "caption": True, "float": "none"}


# --- 9. the first phone screen ---------------------------------------------------------------------------------

# Where the first words of the text stand, from the top of the page (as on a page opened without a fragment: the
# header and the context line keep their place in the page as it scrolls).
FIRST_WORDS = """() => { const p = document.querySelector('.article-body .para');
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent.trim()) node = walker.nextNode();
    const r = document.createRange(); r.setStart(node, 0); r.setEnd(node, 1);
    return r.getBoundingClientRect().top + window.scrollY; }"""


@TOUR.step(r"(zh/)?(glossary|versions)/", screens=["phone"])
def header_names_the_page(page, at):
    ellipsis = page.locator(".md-header__ellipsis")
    return {"shown": ellipsis.evaluate("e => getComputedStyle(e, '::after').content"),
            "whole": ellipsis.evaluate("e => e.scrollWidth <= e.clientWidth + 1"),
            "width": ellipsis.bounding_box()["width"]}


@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_header_names_the_page_it_is_on(seen, lang):
    """Pages without the act's context line (glossary, versions) name themselves in a phone's header, whole,
    instead of the site's name cut after a word."""
    prefix, language = LANGS[lang], PROFILES[lang]
    for path, word in (("glossary/", "glossary"), ("versions/", "versions")):
        shown = seen("phone", f"{prefix}{path}", header_names_the_page)
        assert shown["shown"] == f'"{language.words[word]}"', path
        assert shown["whole"], path
        assert shown["width"] > 0


@TOUR.step(r"(zh/)?chapter-\d+/", screens=["phone"], when="arrival")
def first_words(page, at):
    return page.evaluate(FIRST_WORDS)


@TOUR.step(r"(zh/)?chapter-4/", screens=["phone"])
def first_phone_screen(page, at):
    page.evaluate("scrollTo(0, 0)")
    settled(page)
    shown = {"first_words": page.evaluate(FIRST_WORDS), "context": page.locator(".act-context").is_visible(),
             "contents": page.locator(".chapter-toc").is_visible(),
             "h1": page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)"),
             "header": page.locator(".md-header__ellipsis").evaluate("e => getComputedStyle(e, '::after').content")}
    status = page.locator("details.text-status")
    shown["status"] = {"count": status.count(), "open": status.evaluate("d => d.open"),
                       "summary": status.locator("summary").inner_text()}
    status.locator("summary").tap()
    shown["opened"] = [page.locator(".status-line").is_visible(), page.locator(".currency-line").is_visible()]
    last = page.locator(".article-body").last.bounding_box()
    shown["after_the_text"] = {s: page.locator(s).bounding_box()["y"] >= last["y"] + last["height"]
                               for s in (".downloads-bar", "a.view-parallel")}
    status.locator("summary").tap()                      # folded again
    return shown


@pytest.mark.parametrize("lang", LANGS)
def test_the_law_starts_on_the_first_phone_screen(seen, act, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    for chapter in act.text(lang).chapters:                     # long titles and chapter notes included
        assert seen("phone", f"{prefix}chapter-{chapter.num}/", first_words) <= 400, chapter.num
    shown = seen("phone", f"{prefix}chapter-4/", first_phone_screen)
    assert shown["first_words"] <= 400
    assert shown["context"]
    assert not shown["contents"]
    assert shown["h1"] <= 25
    # The header names the chapter, whole.
    assert shown["header"] == f'"{language.chapter_label(4)}"'
    # Status and currency: one line that opens the full statement in place.
    assert shown["status"]["count"] == 1 and not shown["status"]["open"]
    for text in (act.meta.languages[lang].label[lang], language.date_short(act.meta.effective),
                 language.date_short(act.meta.checked)):
        assert text in shown["status"]["summary"]
    assert shown["opened"] == [True, True]
    # Downloads and the side-by-side view come after the chapter's last article.
    assert shown["after_the_text"] == {".downloads-bar": True, "a.view-parallel": True}


@TOUR.step(r"(zh/)?art/25/", screens=["phone"], when="arrival")
def cited_paragraph_on_a_phone(page, at):
    return {"header": box(page, ".md-header"), "para": box(page, "#art_25__para_2")}


@pytest.mark.parametrize("lang", LANGS)
def test_the_cited_paragraph_is_whole_on_the_first_phone_screen(seen, lang):
    shown = seen("phone", f"{LANGS[lang]}art/25/", cited_paragraph_on_a_phone)
    header, para = shown["header"], shown["para"]
    assert para["y"] >= header["y"] + header["height"]
    assert para["y"] + para["height"] <= WIDTHS["phone"]["height"]


@TOUR.step("zh/chapter-4/", when="leaves")
def side_by_side_from_the_menu(page, at):
    at_fragment(page, "#art_25__para_2")
    links = page.locator(".md-select__list a.md-select__link")
    both = links.nth(2)
    shown = {"count": links.count(), "label": both.inner_text().strip(), "href": both.evaluate("a => a.href")}
    if at.screen == "phone":
        page.locator(".md-header__option .md-select button").tap()
    else:
        page.locator(".md-header__option .md-select").hover()
    both.click()
    page.wait_for_url(f"{at.base}zh/parallel/chapter-4/#art_25__para_2")
    shown["url"] = page.url
    return shown


@pytest.mark.parametrize("screen", SCREENS)
def test_side_by_side_is_the_language_menus_third_choice(seen, server, screen):
    shown = seen(screen, "zh/chapter-4/", side_by_side_from_the_menu)
    assert shown["count"] == 3
    assert shown["label"] == "English + 中文"
    assert shown["href"] == f"{server}/zh/parallel/chapter-4/#art_25__para_2"      # the place is kept
    assert shown["url"] == f"{server}/zh/parallel/chapter-4/#art_25__para_2"


# --- 10. less in the text ----------------------------------------------------------------------------------------

def first_note(act):
    return next(n for n in act.notes_for("zh") if n.place.startswith("art_"))


@TOUR.step(r"zh/chapter-\d+/", when="last")
def notes_folded(page, at):
    note = first_note(at.act)
    if at.path != f"zh/chapter-{at.act.text('zh').chapter_of(int(note.place.split('__')[0][4:])).num}/":
        return None
    fold = page.locator(f"details.editorial-notes:has(#{note.id})")
    shown = {"open": fold.evaluate("d => d.open"), "summary": fold.locator("summary").inner_text().strip(),
             "count": fold.locator("li").count()}
    press(page, at.screen, page.locator(f"#{note.id}-ref"))
    preview = page.locator(".term-preview")
    preview.wait_for(state="visible")
    shown["preview"] = preview.inner_text()
    page.keyboard.press("Escape")
    page.evaluate(f"location.hash = '#{note.id}'")
    page.wait_for_function("id => document.getElementById(id).closest('details').open", arg=note.id)
    shown["reached"] = page.locator(f"#{note.id}").is_visible()
    return shown


@pytest.mark.parametrize("screen", SCREENS)
def test_notes_are_folded_and_still_reached(seen, act, screen):
    note = first_note(act)
    chapter = act.text("zh").chapter_of(int(note.place.split("__")[0][4:])).num
    shown = seen(screen, f"zh/chapter-{chapter}/", notes_folded)
    assert not shown["open"]
    assert shown["summary"] == PROFILES["zh"].words["notes_summary"].format(n=shown["count"])
    assert note.text in shown["preview"]
    assert shown["reached"]


@TOUR.step(r"(zh/)?chapter-4/")
def copy_buttons_alone(page, at):
    return page.evaluate("""() => [...document.querySelectorAll('.cite-button')].filter(b => {
        const r = document.createRange(); r.selectNodeContents(b.parentNode);
        const button = b.getBoundingClientRect();
        const text = [...r.getClientRects()].filter(x => x.width > 1 && x.right <= button.left + 1 &&
            x.bottom > button.top && x.top < button.bottom);
        return text.length === 0;
    }).map(b => b.getAttribute('aria-label'))""")


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", LANGS)
def test_copy_buttons_stay_on_the_line_of_their_last_word(seen, lang, screen):
    assert seen(screen, f"{LANGS[lang]}chapter-4/", copy_buttons_alone) == []


@TOUR.step(r"(zh/)?(parallel/)?chapter-4/", screens=["phone"])
def paragraph_numbers(page, at):
    return page.evaluate("""() => [...document.querySelectorAll('.para')].filter(p =>
        getComputedStyle(p, '::before').content !== 'none').map(p => {
        const s = getComputedStyle(p, '::before');
        return {size: parseFloat(s.fontSize), left: p.getBoundingClientRect().left + parseFloat(s.left)};
    })""")


def test_paragraph_numbers_are_readable_and_clear_of_the_phone_edge(seen):
    for path in ("chapter-4/", "zh/chapter-4/", "parallel/chapter-4/", "zh/parallel/chapter-4/"):
        numbers = seen("phone", path, paragraph_numbers)
        assert numbers, path
        assert all(n["size"] >= 13 and n["left"] >= 8 for n in numbers), (path, numbers[:3])


# The reader hides the glossary links on the English chapter, and the Chinese chapter, reached from it by the
# language menu, opens with them hidden (the choice is remembered); shown again there, they are links again.
@TOUR.step("chapter-4/", when="last")
def hiding_the_glossary_links(page, at):
    toggle = page.locator("button.terms-toggle")
    shown = {"label": toggle.inner_text().strip(), "pressed": toggle.get_attribute("aria-pressed")}
    term = page.locator("#art_26__para_1 a.term").first
    shown["colour"] = term.evaluate("a => getComputedStyle(a).color")
    press(page, at.screen, toggle)
    shown["hidden"] = {"pressed": toggle.get_attribute("aria-pressed"), "href": term.get_attribute("href"),
                       "decoration": term.evaluate("a => getComputedStyle(a).textDecorationLine"),
                       "plain": term.evaluate("a => getComputedStyle(a).color === "
                                              "getComputedStyle(a.closest('p')).color")}
    press(page, at.screen, term)
    shown["preview_hidden"] = page.locator(".term-preview").is_hidden()
    return shown


@TOUR.step("zh/chapter-4/", when="arrival")
def glossary_links_stay_hidden(page, at):
    toggle, term = page.locator("button.terms-toggle"), page.locator("#art_26__para_1 a.term").first
    shown = {"label": toggle.inner_text().strip(), "pressed": toggle.get_attribute("aria-pressed"),
             "href": term.get_attribute("href")}
    colour = at.earlier[("chapter-4/", "hiding_the_glossary_links")]["colour"]
    toggle.click()
    try:
        page.wait_for_function("c => getComputedStyle(document.querySelector('#art_26__para_1 a.term')).color === c",
                               arg=colour, timeout=5000)            # a link again (after the theme's transition)
        shown["shown"] = {"pressed": toggle.get_attribute("aria-pressed"), "href": term.get_attribute("href")}
    finally:
        if toggle.get_attribute("aria-pressed") != "true":     # the steps after this one read the links shown
            toggle.click()
    return shown


@pytest.mark.parametrize("screen", SCREENS)
def test_a_reader_can_hide_the_glossary_links(seen, screen):
    hid = seen(screen, "chapter-4/", hiding_the_glossary_links)
    assert hid["label"].endswith(PROFILES["en"].words["js_terms_show"])
    assert hid["pressed"] == "true"
    assert hid["hidden"] == {"pressed": "false", "href": None, "decoration": "none", "plain": True}
    assert hid["preview_hidden"]
    remembered = seen(screen, "zh/chapter-4/", glossary_links_stay_hidden)
    assert remembered["label"].endswith(PROFILES["zh"].words["js_terms_show"])
    assert remembered["pressed"] == "false" and remembered["href"] is None
    assert remembered["shown"]["pressed"] == "true"
    assert remembered["shown"]["href"].endswith("glossary/#border-ports")


# --- 11. glossary links and notes: previews in place -----------------------------------------------------------

@TOUR.step("zh/chapter-4/")
def term_preview(page, at):
    term = page.locator("#art_26__para_1 a.term").first
    term.scroll_into_view_if_needed()
    before = page.url
    press(page, at.screen, term)
    preview = page.locator(".term-preview")
    preview.wait_for(state="visible")
    shown = {"urls": [page.url], "box": preview.bounding_box(), "line": term.bounding_box(),
             "size": float(preview.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")),
             "links": preview.locator("a[href*='glossary/#']").count()}
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden", timeout=5000)
    page.locator("sup.note-ref a").first.click()
    preview.wait_for(state="visible")
    shown["urls"].append(page.url)
    shown["before"] = before
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden", timeout=5000)
    return shown


@pytest.mark.parametrize("screen", SCREENS)
def test_a_term_preview_opens_in_place_and_does_not_cover_the_line(seen, screen):
    shown = seen(screen, "zh/chapter-4/", term_preview)
    assert shown["urls"] == [shown["before"]] * 2                       # the reader stays where they were
    box_, line = shown["box"], shown["line"]
    assert box_["y"] >= line["y"] + line["height"] or box_["y"] + box_["height"] <= line["y"]
    assert shown["size"] >= 14
    assert shown["links"] == 1


@TOUR.step("chapter-4/", screens=["desktop"])
def term_preview_from_the_keyboard(page, at):
    term = page.locator('#art_26__para_1 a.term[href$="#border-ports"]')
    before = page.url
    term.focus()
    page.keyboard.press("Enter")
    preview = page.locator(".term-preview")
    preview.wait_for(state="visible", timeout=5000)
    shown = {"text": preview.inner_text(), "stayed": page.url == before,
             "focus_in_box": page.evaluate("document.activeElement.closest('.term-preview') !== null")}
    page.keyboard.press("Escape")
    shown["hidden"] = preview.is_hidden()
    shown["focus_back"] = page.evaluate("document.activeElement.classList.contains('term')")
    return shown


def test_a_term_opens_its_preview_from_the_keyboard(seen, act):
    shown = seen("desktop", "chapter-4/", term_preview_from_the_keyboard)
    assert "口岸" in shown["text"]
    assert act.glossary.entry("border-ports").definition["en"][:30] in shown["text"]
    assert shown["stayed"]                                      # the reader stays on the page
    assert shown["focus_in_box"]
    assert shown["hidden"]
    assert shown["focus_back"]


@TOUR.step("zh/glossary/", when="leaves")
def appears_in_link(page, at):
    page.evaluate("location.hash = 'gacha'")
    settled(page)
    page.locator('details.glossary-more:has(dl[data-entry="gacha"]) > summary').click()
    link = page.locator('dl[data-entry="gacha"] .appears-in a').first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/zh/chapter-*/#{target}")
    settled(page)
    return {"target": target, "in_view": in_viewport(page, target), "text": page.locator(f"#{target}").inner_text()}


@pytest.mark.parametrize("screen", SCREENS)
def test_appears_in_link_lands_on_the_paragraph(seen, screen):
    shown = seen(screen, "zh/glossary/", appears_in_link)
    assert shown["in_view"]
    assert "嘎查村" in shown["text"]


@TOUR.step(r"(zh/)?glossary/", screens=["phone"])
def glossary_on_a_phone(page, at):
    height = page.evaluate("document.documentElement.scrollHeight")
    page.locator(".glossary-index summary").nth(2).tap()
    link = page.locator(".glossary-index details").nth(2).locator("a").last
    target = link.get_attribute("href")[1:]
    link.tap()
    page.wait_for_function(f"location.hash === '#{target}'")
    return height


@pytest.mark.parametrize("lang_prefix", ["", "zh/"])
def test_glossary_on_a_phone_is_short_and_any_entry_two_taps_away(seen, lang_prefix):
    height = seen("phone", f"{lang_prefix}glossary/", glossary_on_a_phone)
    assert height < 16000, height          # about 30,500 px before the index and folded facts


# --- 12. status line and typography, at both widths -------------------------------------------------------------

@TOUR.step(r"(zh/)?(chapter-4|art/25)/", when="arrival")
def status_and_first_text(page, at):
    return {"status": page.locator(".status-line").count(),
            "about": page.locator(".status-line a[href*='about/#texts']").count(),
            "notice": page.locator(".admonition.status-notice").count(),
            # from the top of the page, as it opens without a fragment
            "top": page.evaluate("document.querySelector('.article-body .para').getBoundingClientRect().top + scrollY")}


@pytest.mark.parametrize("path", ["chapter-4/", "zh/chapter-4/", "art/25/", "zh/art/25/"])
@pytest.mark.parametrize("screen", SCREENS)
def test_status_once_and_text_in_the_first_screen(seen, screen, path):
    shown = seen(screen, path, status_and_first_text)
    assert (shown["status"], shown["about"], shown["notice"]) == (1, 1, 0)
    assert shown["top"] < WIDTHS[screen]["height"] - 30


@TOUR.step(r"zh/|(zh/)?chapter-4/")
def typography(page, at):
    if at.path == "zh/":
        return {"adoption": page.evaluate("getComputedStyle(document.querySelector('.adoption')).fontStyle"),
                "body": page.evaluate("getComputedStyle(document.body).fontFamily")}
    para = page.locator("#art_25__para_2")
    shown = {"family": para.evaluate("e => getComputedStyle(e).fontFamily"),
             "size": float(para.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")),
             "indent": float(para.evaluate("e => getComputedStyle(e).textIndent").rstrip("px"))}
    if at.path == "zh/chapter-4/":
        number = page.locator("#art_25__para_1 > strong.art-num:first-child")     # 第二十五条 opens the paragraph
        shown |= {"number": number.inner_text().strip(),
                  "weight": number.evaluate("e => getComputedStyle(e).fontWeight"),
                  "first_indent": float(page.locator("#art_25__para_1").evaluate("e => getComputedStyle(e).textIndent")
                                        .rstrip("px"))}
    else:
        shown["chars"] = page.evaluate("""() => { const p = document.querySelector('#art_23__para_1');
            const r = document.createRange(); r.selectNodeContents(p);
            const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
            return p.textContent.length / lines.size; }""")
    return shown


@pytest.mark.parametrize("screen", SCREENS)
def test_chinese_typography(seen, screen):
    home = seen(screen, "zh/", typography)
    assert home["adoption"] == "normal"
    assert home["body"].lstrip().startswith('"PingFang SC"')
    zh = seen(screen, "zh/chapter-4/", typography)
    assert "Serif CJK" in zh["family"].split(",")[0]
    assert zh["indent"] == pytest.approx(2 * zh["size"])
    assert zh["number"] == "第二十五条"
    assert zh["weight"] == "700"
    assert zh["first_indent"] == pytest.approx(2 * zh["size"])
    en = seen(screen, "chapter-4/", typography)
    assert en["family"].rstrip().endswith("serif") and "sans" not in en["family"].split(",")[0].lower()
    if screen == "desktop":
        assert en["chars"] <= 82


# --- 13. what a reader sees in place: landing, language switch, printing -------------------------------------------

@TOUR.step("chapter-4/")
def article_link_lands(page, at):
    land(page, "#art_25")
    return {"visible": page.locator("#art_25").is_visible(), "text": page.locator("#art_25").inner_text(),
            "article": in_viewport(page, "art_25"), "chapter": in_viewport(page, "chp_4")}


@pytest.mark.parametrize("screen", SCREENS)
def test_article_link_lands_on_the_article(seen, screen):
    shown = seen(screen, "chapter-4/", article_link_lands)
    assert shown["visible"]
    assert shown["text"].startswith("Article 25")
    assert shown["article"]
    assert not shown["chapter"]


@TOUR.step("chapter-4/", when="leaves")
def chinese_from_the_chapter(page, at):
    at_fragment(page, "#art_25")
    switch_language(page, at, "中文", "zh/chapter-4/#art_25")
    settled(page)
    return {"url": page.url, "heading": page.locator("#art_25").inner_text(), "in_view": in_viewport(page, "art_25")}


@TOUR.step("zh/chapter-6/", when="leaves")
def english_from_a_paragraph(page, at):
    land(page, "#art_44__para_2")
    switch_language(page, at, "English", "chapter-6/#art_44__para_2")
    settled(page)
    return {"url": page.url, "in_view": in_viewport(page, "art_44__para_2")}


@pytest.mark.parametrize("screen", SCREENS)
def test_language_switch_keeps_the_place(seen, server, screen):
    there = seen(screen, "chapter-4/", chinese_from_the_chapter)
    assert there["url"] == f"{server}/zh/chapter-4/#art_25"
    assert there["heading"].startswith("第二十五条")
    assert there["in_view"]
    # And back again, from a paragraph anchor this time.
    back = seen(screen, "zh/chapter-6/", english_from_a_paragraph)
    assert back["url"] == f"{server}/chapter-6/#art_44__para_2"
    assert back["in_view"]


@TOUR.step("zh/chapter-4/", screens=["desktop"])
def printed_text_only(page, at):
    with printing(page):
        shown = {"visible": [s for s in (".md-header", ".md-sidebar--primary", ".md-search", ".md-select", ".md-footer",
                                         ".cite-button") if page.locator(s).first.is_visible()],
                 "text": page.locator("#art_25").is_visible() and page.locator("#art_25__para_1").is_visible()}
    shown["rules"] = page.evaluate("""() => [...document.styleSheets].flatMap(s => { try { return [...s.cssRules] }
        catch (e) { return [] } }).filter(r => r.media && [...r.media].includes('print'))
        .map(r => r.cssText).join(' ')""")
    return shown


def test_printing_a_page_leaves_only_the_text(seen):
    shown = seen("desktop", "zh/chapter-4/", printed_text_only)
    assert shown["visible"] == []
    assert shown["text"]
    assert "break-after: avoid" in shown["rules"]     # article headings stay with their first paragraph


@TOUR.step(r"(zh/)?art/25/|art/73/|zh/art/1/", screens=["desktop"])
def printed_sheets(page, at):
    from pypdf import PdfReader
    sheets = {}
    for size in ("A4", "Letter"):
        pdf = PdfReader(io.BytesIO(page.pdf(format=size)))
        sheets[size] = [p.extract_text() for p in pdf.pages]
    return sheets


@pytest.mark.parametrize("path", ["art/25/", "zh/art/25/", "art/73/", "zh/art/1/"])
def test_printing_one_article_fills_one_page(seen, path):
    """A short article prints on one sheet: no blank second page from the theme's full-window body."""
    for size, sheets in seen("desktop", path, printed_sheets).items():
        assert len(sheets) == 1, (path, size, [len(text) for text in sheets])
        assert sheets[0].strip()


@TOUR.step(r"zh/((glossary|chapter-4|parallel/chapter-4)/)?", screens=["desktop"])
def slanted(page, at):
    shown = {"slanted": page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.closest('[lang]').lang.startsWith('zh') && getComputedStyle(e).fontStyle !== 'normal'
                && [...e.childNodes].some(n => n.nodeType === 3 && /[\u3400-\u9fff]/.test(n.textContent)))
        .map(e => e.tagName + ': ' + e.textContent.slice(0, 40))""")}
    if page.locator(".border-map figcaption").count():
        shown["map"] = page.locator(".border-map figcaption").first.evaluate("e => getComputedStyle(e).fontStyle")
    return shown


@pytest.mark.parametrize("path", ["zh/", "zh/glossary/", "zh/chapter-4/", "zh/parallel/chapter-4/"])
def test_no_chinese_is_slanted(seen, path):
    """Chinese has no italics: nothing in the content of a Chinese page is set slanted (the map's caption was)."""
    shown = seen("desktop", path, slanted)
    assert shown["slanted"] == []
    if "glossary" in path or path == "zh/":
        assert shown["map"] == "normal"


@TOUR.step(r"|chapter-4/|zh/glossary/|parallel/chapter-4/", screens=["desktop"], when="arrival")
def everything_asked_for(page, at):
    page.wait_for_load_state("networkidle")
    return True


def test_online_site_loads_nothing_from_other_hosts(seen, server):
    """Over both walks, each from a cold cache, with the network left to settle on a few kinds of page."""
    for path in ("", "chapter-4/", "zh/glossary/", "parallel/chapter-4/"):
        assert seen("desktop", path, everything_asked_for)
    assert seen("phone", "chapter-1/", landing)                 # the phone's walk has been made too
    assert seen.asked and all(url.startswith(server) for url in seen.asked), \
        [url for url in seen.asked if not url.startswith(server)]


# --- 14. citations that never break, in the browser ------------------------------------------------------------

@TOUR.step("zh/art/25/", screens=["desktop"], when="arrival")
def paragraph_in_view(page, at):
    return in_viewport(page, "art_25__para_2")


def test_article_link_keeps_a_paragraph_fragment(seen):
    assert seen("desktop", "zh/art/25/", paragraph_in_view)


@TOUR.step(r"(zh/)?chapter-4/", screens=["desktop"])
def copy_control(page, at):
    button = page.locator("#art_25__para_2 .cite-button")
    button.focus()                      # reachable by keyboard
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.cite-status').textContent.length > 0")
    shown = {"paragraph": page.evaluate("navigator.clipboard.readText()"),
             "canonical": page.locator('link[rel="canonical"]').get_attribute("href")}
    # The whole article, from the control beside its heading.
    page.locator("#art_21 .cite-button").click()
    page.wait_for_timeout(100)
    shown["article"] = clipboard(page)
    return shown


@pytest.mark.parametrize("lang,prefix,expected", [
    ("en", "", "Article 25(2), Regulations of the Inner Mongolia Autonomous Region on Promoting "
               "High-quality Development in Border Areas"),
    ("zh", "zh/", "《内蒙古自治区促进边境地区高质量发展条例》第二十五条第二款"),
])
def test_copy_control_puts_citation_and_link_on_the_clipboard(seen, lang, prefix, expected):
    shown = seen("desktop", f"{prefix}chapter-4/", copy_control)
    copied = shown["paragraph"]
    base = shown["canonical"].removesuffix(f"{prefix}chapter-4/")
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
    assert shown["article"] == [
        PROFILES[lang].citation(expected.split(", ", 1)[1] if lang == "en" else "内蒙古自治区促进边境地区高质量发展条例", 21),
        details, f"{base}{prefix}art/21/", f"{pinned}{base}{prefix}versions/2024-01-01/art/21/"]


@TOUR.step("parallel/chapter-4/", screens=["desktop"])
def one_row(page, at):
    at_fragment(page, "#art_25")
    row = page.locator("#art_25__para_1")
    en, zh = row.locator('p[lang="en"]'), row.locator('p[lang="zh-Hans"]')
    shown = {"in_view": in_viewport(page, "art_25"), "texts": [en.inner_text(), zh.inner_text()],
             "wide": [en.bounding_box(), zh.bounding_box()]}
    # On a phone the two columns stack.
    page.set_viewport_size({"width": 390, "height": 800})
    try:
        shown["narrow"] = [en.bounding_box(), zh.bounding_box()]
    finally:
        page.set_viewport_size(WIDTHS["desktop"])
        settled(page)
    return shown


def test_side_by_side_shows_both_languages_on_one_row(seen, act):
    shown = seen("desktop", "parallel/chapter-4/", one_row)
    assert shown["in_view"]
    assert shown["texts"] == [act.text(lang).article(25).paragraphs[0].text for lang in ("en", "zh")]
    box_en, box_zh = shown["wide"]
    assert abs(box_en["y"] - box_zh["y"]) < 2 and box_zh["x"] > box_en["x"] + box_en["width"] / 2
    box_en, box_zh = shown["narrow"]
    assert box_zh["y"] >= box_en["y"] + box_en["height"]


# --- 15. search, typed as a reader types it: every query of a language into one page -----------------------------

QUERIES = [
    # (page language, query, expected article location)
    ("zh", "阿拉善左旗", "chapter-1/#art_2"),
    ("zh", "嘎查村", None),                      # many articles: any Chinese article result will do
    ("zh", "二连浩特", "chapter-1/#art_2"),
    ("zh", "边民互市贸易区", "chapter-6/#art_46"),
    ("zh", "第四十六条", "art/46/#art_46"),     # the article itself, first (reader.js)
    ("en", "Erenhot", "chapter-1/#art_2"),
    ("en", "mutual market", "chapter-6/#art_46"),
    ("en", "Article 46", "art/46/#art_46"),
    ("en", "carbon emission", "chapter-3/#art_20"),
]
# What test_search_results_read_well types, besides QUERIES.
READ_WELL = {"en": ["二十五", "第72条", "第二十五条", "ports", "口岸"],
             "zh": ["二十五", "第72条", "第二十五条", "口岸", "ports"]}
# What the search box shows: its count, and each result with the place it links to and its text.
SEEN = r"""() => {
    const meta = document.querySelector(".md-search-result__meta");
    const doc = a => ({at: new URL(a.href).pathname.replace(/^\/(zh\/)?/, "") + new URL(a.href).hash,
                       text: a.innerText.replace(/\u200b/g, "")});
    return {meta: meta.innerText.trim(), meta_shown: meta.offsetParent !== null && getComputedStyle(meta).display !== "none",
            items: [...document.querySelectorAll(".md-search-result__item")].map(li => ({
                goto: li.classList.contains("goto-result"),
                shown: [...li.querySelectorAll(":scope > a")].map(doc),
                folded: [...li.querySelectorAll("details a")].map(doc)})),
            links: [...document.querySelectorAll(".md-search-result__item a.md-search-result__link")].map(a => a.href)};
}"""


def typed(page, query) -> dict:
    field = page.locator("input.md-search__input")
    field.fill("")                  # the previous query's results go first, so that they are not taken for these
    page.wait_for_selector(".md-search-result__item", state="detached")
    search_cleared(page)
    field.fill(query)
    field.press("End")              # Material reads the query on key events; fill() alone sends none
    search_answered(page)
    shown = page.evaluate(SEEN)
    shown["links"] = [link.replace("?h=" + link.split("?h=")[1].split("#")[0], "") if "?h=" in link else link
                      for link in shown["links"]]
    return shown


@TOUR.step(r"(zh/)?chapter-1/", screens=["desktop"])
def search_queries(page, at):
    """What the search box showed for each query of the page's language, typed one after another (an error in one
    is kept for it); then it closes."""
    lang = lang_of(at.path)
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        page.locator('label[for="__search"]').first.click()
    field.click()
    shown = {}
    for query in dict.fromkeys([q for code, q, _ in QUERIES if code == lang] + READ_WELL[lang]):
        try:
            shown[query] = typed(page, query)
        except Exception as error:      # noqa: BLE001 - every query is tried
            shown[query] = Missed(error).text
    field.press("Escape")
    return shown


def answer(answers, query) -> dict:
    if isinstance(answers[query], str):
        pytest.fail(f"{query!r}: {answers[query]}", pytrace=False)
    return answers[query]


@pytest.mark.parametrize("lang", LANGS)
def test_known_queries_find_the_article(seen, server, lang):
    """The right article among the first three; every query that does not find it is reported."""
    answers = seen("desktop", f"{LANGS[lang]}chapter-1/", search_queries)
    prefix = f"{server}/{LANGS[lang]}"
    wrong = {}
    for query_lang, query, expected in QUERIES:
        if query_lang != lang:
            continue
        if isinstance(answers[query], str):
            wrong[query] = answers[query]
            continue
        links = answers[query]["links"]
        top = [link[len(prefix):] for link in links[:3]]
        if not links:
            wrong[query] = "no results"
        # Results stay in the reader's language ...
        elif not all(link.startswith(prefix) and ("/zh/" in link) == (lang == "zh") for link in links):
            wrong[query] = links
        # ... and point at articles, with the expected one among the first three.
        elif expected and expected not in top or not expected and not any("#art_" in link for link in top):
            wrong[query] = top
    assert not wrong, wrong


def places(item) -> list[str]:
    return [d["at"] for d in item["shown"] + item["folded"]]


def pages_with_word(site, lang, word) -> int:
    """The pages whose index sections hold ``word`` as a whole word (what Material counts for it)."""
    index = json.loads((site / ("zh/" if lang == "zh" else "") / "search" / "search_index.json").read_text())
    separator = re.compile(index["config"]["separator"])
    found = {d["location"].split("#")[0] for d in index["docs"]
             if word in separator.split(re.sub("<[^>]+>", " ", d["title"] + " " + d["text"]))}
    return len(found)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_search_results_read_well(seen, site, lang):
    answers = seen("desktop", f"{LANGS[lang]}chapter-1/", search_queries)
    labels = {"en": ("Appears in: Article 26(1)", "Chinese: 口岸"), "zh": ("英文：border ports", "出现于：第二十六条第一款")}
    other = {"en": "口岸", "zh": "ports"}[lang]

    # An article number alone: the article first, and no "no matching documents" above it.
    for query, article in (("二十五", 25), ("第72条", 72)):
        shown = answer(answers, query)
        assert shown["items"][0]["goto"] and places(shown["items"][0]) == [f"art/{article}/#art_{article}"], query
        assert not shown["meta_shown"], (query, shown["meta"])
    # 第二十五条 matches the pages that hold it, not every page on 第.
    shown = answer(answers, "第二十五条")
    assert shown["items"][0]["goto"] and places(shown["items"][0]) == ["art/25/#art_25"]
    material = [item for item in shown["items"] if not item["goto"]]
    assert 0 < len(material) == pages_with_word(site, lang, "第二十五条") < 10, shown
    # Ports: the article captioned with them first; its caption in the other language finds it too.
    first = answer(answers, {"en": "ports", "zh": "口岸"}[lang])["items"][0]
    assert places(first)[0] == "chapter-6/" and {"chapter-6/#art_44", "chapter-6/#art_45"} <= set(places(first))
    if lang == "en":
        assert places(first)[1] == "chapter-6/#art_44"
    shown = answer(answers, other)
    found = [at for item in shown["items"] for at in places(item)]
    assert "chapter-6/#art_44" in found and "glossary/#border-ports" in found, found
    # The glossary's details read as labelled text.
    entry = next(d for item in shown["items"] for d in item["shown"] if d["at"] == "glossary/#border-ports")
    assert all(label in entry["text"] for label in labels[lang]), entry["text"]


# --- 16. under the site's own headers: no policy violation, no WCAG 2.1 AA violation ------------------------------
# The walk is on the published folder with its _headers (conftest.server). At the desktop width each page type is
# checked for Content-Security-Policy violations as it arrives and after the steps above have used it (search, the
# go-to box, copying a citation, previews, the language menu), and the main kinds of page, in both languages, with
# axe-core's WCAG 2.1 AA rules (axe-core in Debian's Chromium).
ACCESSIBLE = ["", "chapter-4/", "glossary/", "zh/", "zh/chapter-4/", "zh/glossary/", "parallel/chapter-4/",
              "how-to-cite/", "zh/how-to-cite/", "art/25/", "zh/art/25/", "zh/parallel/chapter-4/", "downloads/",
              "not-found/", "zh/not-found/"]
# Every rule of these levels runs; only the violations are reported in full (listing each node that passes
# takes axe as long again on a long page such as the glossary).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
# Every type of page (every page of the walk at this width is checked, these at least).
PAGE_TYPES = ["", "chapter-4/", "art/25/", "full/", "parallel/chapter-4/", "glossary/", "notes/", "versions/",
              "versions/2024-01-01/art/25/", "downloads/", "how-to-cite/", "about/", "404.html", "zh/", "zh/chapter-4/",
              "zh/art/25/", "zh/glossary/", "zh/versions/", "zh/404.html"]


def reported(page) -> dict:
    """The violations the page reported and what the browser said since the last look."""
    seen = {"violations": page.evaluate("window.__violations"), "problems": list(page.problems)}
    page.problems.clear()
    return seen


@TOUR.step(r".*", screens=["desktop"], when="arrival")
def policy_as_loaded(page, at):
    # Material's own script has run (it sets up the search) and no violation was reported by then.
    page.wait_for_function("() => document.querySelector('.md-search__input') !== null")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")
    return reported(page)


@TOUR.step("|".join(re.escape(path) for path in ACCESSIBLE), screens=["desktop"])
def accessibility(page, at):
    from axe_playwright_python.sync_playwright import Axe     # here: the quick loop imports this module too
    # The steps before may have scrolled: the header's title fades from the site's name to the page's, and a colour
    # halfway through a fade is not what a reader reads.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    results = Axe().run(page, options=AXE_OPTIONS)
    return {"lang": page.evaluate("document.documentElement.lang"),
            "violations": [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5])
                           for v in results.response["violations"]]}


@TOUR.step(r".*", screens=["desktop"], when="last")
def policy_after_use(page, at):
    # The scripts that set the page up did run: the theme's palette and the go-to box.
    return {**reported(page), "palette": page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
            "goto": page.locator(".goto-input").count()}


def test_every_page_type_runs_without_a_policy_violation(seen, act):
    walked = [path for path, _ in route(act) if TOUR.steps_on("desktop", path)]
    assert set(PAGE_TYPES) <= set(walked)
    problems = {}
    for path in walked:
        for step in (policy_as_loaded, policy_after_use):
            shown = seen("desktop", path, step)
            if shown["violations"] or shown["problems"]:
                problems[path, step.__name__] = shown
    assert not problems, problems
    used = {path: seen("desktop", path, policy_after_use) for path in walked}
    assert all(s["palette"] and s["goto"] == 1 for s in used.values()), used


@pytest.mark.parametrize("path", ACCESSIBLE)
def test_no_wcag_violations_and_the_page_declares_its_language(seen, path):
    shown = seen("desktop", path, accessibility)
    assert shown["lang"] == ("zh-Hans" if path.startswith("zh/") else "en")
    assert shown["violations"] == []


@TOUR.step("glossary/", screens=["desktop"])
def chinese_names(page, at):
    return {"entry": page.locator('dl[data-entry="alxa-left-banner"] [lang="zh-Hans"]').first.text_content(),
            "heading": page.locator('h4#alxa-left-banner [lang="zh-Hans"]').inner_text()}


def test_chinese_names_in_english_pages_are_marked(seen):
    assert seen("desktop", "glossary/", chinese_names) == {"entry": "阿拉善左旗", "heading": "阿拉善左旗"}

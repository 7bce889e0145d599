"""The PDF editions, built from the real source/ and read back with pypdf, fontTools and poppler's pdffonts."""
from __future__ import annotations

import dataclasses
import datetime
import html
import io
import json
import logging
import os
import re
import subprocess
from collections import Counter
from types import SimpleNamespace

import pytest

from build_scripts import pdf
from build_scripts.build import build_moment
from build_scripts.languages import PROFILES
from build_scripts.site_mkdocs import configured_site_url
from conftest import TIMEOUT, EPOCH, ROOT, copy_source, made_once

EDITIONS = {"en": ("en",), "zh": ("zh",), "bilingual": ("en", "zh")}
FOOTER = {"en": r"Page (\d+) of (\d+)", "zh": r"第\s*(\d+)\s*页\s*／?\s*共\s*(\d+)\s*页"}
# The address the shared build was made for (mkdocs.yml's site_url, or SITE_URL): footers and permalinks use it.
SITE_URL = configured_site_url(ROOT / "mkdocs.yml")
MM = 72 / 25.4
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture(scope="session")
def build(act, site, tmp_path_factory):
    """The PDFs of the real build (made in worker processes, or earlier ones with the same inputs from its
    cache), and the same editions made again, once per run, in one process, so that WeasyPrint's warnings can
    be seen."""
    paths = [site / "downloads" / pdf.file_name(edition) for edition in EDITIONS]
    with made_once(tmp_path_factory, "pdf-again") as (folder, make):
        if make:
            collect = _Collect()
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
                moment = build_moment(act)
            logging.getLogger("weasyprint").addHandler(collect)
            try:
                pdf.build_pdfs(act, folder, moment, SITE_URL, parallel=False)
            finally:
                logging.getLogger("weasyprint").removeHandler(collect)
            (folder / "warnings.json").write_text(json.dumps([r.getMessage() for r in collect.records]))
    again = [folder / pdf.file_name(edition) for edition in EDITIONS]
    return SimpleNamespace(paths=dict(zip(EDITIONS, paths)), again=dict(zip(EDITIONS, again)),
                           warnings=json.loads((folder / "warnings.json").read_text()))


@pytest.fixture(scope="session")
def docs(build):
    """edition -> reader, the text lines of each page, and the page index of each named destination."""
    out = {}
    for edition, path in build.paths.items():
        from pypdf import PdfReader       # here, not at the top: the quick loop imports this module too
        reader = PdfReader(path)
        out[edition] = SimpleNamespace(
            reader=reader,
            pages=[page.extract_text().splitlines() for page in reader.pages],
            dests={name: reader.get_destination_page_number(dest)
                   for name, dest in reader.named_destinations.items()})
    return out


def body_pages(doc):
    """Indices of the pages from the first chapter on."""
    return range(doc.dests["chp_1"], len(doc.pages))


def margins(edition) -> int:
    """Lines of the running header and footer at the end of each body page's text: the header, and a footer
    line per language (as test_running_header_and_footer checks)."""
    return 1 + len(EDITIONS[edition])


def page_text(path, number: int, *options, last: int | None = None) -> str:
    """pdftotext of one page (1-based), or of the pages from there to ``last``."""
    return subprocess.run(["pdftotext", *options, "-f", str(number), "-l", str(last or number), str(path), "-"],
                          capture_output=True, text=True, check=True, timeout=TIMEOUT).stdout


def page_words(path, number: int) -> list[tuple[float, float, float, str]]:
    """The words of one page with their place: (xMin, yMin, yMax, text), y from the top of the page."""
    return [(float(x0), float(y0), float(y1), html.unescape(t))
            for x0, y0, _x1, y1, t in WORD.findall(page_text(path, number, "-bbox"))]


def body_text(doc, notes=(), margin_lines=2) -> str:
    """The text from the first chapter on, without the running header and footer (the last lines of
    each page, see margins()) and without the footnotes above them."""
    starts = tuple(" ".join(n.text.split())[:12] for n in notes)

    def text_lines(lines):
        for line in lines:
            m = re.match(r"\d+\. (.*)", line)
            if m and m.group(1).startswith(starts):
                return
            yield line
    return "\n".join(line for i in body_pages(doc) for line in text_lines(doc.pages[i][:-margin_lines]))


def squash(text: str, lang: str) -> str:
    """Text in a form that survives line breaking: English with single spaces, a line ending in a hyphen
    joined to the next without it (a word hyphenated there; a hyphen of the text at a line end is lost too,
    so paragraph_pattern makes every hyphen optional), Chinese without spaces."""
    if lang == "en":
        return " ".join(re.sub(r"-\n", "", text).split())
    return "".join(text.split())


def script(text: str, lang: str) -> str:
    """Only the letters of one script. In the bilingual edition the languages alternate, row by row (and
    within a row, should one ever run over a page), so each language is checked on its own letters."""
    return "".join(re.findall(r"[A-Za-z]+" if lang == "en" else r"[\u4e00-\u9fff]+", text))


def paragraph_texts(reg):
    for paragraph in reg.paragraphs():
        yield paragraph.id, paragraph.text
        for point in paragraph.points:
            yield point.id, f"{PROFILES[reg.lang].point_label(point.num)} {point.text}"


def paragraph_pattern(act, lang, target, text, clean) -> str:
    """The paragraph as a regular expression that allows a footnote call (a number) after each noted phrase
    (pypdf reads them, pdftotext does not) and the loss of a hyphen at a line end (squash)."""
    cuts = sorted(text.index(n.phrase) + len(n.phrase) for n in act.notes_for(lang)
                  if n.target == target and n.phrase and n.phrase in text)
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return r"\d{0,3} ?".join(re.escape(clean(piece)).replace(r"\-", "-?") for piece in pieces)


def assert_in_order(haystack: str, needles):
    """Each (name, regular expression) is found after the previous one."""
    position = 0
    for name, pattern in needles:
        found = re.compile(pattern).search(haystack, position)
        assert found, f"{name} missing or out of order: {pattern[:80]!r}"
        position = found.end()


# --- files, size, speed, reproducibility ----------------------------------------------------------------

def test_three_pdf_files_are_written(build):
    assert [p.name for p in build.paths.values()] == [
        "regulation-en.pdf", "regulation-zh.pdf", "regulation-bilingual.pdf"]
    for path in build.paths.values():
        assert path.read_bytes().startswith(b"%PDF-")
    # Sizes and build time are targets for `make bench`, not test assertions.


def test_two_builds_are_byte_identical(build):
    for edition in EDITIONS:
        assert build.paths[edition].read_bytes() == build.again[edition].read_bytes(), edition


def test_weasyprint_has_nothing_to_complain_about(build):
    assert build.warnings == []


@pytest.mark.build
def test_the_bold_face_is_cut_once_and_kept_for_the_same_labels(act, tmp_path, monkeypatch):
    """A rebuild whose article labels are unchanged reuses the cut bold face; other labels get their own."""
    text, cache = pdf.bold_text(act), tmp_path / "cache"
    cache.mkdir()
    (tmp_path / "cut").mkdir()
    kept = pdf.kept_bold_font(text, tmp_path / "cut", cache)
    assert kept.parent == cache and kept.read_bytes() == pdf.bold_font(text, tmp_path).read_bytes()
    asked = []
    monkeypatch.setattr(pdf, "bold_font", lambda text, folder: asked.append(text) or kept)
    assert pdf.kept_bold_font(text, tmp_path / "cut", cache) == kept and asked == []
    assert pdf.kept_bold_font(text[:-1], tmp_path / "cut", cache) != kept and asked == [text[:-1]]


# --- metadata ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_metadata(docs, act, edition):
    """The title carries each language's status in short form, once; a translation's author is the site's
    editors, not the body that adopted the act; the dates are the build's."""
    reader, langs = docs[edition].reader, EDITIONS[edition]
    meta = reader.metadata
    for lang in langs:
        version = act.meta.languages[lang]
        assert not version.official and version.short[lang]
        assert act.meta.title[lang] in meta.title
        assert meta.title.count(version.short[lang]) == 1, meta.title
        assert act.meta.languages[lang].label[lang] in meta.subject
        assert PROFILES[lang].words["pdf_author"] in meta.author
        assert act.meta.adopting_body[lang] not in meta.author
    assert reader.trailer["/Root"]["/Lang"] == {"en": "en", "zh": "zh-Hans"}[langs[0]]
    when = datetime.datetime.fromtimestamp(EPOCH, datetime.timezone.utc)
    assert meta.creation_date == when and meta.modification_date == when


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_cover_is_the_first_page_and_states_status_currency_and_revision(build, act, edition):
    """The first page (a page per language in the bilingual edition) is the cover: the title, each text's status and the currency statement with the translation
    revision, read from the PDF as a reader sees it; no template syntax anywhere in the text."""
    path = build.paths[edition]
    cover = " ".join(page_text(path, 1, last=len(EDITIONS[edition])).split())     # a page per language
    from pypdf import PdfReader
    everything = page_text(path, 1, last=PdfReader(path).get_num_pages())
    for lang in EDITIONS[edition]:
        assert " ".join(act.meta.title[lang].split()) in cover
        assert act.meta.languages[lang].label[lang] in cover
        revision = PROFILES[lang].w("currency_revision", number=act.meta.revision.number,
                                    date=PROFILES[lang].date(act.meta.revision.date))
        assert " ".join(revision.split()) in cover
    assert not re.search(r"\{[#%{]|[#%}]\}", everything)


def test_the_official_text_has_no_status_in_its_title_and_the_standing_committee_as_author(act):
    """When the official Chinese text replaces the reference translation (languages.zh.status: official in
    regulation.yaml), its PDF's title is the bare title and its author the adopting body: no code changes."""
    official = dataclasses.replace(act.meta.languages["zh"], status="official", short={"en": "", "zh": ""})
    act = dataclasses.replace(act, meta=dataclasses.replace(act.meta, languages={**act.meta.languages, "zh": official}))
    page = pdf.document(act, "zh", build_moment(act), SITE_URL)
    assert f"<title>{act.meta.title['zh']}</title>" in page
    assert f'<meta name="author" content="{act.meta.adopting_body["zh"]}">' in page
    assert PROFILES["zh"].words["pdf_author"] not in page


def test_build_date_without_source_date_epoch_is_the_last_commit_of_the_source(act, tmp_path, monkeypatch):
    """The build's date stays reproducible without SOURCE_DATE_EPOCH: the last commit that changed the source
    folder, and outside a git checkout the newest translation revision's date."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    source = copy_source(tmp_path)
    moved = dataclasses.replace(act, source_dir=source)
    revision = act.meta.revision.date.isoformat()
    assert build_moment(moved).isoformat() == f"{revision}T00:00:00+00:00"      # not a git checkout
    stamp = "2025-03-04T05:06:07+00:00"
    env = dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp, GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "source"]):
        subprocess.run(["git", *command], cwd=tmp_path, env=env, check=True, timeout=TIMEOUT)
    (tmp_path / "elsewhere.txt").write_text("not the source")
    later = dict(env, GIT_AUTHOR_DATE="2026-01-01T00:00:00+00:00", GIT_COMMITTER_DATE="2026-01-01T00:00:00+00:00")
    for command in (["add", "elsewhere.txt"], ["commit", "-q", "-m", "other"]):
        subprocess.run(["git", *command], cwd=tmp_path, env=later, check=True, timeout=TIMEOUT)
    moment = build_moment(moved)
    assert moment.isoformat() == stamp
    html = pdf.document(act, "en", moment, SITE_URL)
    assert '<meta name="dcterms.created" content="2025-03-04T05:06:07Z">' in html



# --- navigation: bookmarks, named destinations, contents ------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_bookmarks_are_chapters_then_their_articles(docs, act, edition):
    doc, langs = docs[edition], EDITIONS[edition]
    outline = doc.reader.outline
    chapters = [item for item in outline if not isinstance(item, list)]
    children = [item for item in outline if isinstance(item, list)]
    assert len(chapters) == len(children) == 9
    assert sum(len(c) for c in children) == 73
    for chapter, bookmark, articles in zip(act.text("en").chapters, chapters, children):
        for lang in langs:
            assert PROFILES[lang].chapter_heading(chapter.num, act.text(lang).chapters[chapter.num - 1].title) \
                in bookmark.title
        assert doc.reader.get_destination_page_number(bookmark) == doc.dests[chapter.id]
        assert len(articles) == len(chapter.articles)
        for article, item in zip(chapter.articles, articles):
            assert not isinstance(item, list), "articles have no bookmarks below them"
            for lang in langs:
                assert re.match(re.escape(PROFILES[lang].article_label(article.num)) + r"(?!\d)",
                                item.title.split(" / ")[langs.index(lang)])
            assert doc.reader.get_destination_page_number(item) == doc.dests[article.id]


@pytest.mark.parametrize("edition", EDITIONS)
def test_named_destinations_lead_to_their_headings(docs, act, edition):
    doc, langs = docs[edition], EDITIONS[edition]
    names = [f"chp_{n}" for n in range(1, 10)] + [f"art_{n}" for n in range(1, 74)]
    assert set(names) <= set(doc.dests)
    pages = [doc.dests[name] for name in names[9:]]
    assert pages == sorted(pages), "articles follow each other"
    for article in act.text("en").articles():
        page = "\n".join(doc.pages[doc.dests[article.id]])
        for lang in langs:
            assert re.search(re.escape(PROFILES[lang].article_label(article.num)) + r"(?!\d)", page), article.id
    prefixes = [""] + ([f"{lang}-" for lang in langs] if len(langs) > 1 else [])
    for paragraph in act.text("en").paragraphs():
        for prefix in prefixes:
            assert prefix + paragraph.id in doc.dests


@pytest.mark.parametrize("edition", EDITIONS)
def test_contents_give_the_page_of_each_chapter(docs, act, edition):
    doc = docs[edition]
    contents = [line for i in range(1, doc.dests["chp_1"]) for line in doc.pages[i][:-len(EDITIONS[edition])]]
    numbers = [int(m[1]) for line in contents if (m := re.search(r"\.\s*(\d+)$", line))]
    assert numbers == [doc.dests[chapter.id] + 1 for chapter in act.text("en").chapters]


@pytest.mark.parametrize("edition", EDITIONS)
def test_running_header_and_footer(docs, act, edition):
    """The footer of every body page: for each language its status in short form, the date the text was last
    checked, the site's address and "page X of Y" (read with pypdf: the last lines of the page)."""
    doc, langs = docs[edition], EDITIONS[edition]
    for i in body_pages(doc):
        footers = doc.pages[i][-len(langs):]
        for lang, footer in zip(langs, footers):
            language = PROFILES[lang]
            assert [tuple(map(int, m)) for m in re.findall(FOOTER[lang], footer)] == [(i + 1, len(doc.pages))]
            assert act.meta.languages[lang].short[lang] in footer
            assert language.date(act.meta.checked) in footer
            assert f"{SITE_URL}{act.prefix(lang)}" in footer


def chapter_at_top(path, act, dests, number) -> int:
    """The chapter of the first text on page ``number`` (1-based), from where things are on the page: the
    chapter of the first chapter, article, paragraph or item that begins at the top of the body (no word
    above it), else that of the last one begun on an earlier page (its text runs on at the top)."""
    chapter_of = {a.num: c.num for c in act.text("en").chapters for a in c.articles}
    words = page_words(path, number)
    height = dests["height"]
    top = min(y0 for _x, y0, y1, _t in words if y0 > 24 * MM and y1 < height - 22 * MM)
    starts = []
    for name, (page, y) in dests["places"].items():
        m = re.search(r"(chp|art)_(\d+)", name)
        if m and (page < number - 1 or page == number - 1 and y <= top + 1):
            num = int(m[2])
            starts.append((page, y, num if m[1] == "chp" else chapter_of[num]))
    return max(starts)[2]


@pytest.mark.parametrize("edition", EDITIONS)
def test_running_head_names_the_chapter_at_the_top_of_each_page(build, docs, act, edition):
    """pdftotext, page by page: the words in the top margin are the heading of the chapter that the first text
    on the page belongs to (the chapter continuing from the page before, unless one begins the page)."""
    path, langs, doc = build.paths[edition], EDITIONS[edition], docs[edition]
    reader = doc.reader
    places = {name: (reader.get_destination_page_number(d), float(reader.pages[0].mediabox.height) - float(d.top))
              for name, d in reader.named_destinations.items()}
    dests = {"places": places, "height": float(reader.pages[0].mediabox.height)}
    wrong, checked = [], 0
    for i in body_pages(doc):
        head = "".join(t for _x, _y0, y1, t in page_words(path, i + 1) if y1 < 24 * MM)
        num = chapter_at_top(path, act, dests, i + 1)
        want = " / ".join(PROFILES[lang].chapter_heading(num, act.text(lang).chapters[num - 1].title) for lang in langs)
        checked += 1
        if "".join(head.split()) != "".join(want.split()):
            wrong.append((i + 1, head, want))
    assert checked == len(doc.pages) - doc.dests["chp_1"] and wrong == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_body_page_footer_says_status_date_and_address(build, act, docs, edition):
    """pdftotext, page by page: the footer (below the body) gives the status, the as-of date, the site's
    address and the page number, in each language of the edition."""
    path, langs, doc = build.paths[edition], EDITIONS[edition], docs[edition]
    for i in body_pages(doc):
        height = float(doc.reader.pages[i].mediabox.height)
        foot = " ".join(t for _x, y0, _y1, t in page_words(path, i + 1) if y0 > height - 22 * MM)
        for lang in langs:
            language = PROFILES[lang]
            assert act.meta.languages[lang].short[lang] in foot, (i + 1, foot)
            assert "".join(language.date(act.meta.checked).split()) in "".join(foot.split()), (i + 1, foot)
            assert f"{SITE_URL}{act.prefix(lang)}" in foot.split(), (i + 1, foot)
            assert [tuple(map(int, m)) for m in re.findall(FOOTER[lang], foot)] == [(i + 1, len(doc.pages))]


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_article_label_links_to_its_permalink(docs, act, edition):
    """A link annotation for every article and language, to site_url + [zh/] + art/N/, on the page where the
    article begins."""
    doc, langs = docs[edition], EDITIONS[edition]
    links = {}
    for i, page in enumerate(doc.reader.pages):
        for annotation in page.get("/Annots") or ():
            annotation = annotation.get_object()
            uri = annotation.get("/A", {}).get("/URI")
            if annotation.get("/Subtype") == "/Link" and uri:
                links.setdefault(str(uri), []).append(i)
    for article in act.text("en").articles():
        for lang in langs:
            where = links.get(f"{SITE_URL}{act.prefix(lang)}art/{article.num}/")
            assert where and where[0] in (doc.dests[article.id], doc.dests[article.id] + 1), (lang, article.id, where)
# --- the text -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_every_heading_and_paragraph_in_order(docs, act, edition):
    doc, langs = docs[edition], EDITIONS[edition]
    text = body_text(doc, [n for lang in langs for n in act.notes_for(lang)], margins(edition))
    assert "\xad" not in text
    for lang in langs:
        reg = act.text(lang)
        assert_in_order(squash(text, "en"), [(article.id, re.escape(PROFILES[lang].article_label(article.num)) + r"(?!\d)")
                                             for article in reg.articles()])
        clean = (lambda t: squash(t, lang)) if len(langs) == 1 else (lambda t: script(t, lang))
        assert_in_order(clean(text), [(name, paragraph_pattern(act, lang, name, value, clean))
                               for name, value in paragraph_texts(reg)])


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_each_note_is_a_footnote_on_the_page_of_its_paragraph(docs, act, edition):
    doc = docs[edition]
    pages = [squash("\n".join(page), edition) for page in doc.pages]
    notes = act.notes_for(edition)
    assert notes
    for note in notes:
        start = squash(note.text, edition)[:40]
        place = note.place if "__" in note.place or note.place.startswith("chp_") else f"{note.place}__para_1"
        # The footnote is on the page where its paragraph starts, or on the next (a paragraph may run over).
        on = [i for i, page in enumerate(pages) if start in page and 0 <= i - doc.dests[place] <= 1]
        assert len(on) == 1, (note.id, on)


def test_chinese_lines_never_start_with_closing_punctuation(docs):
    lines = [line for edition in ("zh", "bilingual") for page in docs[edition].pages for line in page]
    assert sum(1 for line in lines if re.search(r"[\u4e00-\u9fff]", line)) > 300
    assert [line for line in lines if line[:1] in "，。、；：？！）》」』”’"] == []
    assert [line for line in lines if line[-1:] in "（《「『“‘"] == []


def test_text_is_escaped_and_ids_are_unique(act):
    reg = act.text("en")
    chapter = reg.chapters[0]
    article = chapter.articles[0]
    paragraph = dataclasses.replace(article.paragraphs[0], text='<b class="x">Fish & "chips"</b>')
    article = dataclasses.replace(article, paragraphs=(paragraph,) + article.paragraphs[1:])
    chapter = dataclasses.replace(chapter, articles=(article,) + chapter.articles[1:])
    reg = dataclasses.replace(reg, chapters=(chapter,) + reg.chapters[1:])
    act = dataclasses.replace(act, texts={**act.texts, "en": reg})
    for edition in EDITIONS:
        page = pdf.document(act, edition, build_moment(act), SITE_URL)
        if "en" in EDITIONS[edition]:
            assert "&lt;b class=&#34;x&#34;&gt;Fish &amp; &#34;chips&#34;&lt;/b&gt;" in page
        assert '<b class="x">' not in page
        ids = Counter(re.findall(r'\sid="([^"]+)"', page))
        assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("edition", ["zh", "bilingual"])
def test_chinese_article_labels_run_in_bold_with_a_full_width_space_and_indents(build, docs, act, edition):
    """As the Chinese is published: 第X条 in the bold face at the start of the article's first paragraph, then a
    full-width space, then the text; every paragraph's first line indented by two characters."""
    doc, reg, language = docs[edition], act.text("zh"), PROFILES["zh"]
    bold = []

    def visit(text, _cm, _tm, font, _size):
        if font and "Act-Bold" in str(font.get("/BaseFont")) and text.strip():
            bold.append(text)
    for page in doc.reader.pages:
        page.extract_text(visitor_text=visit)
    assert "".join(bold) == "".join(language.article_label(a.num) for a in reg.articles())
    # pypdf keeps U+3000 (pdftotext gives " "), but not the empty ActualText of note calls: digits left out
    text = re.sub(r"\d", "", "\n".join(line for i in body_pages(doc) for line in doc.pages[i]))
    for article in reg.articles():
        start = language.article_label(article.num) + language.article_run_in + article.paragraphs[0].text[:6]
        assert re.sub(r"\d", "", start) in text, start
    # The indent, measured on the page where Article 25 begins: its label and its second paragraph start
    # two characters (2 x 10.5 pt) to the right of the lines that continue a paragraph.
    number = doc.dests["art_25"] + 1
    words = page_words(build.paths[edition], number)
    label = next(w for w in words if w[3].startswith(language.article_label(25)))
    second = next(w for w in words if w[1] > label[1] and w[3].startswith(reg.article(25).paragraphs[1].text[:6]))
    left = min(x for x, y0, _y1, _t in words if label[0] - 30 < x <= label[0] and abs(y0 - label[1]) < 60)
    assert abs(label[0] - left - 21) < 1 and abs(second[0] - left - 21) < 1, (label, second, left)


def test_english_is_justified_with_automatic_hyphens_and_chinese_is_not_hyphenated(build, act, docs):
    """Justified English breaks long words at line ends with a hyphen (words the text writes whole: "eco-" +
    "logical"), where American English patterns allow, and pdftotext, as a reader copying the text, gets the
    word whole again; no Chinese line ends in a hyphen."""
    words = set(re.findall(r"[A-Za-z]+", " ".join(p.text for p in act.text("en").paragraphs())))
    hyphenated = set(re.findall(r"[A-Za-z][\w-]*", " ".join(p.text for p in act.text("en").paragraphs())))
    lines = [line for i in body_pages(docs["en"]) for line in docs["en"].pages[i]]
    broken = [(m[1], n) for line, following in zip(lines, lines[1:])
              if (m := re.search(r"([A-Za-z]+)-$", line)) and (n := re.match(r"[a-z]+", following))]
    made = [(a, b[0]) for a, b in broken if a + b[0] in words and f"{a}-{b[0]}" not in hyphenated]
    assert len(made) >= 10, broken
    assert all(len(a) >= 3 and len(b) >= 3 for a, b in made)
    # The patterns of the profile's hyphenation language (American English: bio-di-ver-si-ty, not biod-iversity)
    import pyphen
    patterns = pyphen.Pyphen(lang=PROFILES["en"].hyphenation)
    assert [(a, b) for a, b in made if len(a) not in patterns.positions((a + b).lower())] == []
    copied = page_text(build.paths["en"], docs["en"].dests["chp_1"] + 1, last=len(docs["en"].pages))
    assert sum(1 for a, b in made if a + b in copied) >= len(made) * 0.9
    zh = [line for i in body_pages(docs["zh"]) for line in docs["zh"].pages[i]]
    assert [line for line in zh if line.endswith("-")] == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_note_calls_are_not_in_the_extracted_text(build, act, docs, edition):
    """pdftotext reads "旗县级以上人民政府" and "autonomous regions, …", not "旗县级以上4人民政府" or "regions1":
    the note numbers are drawn, but marked as having no text (ActualText)."""
    doc, langs = docs[edition], EDITIONS[edition]
    text = "\n".join(page_text(build.paths[edition], i + 1) for i in body_pages(doc))
    flat = "".join(text.split())
    for lang in langs:
        notes = [n for n in act.notes_for(lang) if n.phrase and "__" in n.place]
        assert notes
        for note in notes:
            after = re.escape("".join(note.phrase.split())) + r"\d"
            assert not re.search(after, flat), (note.id, note.phrase)
    if "zh" in langs:
        assert "旗县级以上人民政府" in flat and not re.search(r"旗县级以上\d+人民政府", flat)
    if "en" in langs:
        assert "autonomousregions" in flat and not re.search(r"autonomousregions\d", flat)


def test_bilingual_paragraphs_answer_the_sites_ids(build, act):
    """pdfinfo -dests: regulation-bilingual.pdf#art_25__para_2 is the English paragraph, as in the other two
    PDFs; the prefixed names (en-…, zh-…) still work."""
    out = subprocess.run(["pdfinfo", "-dests", str(build.paths["bilingual"])], capture_output=True, text=True,
                         check=True, timeout=TIMEOUT).stdout
    dests = {m[3]: (int(m[1]), m[2]) for m in re.finditer(r'^\s*(\d+) \[ XYZ\s+(\S+\s+\S+).*\] "([^"]+)"$', out, re.M)}
    ids = [p.id for p in act.text("en").paragraphs()] + [i.id for p in act.text("en").paragraphs() for i in p.points]
    assert "art_25__para_2" in dests
    for name in ids:
        assert name in dests and f"en-{name}" in dests and f"zh-{name}" in dests, name
        assert dests[name] == dests[f"en-{name}"], name
        assert dests[name][0] == dests[f"zh-{name}"][0], name


# --- fonts ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_fonts_are_embedded_subsets(build, edition):
    out = subprocess.run(["pdffonts", str(build.paths[edition])], capture_output=True, text=True, check=True, timeout=TIMEOUT)
    rows = [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        emb, sub = row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row


@pytest.mark.parametrize("edition", EDITIONS)
def test_one_font_sets_everything_and_it_is_simplified_chinese(docs, edition):
    """No glyph falls back to a system font (which could give Japanese shapes): the text is the packaged Noto
    Serif SC, and the one bold (Chinese article labels) is made from Noto Sans CJK SC, with its copyright."""
    families = {}
    for page in docs[edition].reader.pages:
        for font in page["/Resources"]["/Font"].values():
            for descendant in font.get_object().get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                data = next(descriptor[key].get_data() for key in ("/FontFile3", "/FontFile2", "/FontFile")
                            if key in descriptor)
                from fontTools.ttLib import TTFont
                names = TTFont(io.BytesIO(data))["name"]
                families[names.getBestFamilyName()] = names
    assert set(families) == ({"Noto Serif SC", "Act Bold"} if "zh" in EDITIONS[edition] else {"Noto Serif SC"})
    if "Act Bold" in families:
        assert "Adobe" in families["Act Bold"].getDebugName(0)

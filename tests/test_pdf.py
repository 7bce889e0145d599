"""The PDF editions, built from the real source/ and read back with pypdf, fontTools and poppler's pdffonts."""
from __future__ import annotations

import dataclasses
import datetime
import io
import logging
import os
import re
import subprocess
from collections import Counter
from types import SimpleNamespace

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from build_scripts import pdf
from build_scripts.build import build_moment
from build_scripts.languages import PROFILES
from conftest import EPOCH, copy_source

EDITIONS = {"en": ("en",), "zh": ("zh",), "bilingual": ("en", "zh")}
FOOTER = {"en": r"Page (\d+) of (\d+)", "zh": r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页"}


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture(scope="module")
def build(act, site, tmp_path_factory):
    """The PDFs of the real build (made in worker processes, or earlier ones with the same inputs from its
    cache), and the same editions made again in this process, so that WeasyPrint's warnings can be seen."""
    collect = _Collect()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
        moment = build_moment(act)
    paths = [site / "downloads" / pdf.file_name(edition) for edition in EDITIONS]
    logging.getLogger("weasyprint").addHandler(collect)
    try:
        again = pdf.build_pdfs(act, tmp_path_factory.mktemp("pdf-again"), moment, parallel=False)
    finally:
        logging.getLogger("weasyprint").removeHandler(collect)
    return SimpleNamespace(paths=dict(zip(EDITIONS, paths)), again=dict(zip(EDITIONS, again)),
                           warnings=[r.getMessage() for r in collect.records])


@pytest.fixture(scope="module")
def docs(build):
    """edition -> reader, the text lines of each page, and the page index of each named destination."""
    out = {}
    for edition, path in build.paths.items():
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


def body_text(doc, notes=()) -> str:
    """The text from the first chapter on, without the running header and footer (the last two lines of
    each page, as test_running_header_and_footer checks) and without the footnotes above them."""
    starts = tuple(" ".join(n.text.split())[:12] for n in notes)

    def text_lines(lines):
        for line in lines:
            m = re.match(r"\d+\. (.*)", line)
            if m and m.group(1).startswith(starts):
                return
            yield line
    return "\n".join(line for i in body_pages(doc) for line in text_lines(doc.pages[i][:-2]))


def squash(text: str, lang: str) -> str:
    """Text in a form that survives line breaking: English with single spaces (a line ending in a hyphen
    joins the next line without one, since nothing is hyphenated automatically), Chinese without spaces."""
    if lang == "en":
        return " ".join(re.sub(r"-\n", "-", text).split())
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
    """The paragraph as a regular expression that allows a footnote call (a number) after each noted phrase."""
    cuts = sorted(text.index(n.phrase) + len(n.phrase) for n in act.notes_for(lang)
                  if n.target == target and n.phrase and n.phrase in text)
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return r"\d{0,3} ?".join(re.escape(clean(piece)) for piece in pieces)


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


# --- metadata ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_metadata(docs, act, edition):
    reader, langs = docs[edition].reader, EDITIONS[edition]
    meta = reader.metadata
    for lang in langs:
        assert act.meta.title[lang] in meta.title
        assert act.meta.languages[lang].label[lang] in meta.subject
    assert meta.author == act.meta.adopting_body[langs[0]]
    assert reader.trailer["/Root"]["/Lang"] == {"en": "en", "zh": "zh-Hans"}[langs[0]]
    when = datetime.datetime.fromtimestamp(EPOCH, datetime.timezone.utc)
    assert meta.creation_date == when and meta.modification_date == when


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
        subprocess.run(["git", *command], cwd=tmp_path, env=env, check=True)
    (tmp_path / "elsewhere.txt").write_text("not the source")
    later = dict(env, GIT_AUTHOR_DATE="2026-01-01T00:00:00+00:00", GIT_COMMITTER_DATE="2026-01-01T00:00:00+00:00")
    for command in (["add", "elsewhere.txt"], ["commit", "-q", "-m", "other"]):
        subprocess.run(["git", *command], cwd=tmp_path, env=later, check=True)
    moment = build_moment(moved)
    assert moment.isoformat() == stamp
    html = pdf.document(act, "en", moment)
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
    prefixes = [f"{lang}-" for lang in langs] if len(langs) > 1 else [""]
    for paragraph in act.text("en").paragraphs():
        for prefix in prefixes:
            assert prefix + paragraph.id in doc.dests


@pytest.mark.parametrize("edition", EDITIONS)
def test_contents_give_the_page_of_each_chapter(docs, act, edition):
    doc = docs[edition]
    contents = [line for i in range(1, doc.dests["chp_1"]) for line in doc.pages[i][:-1]]  # without footer
    numbers = [int(m[1]) for line in contents if (m := re.search(r"\.\s*(\d+)$", line))]
    assert numbers == [doc.dests[chapter.id] + 1 for chapter in act.text("en").chapters]


@pytest.mark.parametrize("edition", EDITIONS)
def test_running_header_and_footer(docs, act, edition):
    doc, langs = docs[edition], EDITIONS[edition]
    starts = {chapter.num: doc.dests[chapter.id] for chapter in act.text("en").chapters}
    for i in body_pages(doc):
        *_, header, footer = doc.pages[i]
        for lang in langs:
            assert [tuple(map(int, m)) for m in re.findall(FOOTER[lang], footer)] == [(i + 1, len(doc.pages))]
        beginning_here = [num for num, page in starts.items() if page == i]
        num = min(beginning_here) if beginning_here else max(num for num, page in starts.items() if page < i)
        for lang in langs:
            assert PROFILES[lang].chapter_heading(num, act.text(lang).chapters[num - 1].title) in header, i + 1


# --- the text -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_every_heading_and_paragraph_in_order(docs, act, edition):
    doc, langs = docs[edition], EDITIONS[edition]
    text = body_text(doc, [n for lang in langs for n in act.notes_for(lang)])
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
        html = pdf.document(act, edition, build_moment(act))
        if "en" in EDITIONS[edition]:
            assert "&lt;b class=&#34;x&#34;&gt;Fish &amp; &#34;chips&#34;&lt;/b&gt;" in html
        assert '<b class="x">' not in html
        ids = Counter(re.findall(r'\sid="([^"]+)"', html))
        assert [i for i, n in ids.items() if n > 1] == []


# --- fonts ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_fonts_are_embedded_subsets(build, edition):
    out = subprocess.run(["pdffonts", str(build.paths[edition])], capture_output=True, text=True, check=True)
    rows = [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        emb, sub = row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row


@pytest.mark.parametrize("edition", EDITIONS)
def test_one_font_sets_everything_and_it_is_simplified_chinese(docs, edition):
    """No glyph falls back to a system font (which could give Japanese shapes): every embedded font is the
    packaged Noto Serif SC."""
    families = set()
    for page in docs[edition].reader.pages:
        for font in page["/Resources"]["/Font"].values():
            for descendant in font.get_object().get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                data = next(descriptor[key].get_data() for key in ("/FontFile3", "/FontFile2", "/FontFile")
                            if key in descriptor)
                families.add(TTFont(io.BytesIO(data))["name"].getBestFamilyName())
    assert families == {"Noto Serif SC"}

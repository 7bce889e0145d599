"""Model -> print HTML -> PDF (WeasyPrint): the English, the Chinese and a bilingual edition.

Every PDF has a cover, a table of contents with page numbers, the chapter as running header, "page X of Y",
bookmarks (chapters, then articles) and named destinations ``chp_N`` / ``art_N``, so that
``regulation-en.pdf#art_25`` opens at Article 25. Labels come from the language profiles (languages.py), as on the site.

Chinese (and Latin) text is set in Noto Serif SC from the PyPI package pylopdf-fonts-zh-cn, named
explicitly so that no system fallback gives Japanese glyph shapes; no system font is needed. The one bold,
the run-in 第X条 of Chinese, is Noto Sans CJK SC Bold (黑体), made from the variable font of the PyPI package
manimgx-fonts-cjk: its Simplified Chinese face, cut down to the characters of the labels and fixed at weight
700. Fonts go in as subsets. Dates are the build's (build.build_moment): two builds are identical.

Each page says what a reader holding only that page needs: the chapter at its top, and in its footer the
status of the text, how current it is, the site's address and "page X of Y". Each article label links to the
article's own page on the site.
"""
from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import manimgx_fonts_cjk
import pylopdf_fonts_zh_cn
from markupsafe import Markup

from .languages import PROFILES
from .links import Links
from .model import Act, split_at_notes
from .runlog import note
from .versions import currency, until
from .templating import render as render_template

FONT = pylopdf_fonts_zh_cn.serif_path()
BOLD_SOURCE = Path(manimgx_fonts_cjk.__file__).with_name("NotoSansCJK-VF.otf.ttc")
BOLD_FACE = "Noto Sans CJK SC"          # the Simplified Chinese face of the collection
BOLD_WEIGHT = 700
STYLESHEET = Path(__file__).with_name("pdf.css")


def file_name(edition: str) -> str:
    return f"regulation-{edition}.pdf"


def editions(act: Act) -> tuple[str, ...]:
    """One edition per language, and one with every language side by side ("bilingual" with two)."""
    return (*act.langs, "bilingual")


def _langs(act: Act, edition: str) -> tuple[str, ...]:
    return act.langs if edition == "bilingual" else (edition,)


def css_string(text: str) -> str:
    """``text`` as a CSS string literal (for ``content:`` in the page margins)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def address(act: Act, lang: str, site_url: str, path: str = "") -> str:
    """The absolute address of a page of the text this act shows, in ``lang``: today's, or the version's."""
    return Links(site_url.rstrip("/") + "/").absolute(f"{act.prefix(lang)}{act.base}{path}")


def footer_line(act: Act, lang: str, site_url: str) -> str:
    """What a reader holding one page needs besides its number: the status, how current the text is and
    where the site is (``unofficial translation · as of 26 November 2026 · https://…/``)."""
    language, meta = PROFILES[lang], act.meta
    if act.is_current:
        when = language.w("pdf_as_of", checked=language.date(meta.checked))
    else:
        when = language.w("pdf_in_force", effective=language.date(act.shown.effective),
                          until=language.date(until(act, act.shown)))
    parts = [meta.languages[lang].short[lang], when, address(act, lang, site_url)]
    return language.words["status_sep"].join(part for part in parts if part)


def pdf_title(act: Act, lang: str) -> str:
    """The title with the status in a few words, when the text is not the official one, as the pages' titles
    carry it (the profile's ``status_paren``)."""
    status = act.meta.languages[lang].short[lang]
    return act.meta.title[lang] + (PROFILES[lang].w("status_paren", status=status) if status else "")


def pdf_author(act: Act, lang: str) -> str:
    """Who made this text: the adopting body for the official text, the site's editors for a translation."""
    version = act.meta.languages[lang]
    return act.meta.adopting_body[lang] if version.official else PROFILES[lang].words["pdf_author"]


def document(act: Act, edition: str, moment: datetime.datetime, site_url: str) -> str:
    """The print HTML of one edition: a language code, or 'bilingual'. ``site_url``: the address the site
    is published at, for the footers and each article's permalink."""
    meta, langs = act.meta, _langs(act, edition)
    profiles = [PROFILES[lang] for lang in langs]
    when = moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def both(make):
        return " / ".join(dict.fromkeys(make(lang, p) for lang, p in zip(langs, profiles)))

    def cover(ui, language):
        words = language.words
        rows = [(words["adopted_by"], meta.adopting_body[ui]), (words["adopted_on"], language.date(meta.adopted)),
                (words["effective"], language.date(meta.effective))]
        if len(langs) == 1:
            rows.append((words["status"], meta.languages[langs[0]].label[ui]))
        notices = []
        for lang in langs:
            label = meta.languages[lang].label[ui]
            if len(langs) > 1:
                label = language.language_name(lang) + words["colon"] + label
            notices.append({"label": label, "text": meta.languages[lang].notice[ui]})
        return {"tag": language.tag, "title": meta.title[ui], "adoption": act.text(ui).adoption,
                "rows": [{"label": k, "text": v} for k, v in rows], "notices": notices,
                "currency": currency(act, ui)}

    # Ids: the first language's paragraphs carry the site's ids (art_25__para_2), as in the one-language
    # editions; in the bilingual edition each language's also has one with its prefix (en-…, zh-…).
    prefixes = {lang: "" if n == 0 else f"{lang}-" for n, lang in enumerate(langs)}
    aliases = {lang: f"{lang}-" if len(langs) > 1 and n == 0 else "" for n, lang in enumerate(langs)}

    def paragraph(lang, p, lead=None):
        language = PROFILES[lang]
        return {"id": p.id, "prefix": prefixes[lang], "alias": aliases[lang], "lead": lead,
                "pieces": split_at_notes(p.text, act.notes_at(lang, p.id)),
                "points": [{"id": i.id, "label": language.point_label(i.num), "sep": language.words["point_sep"],
                            "text": i.text} for i in p.points]}

    def block(lang, p):
        """The class of a block of text in ``lang``: justified and hyphenated where words are spaced;
        paragraphs indented, the article label run in, where the profile says so."""
        return " ".join(name for name, on in (("spaced", p.spaced), ("run-in", p.article_run_in)) if on)

    def hyphenation(p):
        """WeasyPrint's own property for the language it hyphenates in, where that is not the tag."""
        return f"-weasy-lang: {css_string(p.hyphenation)}" if p.spaced and p.hyphenation else ""

    chapters = []
    for chapter in act.text(langs[0]).chapters:
        first, last = chapter.articles[0].num, chapter.articles[-1].num
        headings = [{"tag": p.tag, "text": p.chapter_heading(chapter.num, act.text(lang).chapters[chapter.num - 1].title),
                     "span": p.article_span(first, last), "notes": act.notes_at(lang, chapter.id)}
                    for lang, p in zip(langs, profiles)]
        articles = []
        for article in chapter.articles:
            texts = [act.text(lang).article(article.num) for lang in langs]
            captions = [act.captions.get(article.num, {}).get(lang) for lang in langs]
            labels = [{"tag": p.tag, "label": p.article_label(article.num), "run_in": p.article_run_in,
                       "href": address(act, lang, site_url, f"art/{article.num}/") if site_url else None,
                       "caption": p.caption(c) if c else "", "notes": act.notes_at(lang, article.id)}
                      for lang, p, c in zip(langs, profiles, captions)]
            leads = [label if label["run_in"] else None for label in labels]
            title = " / ".join(l["label"] + (f" {l['caption']}" if l["caption"] else "") for l in labels)
            articles.append({
                "id": article.id, "labels": labels, "title": title,
                "heading": any(not l["run_in"] or l["caption"] for l in labels),
                "texts": [{"paragraphs": [paragraph(lang, para, lead if n == 0 else None)
                                          for n, para in enumerate(a.paragraphs)]}
                          for lang, a, lead in zip(langs, texts, leads)],
                "rows": [[{"tag": p.tag, "class": block(lang, p), "style": hyphenation(p),
                           "paragraph": paragraph(lang, para, lead if n == 0 else None)}
                          for lang, p, para, lead in zip(langs, profiles, paras, leads)]
                         for n, paras in enumerate(zip(*(a.paragraphs for a in texts)))]})
        chapters.append({"id": chapter.id, "headings": headings, "title": " / ".join(h["text"] for h in headings),
                         "articles": articles})
    # The page footer: per language, the status, the date and the address, then "page X of Y".
    footer = Markup(' "\\A " '.join(
        f'{css_string(footer_line(act, lang, site_url) + p.words["status_sep"])} {p.words["page_x_of_y"]}'
        for lang, p in zip(langs, profiles)))
    return render_template(
        "pdf.html.j2", edition=edition, tags=[p.tag for p in profiles], when=when,
        title=" / ".join(pdf_title(act, lang) for lang in langs), author=both(lambda lang, p: pdf_author(act, lang)),
        description=both(lambda lang, p: p.w("pdf_description", status=meta.languages[lang].label[lang],
                                                  adopted=p.date(meta.adopted), effective=p.date(meta.effective))),
        footer=footer, main_class=block(langs[0], profiles[0]) if len(langs) == 1 else "",
        main_style=hyphenation(profiles[0]) if len(langs) == 1 else "",
        covers=[cover(lang, p) for lang, p in zip(langs, profiles)],
        contents=[{"tag": p.tag, "text": p.words["contents"], "notes": ()} for p in profiles], chapters=chapters)


# --- rendering ---------------------------------------------------------------------------------------

def bold_text(act: Act) -> str:
    """Every character set in bold: the article labels of the languages that run them in (第二十五条)."""
    run_in = [PROFILES[lang] for lang in act.langs if PROFILES[lang].article_run_in]
    numbers = {article.num for lang in act.langs for article in act.text(lang).articles()}
    return "".join(sorted({c for p in run_in for n in numbers for c in p.article_label(n)}))


def bold_font(text: str, folder: Path) -> Path:
    """The bold face for ``text``: the glyphs of the Simplified Chinese face of the variable collection at
    weight 700, redrawn into a small static CFF font named "Act Bold" (PDF viewers read CFF; the collection's
    CFF2 outlines, which WeasyPrint would embed as they are, make poppler complain). Its name table keeps the
    source's copyright and licence (SIL OFL 1.1); the subset embedded in a PDF keeps the copyright. Made in a
    worker process, in about a second."""
    from fontTools import subset
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.ttLib import TTCollection
    from fontTools.varLib import instancer

    collection = TTCollection(str(BOLD_SOURCE))     # kept while its faces are read: they read from it lazily
    faces = [f for f in collection.fonts if f["name"].getBestFamilyName() == BOLD_FACE]
    if len(faces) != 1:
        raise RuntimeError(f"{BOLD_SOURCE}: expected one face named {BOLD_FACE!r}, found {len(faces)}")
    source = faces[0]
    cmap = source.getBestCmap()
    missing = sorted({c for c in text if ord(c) not in cmap})
    if missing:
        raise RuntimeError(f"{BOLD_SOURCE}: {BOLD_FACE} has no glyph for {''.join(missing)!r}")
    names = {n.nameID: n.toUnicode() for n in source["name"].names if n.nameID in (0, 13, 14)}
    head, hhea, os2 = source["head"], source["hhea"], source["OS/2"]
    cut = subset.Subsetter(subset.Options())      # first the glyphs needed, then the weight: seconds, not minutes
    cut.populate(text=text)
    cut.subset(source)
    cmap = source.getBestCmap()
    glyphs = instancer.instantiateVariableFont(source, {"wght": BOLD_WEIGHT}, static=True).getGlyphSet()
    order, characters, outlines, metrics = [".notdef"], {}, {".notdef": T2CharStringPen(0, None).getCharString()}, {
        ".notdef": (0, 0)}
    for char in sorted(set(text)):
        name = f"uni{ord(char):04X}"
        glyph = glyphs[cmap[ord(char)]]
        pen, bounds = T2CharStringPen(glyph.width, None), BoundsPen(glyphs)
        glyph.draw(pen)
        glyph.draw(bounds)
        order.append(name)
        characters[ord(char)] = name
        outlines[name] = pen.getCharString()
        metrics[name] = (glyph.width, int(bounds.bounds[0]) if bounds.bounds else 0)
    builder = FontBuilder(head.unitsPerEm, isTTF=False)
    builder.updateHead(macStyle=1, created=head.created, modified=head.modified)   # bold; the source's dates, not now
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(characters)
    builder.setupCFF("ActBold-Bold", {"FullName": "Act Bold"}, outlines, {})
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent)
    builder.setupNameTable({"familyName": "Act Bold", "styleName": "Bold", "psName": "ActBold-Bold",
                            "copyright": names.get(0, ""), "licenseDescription": names.get(13, ""),
                            "licenseInfoURL": names.get(14, "")})
    builder.setupOS2(usWeightClass=BOLD_WEIGHT, sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
                     usWinAscent=os2.usWinAscent, usWinDescent=os2.usWinDescent, fsSelection=0x20)
    builder.setupPost()
    target = folder / "act-bold.otf"
    builder.save(str(target))
    return target


def _without_note_call_text():
    """Footnote calls (the note numbers in the text) are drawn in marked content with an empty ActualText, so
    that text copied or extracted from the PDF reads "旗县级以上人民政府", not "旗县级以上4人民政府". WeasyPrint
    marks every run of text as a Span with its MCID (pdf.stream.Stream.marked); this adds ActualText to those of
    ::footnote-call boxes. Fails at once if WeasyPrint's drawing stream no longer looks as expected."""
    import pydyf
    from weasyprint.pdf.stream import Stream

    if getattr(Stream.marked, "without_note_calls", False):
        return
    original = Stream.marked
    if not hasattr(pydyf.Stream, "begin_marked_content"):
        raise RuntimeError("WeasyPrint's PDF stream has changed: footnote calls would be extractable text")

    @contextlib.contextmanager
    def marked(self, box, tag):
        if getattr(self, "_tags", None) is None or not str(getattr(box, "element_tag", "")).endswith(
                "::footnote-call"):
            with original(self, box, tag):
                yield
            return
        mcid = len(self._tags)
        self._tags[box] = {"tag": tag, "mcid": mcid}
        pydyf.Stream.begin_marked_content(self, tag, pydyf.Dictionary({"MCID": mcid, "ActualText": pydyf.String("")}))
        try:
            yield
        finally:
            pydyf.Stream.end_marked_content(self)
    marked.without_note_calls = True
    Stream.marked = marked


def kept_bold_font(text: str, folder: Path, cache: Path | None) -> Path:
    """:func:`bold_font`, kept in ``cache`` under the hash of what makes it (the characters, the source font,
    fontTools and this module): a rebuild whose article labels are unchanged does not cut it again."""
    from importlib.metadata import version
    if cache is None:
        return bold_font(text, folder)
    key = _key(text.encode("utf-8"), str(BOLD_SOURCE).encode(), str(BOLD_SOURCE.stat().st_size).encode(),
               version("fonttools").encode(), Path(__file__).read_bytes())
    kept = Path(cache) / f"act-bold-{key}.otf"
    if not kept.exists():
        part = kept.with_suffix(f".{os.getpid()}.tmp")      # two workers may cut it at once: neither sees a part
        shutil.copyfile(bold_font(text, folder), part)
        part.replace(kept)
    return kept


def write_pdfs(documents: dict[str, str], out_dir: Path, bold: str = "", cache: Path | None = None) -> None:
    """Render the print HTML of each edition (edition -> HTML) with one font configuration and stylesheet;
    ``bold``: the characters set in bold (bold_text), its font kept in ``cache`` (kept_bold_font).
    WeasyPrint ignores @font-face unless the same FontConfiguration goes to CSS() and write_pdf().
    WeasyPrint is imported here, in the worker processes: the process that builds the pages never needs it."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    _without_note_call_text()
    font_config = FontConfiguration()
    font_face = f'@font-face {{ font-family: "Act Serif"; src: url("{FONT.as_uri()}"); }}\n'
    with tempfile.TemporaryDirectory(prefix="act-bold-") as folder:
        if bold:
            font_face += (f'@font-face {{ font-family: "Act Bold"; font-weight: bold; '
                          f'src: url("{kept_bold_font(bold, Path(folder), cache).as_uri()}"); }}\n')
        css = CSS(string=font_face + STYLESHEET.read_text(encoding="utf-8"), font_config=font_config)
        for edition, html in documents.items():
            note("pdf-rendered", out_dir / file_name(edition))
            HTML(string=html).write_pdf(
                out_dir / file_name(edition), stylesheets=[css], font_config=font_config,
                pdf_tags=True)   # tagged PDF: structure for screen readers and reflow


def _set_tempdir(folder: str) -> None:
    tempfile.tempdir = folder   # WeasyPrint copies the font there; worker processes exit without cleaning up


def content_key(html: str) -> str:
    """A hash of everything an edition's PDF is made from: its print HTML (text, labels, dates), the
    stylesheet, the fonts (and fontTools, which makes the bold), this module (how WeasyPrint is called) and
    the WeasyPrint version. Same key, same PDF bytes."""
    from importlib.metadata import version
    return _key(html.encode("utf-8"), STYLESHEET.read_bytes(), str(FONT).encode(), str(FONT.stat().st_size).encode(),
                str(BOLD_SOURCE).encode(), str(BOLD_SOURCE.stat().st_size).encode(), version("fonttools").encode(),
                Path(__file__).read_bytes(), version("weasyprint").encode())


def _key(*parts: bytes) -> str:
    """A cache key of these inputs, in order."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:32]


def start_pdfs(pool, act: Act, out_dir, moment: datetime.datetime, site_url: str, cache=None) -> list:
    """Submit the editions to ``pool`` (the bilingual one alone: it takes as long as the others together);
    returns the futures. With a ``cache`` folder, an edition whose inputs are unchanged (same
    :func:`content_key`) is copied from there instead, and new ones are added to it."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = list(editions(act))
    documents = {edition: document(act, edition, moment, site_url) for edition in names}   # rendered once, here
    if cache:
        cache = Path(cache)
        cache.mkdir(parents=True, exist_ok=True)
        keys = {edition: content_key(documents[edition]) for edition in names}
        for edition in list(names):
            cached = cache / f"{keys[edition]}.pdf"
            if cached.exists():
                shutil.copyfile(cached, out_dir / file_name(edition))
                names.remove(edition)
                note("pdf-reused", out_dir / file_name(edition))

    groups = [group for group in (names[-1:], names[:-1]) if group]
    futures = [pool.submit(write_pdfs, {e: documents[e] for e in group}, out_dir, bold_text(act), cache)
               for group in groups]
    if cache and names:
        futures = [_Cached(futures, out_dir, cache, {e: keys[e] for e in names})]
    return futures


class _Cached:
    """Waits for the PDF futures, then stores the new PDFs in the cache under their keys (keeping the
    most recent few, so the cache does not grow without end)."""
    keep = 24

    def __init__(self, futures, out_dir: Path, cache: Path, keys: dict):
        self.futures, self.out_dir, self.cache, self.keys = futures, out_dir, cache, keys

    def result(self):
        for future in self.futures:
            future.result()
        for edition, key in self.keys.items():
            target = self.cache / f"{key}.pdf"
            part = target.with_suffix(f".{os.getpid()}.tmp")     # two builds at once never share a part file
            shutil.copyfile(self.out_dir / file_name(edition), part)
            part.replace(target)
        for old in sorted(self.cache.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)[self.keep:]:
            old.unlink(missing_ok=True)


@contextlib.contextmanager
def pdf_pool(workers: int = 2):
    """Worker processes for the PDFs, started from the main thread with the forkserver method
    (never forked from a thread)."""
    with tempfile.TemporaryDirectory(prefix="pdf-fonts-") as folder, ProcessPoolExecutor(
            workers, mp_context=get_context("forkserver"), initializer=_set_tempdir, initargs=(folder,)) as pool:
        yield pool


def build_pdfs(act: Act, out_dir, moment: datetime.datetime, site_url: str, parallel: bool = True) -> list[Path]:
    """Write every edition into ``out_dir`` and return their paths (``site_url``: see document)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if parallel:
        with pdf_pool() as pool:
            for future in start_pdfs(pool, act, out_dir, moment, site_url):
                future.result()
    else:
        write_pdfs({edition: document(act, edition, moment, site_url) for edition in editions(act)}, out_dir,
                   bold_text(act))
    return [out_dir / file_name(edition) for edition in editions(act)]

"""Model -> print HTML -> PDF (WeasyPrint): the English, the Chinese and a bilingual edition.

Every PDF has a cover, a table of contents with page numbers, the chapter as running header, "page X of Y",
bookmarks (chapters, then articles) and named destinations ``chp_N`` / ``art_N``, so that
``regulation-en.pdf#art_25`` opens at Article 25. Labels come from the language profiles (languages.py), as on the site.

Chinese (and Latin) text is set in Noto Serif SC from the PyPI package pylopdf-fonts-zh-cn, named
explicitly so that no system fallback gives Japanese glyph shapes; no system font is needed. The font
goes in as a subset. Dates come from SOURCE_DATE_EPOCH, else the adoption date: two builds are identical.
"""
from __future__ import annotations

import contextlib
import datetime
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pylopdf_fonts_zh_cn
from markupsafe import Markup

from .languages import PROFILES
from .model import Act, split_at_notes
from .versions import currency
from .templating import render as render_template

FONT = pylopdf_fonts_zh_cn.serif_path()
STYLESHEET = Path(__file__).with_name("pdf.css")


def file_name(edition: str) -> str:
    return f"regulation-{edition}.pdf"


def editions(act: Act) -> tuple[str, ...]:
    """One edition per language, and one with the first two side by side."""
    return (*act.langs, "bilingual")


def _langs(act: Act, edition: str) -> tuple[str, ...]:
    return act.langs[:2] if edition == "bilingual" else (edition,)


def document(act: Act, edition: str, moment: datetime.datetime) -> str:
    """The print HTML of one edition: a language code, or 'bilingual'."""
    meta, langs = act.meta, _langs(act, edition)
    profiles = [PROFILES[lang] for lang in langs]
    when = moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def both(make):
        return " / ".join(make(lang, p) for lang, p in zip(langs, profiles))

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
                label = words[f"version_{lang}"] + words["colon"] + label
            notices.append({"label": label, "text": meta.languages[lang].notice[ui]})
        return {"tag": language.tag, "title": meta.title[ui], "adoption": act.text(ui).adoption,
                "rows": [{"label": k, "text": v} for k, v in rows], "notices": notices,
                "currency": currency(act, ui)}

    def paragraph(lang, p):
        language = PROFILES[lang]
        return {"id": p.id, "pieces": split_at_notes(p.text, act.notes_at(lang, p.id)),
                "points": [{"id": i.id, "label": language.point_label(i.num), "sep": " ", "text": i.text}
                           for i in p.points]}

    chapters = []
    for chapter in act.text(langs[0]).chapters:
        first, last = chapter.articles[0].num, chapter.articles[-1].num
        headings = [{"tag": p.tag, "text": p.chapter_heading(chapter.num, act.text(lang).chapters[chapter.num - 1].title),
                     "span": p.article_span(first, last), "notes": act.notes_at(lang, chapter.id)}
                    for lang, p in zip(langs, profiles)]
        articles = []
        for article in chapter.articles:
            texts = [act.text(lang).article(article.num) for lang in langs]
            labels = [{"tag": p.tag, "text": p.article_label(article.num), "notes": act.notes_at(lang, article.id)}
                      for lang, p in zip(langs, profiles)]
            captions = [act.captions.get(article.num, {}).get(lang) for lang in langs]
            title = " / ".join(l["text"] + (f" {p.caption(c)}" if c else "") for l, c, p in zip(labels, captions, profiles))
            articles.append({
                "id": article.id, "labels": labels, "title": title,
                "texts": [{"paragraphs": [paragraph(lang, p) for p in a.paragraphs]} for lang, a in zip(langs, texts)],
                "rows": [[{"tag": p.tag, "prefix": f"{lang}-", "paragraph": paragraph(lang, para)}
                          for lang, p, para in zip(langs, profiles, paras)]
                         for paras in zip(*(a.paragraphs for a in texts))]})
        chapters.append({"id": chapter.id, "headings": headings, "title": " / ".join(h["text"] for h in headings),
                         "articles": articles})
    return render_template(
        "pdf.html.j2", edition=edition, tags=[p.tag for p in profiles], when=when,
        title=both(lambda lang, p: meta.title[lang]), author=meta.adopting_body[langs[0]],
        description=both(lambda lang, p: p.w("pdf_description", status=meta.languages[lang].label[lang],
                                                  adopted=p.date(meta.adopted), effective=p.date(meta.effective))),
        page_counter=Markup(' "　·　" '.join(p.words["page_x_of_y"] for p in profiles)),
        covers=[cover(lang, p) for lang, p in zip(langs, profiles)],
        contents=[{"tag": p.tag, "text": p.words["contents"], "notes": ()} for p in profiles], chapters=chapters)


# --- rendering ---------------------------------------------------------------------------------------

def write_pdfs(documents: dict[str, str], out_dir: Path) -> None:
    """Render the print HTML of each edition (edition -> HTML) with one font configuration and stylesheet.
    WeasyPrint ignores @font-face unless the same FontConfiguration goes to CSS() and write_pdf().
    WeasyPrint is imported here, in the worker processes: the process that builds the pages never needs it."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    font_face = f'@font-face {{ font-family: "Act Serif"; src: url("{FONT.as_uri()}"); }}\n'
    css = CSS(string=font_face + STYLESHEET.read_text(encoding="utf-8"), font_config=font_config)
    for edition, html in documents.items():
        HTML(string=html).write_pdf(
            out_dir / file_name(edition), stylesheets=[css], font_config=font_config,
            pdf_tags=True)   # tagged PDF: structure for screen readers and reflow


def _set_tempdir(folder: str) -> None:
    tempfile.tempdir = folder   # WeasyPrint copies the font there; worker processes exit without cleaning up


def content_key(html: str) -> str:
    """A hash of everything an edition's PDF is made from: its print HTML (text, labels, dates), the
    stylesheet, the font, this module (how WeasyPrint is called) and the WeasyPrint version. Same key,
    same PDF bytes."""
    import hashlib
    from importlib.metadata import version

    digest = hashlib.sha256()
    for part in (html.encode("utf-8"), STYLESHEET.read_bytes(), str(FONT).encode(), str(FONT.stat().st_size).encode(),
                 Path(__file__).read_bytes(), version("weasyprint").encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:32]


def start_pdfs(pool, act: Act, out_dir, moment: datetime.datetime, cache=None) -> list:
    """Submit the editions to ``pool`` (the bilingual one alone: it takes as long as the others together);
    returns the futures. With a ``cache`` folder, an edition whose inputs are unchanged (same
    :func:`content_key`) is copied from there instead, and new ones are added to it."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = list(editions(act))
    documents = {edition: document(act, edition, moment) for edition in names}   # rendered once, here
    if cache:
        cache = Path(cache)
        cache.mkdir(parents=True, exist_ok=True)
        keys = {edition: content_key(documents[edition]) for edition in names}
        for edition in list(names):
            cached = cache / f"{keys[edition]}.pdf"
            if cached.exists():
                shutil.copyfile(cached, out_dir / file_name(edition))
                names.remove(edition)
    groups = [group for group in (names[-1:], names[:-1]) if group]
    futures = [pool.submit(write_pdfs, {e: documents[e] for e in group}, out_dir) for group in groups]
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


def build_pdfs(act: Act, out_dir, moment: datetime.datetime, parallel: bool = True) -> list[Path]:
    """Write every edition into ``out_dir`` and return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if parallel:
        with pdf_pool() as pool:
            for future in start_pdfs(pool, act, out_dir, moment):
                future.result()
    else:
        write_pdfs({edition: document(act, edition, moment) for edition in editions(act)}, out_dir)
    return [out_dir / file_name(edition) for edition in editions(act)]

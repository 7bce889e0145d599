"""Model -> print HTML -> PDF (WeasyPrint): the English, the Chinese and a bilingual edition.

Every PDF has a cover, a table of contents with page numbers, the chapter as running header, "page X of Y",
bookmarks (chapters, then articles) and named destinations ``chp_N`` / ``art_N``, so that
``regulation-en.pdf#art_25`` opens at Article 25. Headings come from labels.py, as on the site.

Chinese (and Latin) text is set in Noto Serif SC from the PyPI package pylopdf-fonts-zh-cn, named
explicitly so that no system fallback gives Japanese glyph shapes; no system font is needed. The font
goes in as a subset. Dates come from SOURCE_DATE_EPOCH, else the adoption date: two builds are identical.
"""
from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pylopdf_fonts_zh_cn
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from . import labels
from .labels import LABELS
from .parse import GRAMMARS
from .source import Act, build_moment, load_act_or_exit

EDITIONS = ("en", "zh", "bilingual")
HTML_LANG = {"en": "en", "zh": "zh-Hans"}
FONT = pylopdf_fonts_zh_cn.serif_path()
STYLESHEET = Path(__file__).with_name("pdf.css")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def file_name(edition: str) -> str:
    return f"regulation-{edition}.pdf"


def build_date(act: Act) -> str:
    """W3C date-time of the build (see source.build_moment)."""
    return build_moment(act).strftime("%Y-%m-%dT%H:%M:%SZ")


def _langs(edition: str) -> tuple[str, ...]:
    return ("en", "zh") if edition == "bilingual" else (edition,)


def _both(edition: str, make) -> str:
    """One text per language of the edition, joined: 'Article 1 / 第一条' in the bilingual edition."""
    return " / ".join(make(lang) for lang in _langs(edition))


# --- parts of the document -------------------------------------------------------------------------

def _head(act: Act, edition: str) -> str:
    meta, langs = act.meta, _langs(edition)
    title = _both(edition, lambda lang: meta.title[lang])
    description = _both(edition, lambda lang: (
        f"{meta.versions[lang].label[lang]}. {LABELS[lang]['adopted_on']} {labels.date(lang, meta.adopted)}, "
        f"{LABELS[lang]['effective'].lower()} {labels.date(lang, meta.effective)}." if lang == "en" else
        f"{meta.versions[lang].label[lang]}。{labels.date(lang, meta.adopted)}通过，"
        f"{labels.date(lang, meta.effective)}起施行。"))
    when = build_date(act)
    return (f'<head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<meta name="author" content="{esc(meta.adopting_body[langs[0]])}">'
            f'<meta name="description" content="{esc(description)}">'
            f'<meta name="dcterms.created" content="{when}"><meta name="dcterms.modified" content="{when}">'
            f'</head>')


def _cover_block(act: Act, ui: str, versions: tuple[str, ...]) -> str:
    """The cover in language ``ui``: title, adoption, dates, and the status of each text in ``versions``."""
    meta, words = act.meta, LABELS[ui]
    rows = [(words["adopted_by"], meta.adopting_body[ui]),
            (words["adopted_on"], labels.date(ui, meta.adopted)),
            (words["effective"], labels.date(ui, meta.effective))]
    if len(versions) == 1:
        rows.append((words["status"], meta.versions[versions[0]].label[ui]))
    out = [f'<div class="cover-block" lang="{HTML_LANG[ui]}">',
           f'<h1>{esc(meta.title[ui])}</h1>',
           f'<p class="adoption">{esc(act.text(ui).adoption)}</p>',
           "<dl>" + "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in rows) + "</dl>"]
    for lang in versions:
        version = meta.versions[lang]
        label = version.label[ui]
        if len(versions) > 1:
            label = f"{words['version' if lang == ui else 'other_version']}{': ' if ui == 'en' else '：'}{label}"
        out.append(f'<div class="notice"><p class="notice-label">{esc(label)}</p>'
                   f'<p>{esc(version.notice[ui])}</p></div>')
    return "\n".join(out + ["</div>"])


def _toc(act: Act, langs: tuple[str, ...]) -> str:
    """Chapters, the articles in each, and page numbers. Articles are in the bookmarks: a line per article
    with a leader would double the build time."""
    out = ['<nav class="toc">', _heading("h2", {lang: LABELS[lang]["contents"] for lang in langs}), "<ol>"]
    for chapter in act.text(langs[0]).chapters:
        first, last = chapter.articles[0].num, chapter.articles[-1].num
        entries = [f'<span lang="{HTML_LANG[lang]}">{esc(_chapter_heading(act, lang, chapter.num))} '
                   f'<span class="toc-span">{esc(labels.article_span(lang, first, last))}</span></span>'
                   for lang in langs]
        out.append(f'<li><a href="#{chapter.id}">{"<br>".join(entries)}</a></li>')
    return "\n".join(out + ["</ol></nav>"])


def _chapter_heading(act: Act, lang: str, num: int) -> str:
    return labels.chapter_heading(lang, num, act.text(lang).chapters[num - 1].title)


def _paragraphs(lang: str, paragraph, prefix: str = "") -> str:
    """A paragraph and its items; ``prefix`` ('en-', 'zh-') keeps ids unique in the bilingual edition."""
    out = [f'<p class="para" id="{prefix}{paragraph.id}">{esc(paragraph.text)}</p>']
    out += [f'<p class="point" id="{prefix}{point.id}">{esc(GRAMMARS[lang].point_label(point.num))} '
            f'{esc(point.text)}</p>' for point in paragraph.points]
    return "\n".join(out)


def _heading(tag: str, texts: dict, attributes: str = "") -> str:
    """A heading in one language, or the two side by side, each marked with its language."""
    if len(texts) == 1:
        return f"<{tag}{attributes}>{esc(next(iter(texts.values())))}</{tag}>"
    return (f'<{tag} class="pair"{attributes}>' + "".join(f'<span lang="{HTML_LANG[lang]}">{esc(text)}</span>'
                                                          for lang, text in texts.items()) + f"</{tag}>")


def _article(act: Act, langs: tuple[str, ...], num: int) -> str:
    articles = {lang: act.text(lang).article(num) for lang in langs}
    titles = {lang: labels.article_label(lang, num) for lang in langs}
    out = [f'<section class="article" id="{articles[langs[0]].id}" data-title="{esc(" / ".join(titles.values()))}">',
           _heading("h3", titles)]
    if len(langs) == 1:
        out += [_paragraphs(langs[0], p) for p in articles[langs[0]].paragraphs]
    else:
        out.append('<table class="pair">')
        for row in zip(*(articles[lang].paragraphs for lang in langs)):
            out.append("<tr>" + "".join(f'<td lang="{HTML_LANG[lang]}">{_paragraphs(lang, p, lang + "-")}</td>'
                                        for lang, p in zip(langs, row)) + "</tr>")
        out.append("</table>")
    return "\n".join(out + ["</section>"])


def document(act: Act, edition: str) -> str:
    """The print HTML of one edition: 'en', 'zh' or 'bilingual'."""
    langs = _langs(edition)
    out = [f'<!DOCTYPE html>\n<html lang="{HTML_LANG[langs[0]]}">', _head(act, edition), f'<body class="{edition}">',
           '<section class="cover">', *(_cover_block(act, ui, langs) for ui in langs), "</section>",
           _toc(act, langs), "<main>"]
    for chapter in act.text(langs[0]).chapters:
        titles = {lang: _chapter_heading(act, lang, chapter.num) for lang in langs}
        out.append(f'<section class="chapter" id="{chapter.id}">')
        out.append(_heading("h2", titles, f' data-title="{esc(" / ".join(titles.values()))}"'))
        out += [_article(act, langs, article.num) for article in chapter.articles]
        out.append("</section>")
    return "\n".join(out + ["</main>", "</body>", "</html>\n"])


# --- rendering ---------------------------------------------------------------------------------------

# The bilingual edition takes about as long as the other two together: one process for each group.
GROUPS = (("bilingual",), ("en", "zh"))


def write_pdfs(act: Act, editions, out_dir: Path) -> None:
    """Render ``editions`` with one font configuration and stylesheet. WeasyPrint ignores @font-face
    unless the same FontConfiguration goes to CSS() and write_pdf()."""
    font_config = FontConfiguration()
    font_face = f'@font-face {{ font-family: "Act Serif"; src: url("{FONT.as_uri()}"); }}\n'
    css = CSS(string=font_face + STYLESHEET.read_text(encoding="utf-8"), font_config=font_config)
    for edition in editions:
        HTML(string=document(act, edition)).write_pdf(
            out_dir / file_name(edition), stylesheets=[css], font_config=font_config)


def _set_tempdir(folder: str) -> None:
    tempfile.tempdir = folder   # WeasyPrint copies the font there; worker processes exit without cleaning up


def build_pdfs(act: Act, out_dir, parallel: bool = True) -> list[Path]:
    """Write regulation-en.pdf, regulation-zh.pdf and regulation-bilingual.pdf into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if parallel:
        with tempfile.TemporaryDirectory() as tmp, ProcessPoolExecutor(
                len(GROUPS), initializer=_set_tempdir, initargs=(tmp,)) as pool:
            list(pool.map(write_pdfs, [act] * len(GROUPS), GROUPS, [out_dir] * len(GROUPS)))
    else:
        write_pdfs(act, EDITIONS, out_dir)
    return [out_dir / file_name(edition) for edition in EDITIONS]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.pdf", description=__doc__.split("\n")[0])
    parser.add_argument("--source", default="source")
    parser.add_argument("--out", required=True, help="folder for the three PDF files")
    parser.add_argument("--serial", action="store_true", help="one process instead of two")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    act = load_act_or_exit(args.source)
    for path in build_pdfs(act, args.out, parallel=not args.serial):
        print(f"{path}: {path.stat().st_size // 1024} KB")
    print(f"built in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
import datetime
import html
import os
import sys
import time
from pathlib import Path

import pylopdf_fonts_zh_cn
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from . import labels
from .labels import LABELS
from .parse import GRAMMARS
from .source import Act, load_act

EDITIONS = ("en", "zh", "bilingual")
HTML_LANG = {"en": "en", "zh": "zh-Hans"}
FONT = pylopdf_fonts_zh_cn.serif_path()
STYLESHEET = Path(__file__).with_name("pdf.css")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def file_name(edition: str) -> str:
    return f"regulation-{edition}.pdf"


def build_date(act: Act) -> str:
    """W3C date-time of the build: SOURCE_DATE_EPOCH when set, else midnight UTC of the adoption date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch
              else datetime.datetime.combine(act.meta.adopted, datetime.time(), datetime.timezone.utc))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


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


def _toc(act: Act, edition: str) -> str:
    first = _langs(edition)[0]
    out = [f'<nav class="toc"><h2>{esc(_both(edition, lambda lang: LABELS[lang]["contents"]))}</h2><ol>']
    for chapter in act.text(first).chapters:
        title = _both(edition, lambda lang: labels.chapter_heading(
            lang, chapter.num, act.text(lang).chapters[chapter.num - 1].title))
        out.append(f'<li><p class="toc-chapter"><a href="#{chapter.id}">{esc(title)}</a></p>'
                   f'<ol class="toc-articles">')
        for article in chapter.articles:
            label = _both(edition, lambda lang: labels.article_label(lang, article.num))
            out.append(f'<li><a href="#{article.id}">{esc(label)}</a></li>')
        out.append("</ol></li>")
    return "\n".join(out + ["</ol></nav>"])


def _paragraphs(lang: str, paragraph, prefix: str = "") -> str:
    """A paragraph and its items; ``prefix`` ('en-', 'zh-') keeps ids unique in the bilingual edition."""
    out = [f'<p class="para" id="{prefix}{paragraph.id}">{esc(paragraph.text)}</p>']
    out += [f'<p class="point" id="{prefix}{point.id}">{esc(GRAMMARS[lang].point_label(point.num))} '
            f'{esc(point.text)}</p>' for point in paragraph.points]
    return "\n".join(out)


def _article(act: Act, edition: str, chapter_num: int, article_num: int) -> str:
    langs = _langs(edition)
    articles = {lang: act.text(lang).article(article_num) for lang in langs}
    title = _both(edition, lambda lang: labels.article_label(lang, article_num))
    out = [f'<section class="article" id="{articles[langs[0]].id}" data-title="{esc(title)}">']
    if len(langs) == 1:
        lang = langs[0]
        out.append(f"<h3>{esc(labels.article_label(lang, article_num))}</h3>")
        out += [_paragraphs(lang, p) for p in articles[lang].paragraphs]
    else:
        out.append('<h3 class="pair">' + "".join(
            f'<span lang="{HTML_LANG[lang]}">{esc(labels.article_label(lang, article_num))}</span>'
            for lang in langs) + "</h3>")
        out.append('<table class="pair">')
        for row in zip(*(articles[lang].paragraphs for lang in langs)):
            out.append("<tr>" + "".join(f'<td lang="{HTML_LANG[lang]}">{_paragraphs(lang, p, lang + "-")}</td>'
                                        for lang, p in zip(langs, row)) + "</tr>")
        out.append("</table>")
    return "\n".join(out + ["</section>"])


def document(act: Act, edition: str) -> str:
    """The print HTML of one edition: 'en', 'zh' or 'bilingual'."""
    langs = _langs(edition)
    lang = HTML_LANG[langs[0]]
    out = [f'<!DOCTYPE html>\n<html lang="{lang}">', _head(act, edition), f'<body class="{edition}">',
           '<section class="cover">', *(_cover_block(act, ui, langs) for ui in langs), "</section>",
           _toc(act, edition), "<main>"]
    for chapter in act.text(langs[0]).chapters:
        headings = {code: labels.chapter_heading(code, chapter.num, act.text(code).chapters[chapter.num - 1].title)
                    for code in langs}
        if len(langs) == 1:
            heading = f"<h2>{esc(headings[langs[0]])}</h2>"
        else:
            heading = '<h2 class="pair">' + "".join(
                f'<span lang="{HTML_LANG[code]}">{esc(headings[code])}</span>' for code in langs) + "</h2>"
        out.append(f'<section class="chapter" id="{chapter.id}" data-title="{esc(" / ".join(headings.values()))}">'
                   + heading)
        out += [_article(act, edition, chapter.num, article.num) for article in chapter.articles]
        out.append("</section>")
    return "\n".join(out + ["</main>", "</body>", "</html>\n"])


# --- rendering ---------------------------------------------------------------------------------------

def stylesheet(font_config: FontConfiguration) -> CSS:
    """pdf.css with the font loaded from the package folder; needs the same FontConfiguration as write_pdf()."""
    font_face = f'@font-face {{ font-family: "Act Serif"; src: url("{FONT.as_uri()}"); }}\n'
    return CSS(string=font_face + STYLESHEET.read_text(encoding="utf-8"), font_config=font_config)


def build_pdfs(act: Act, out_dir) -> list[Path]:
    """Write regulation-en.pdf, regulation-zh.pdf and regulation-bilingual.pdf into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    font_config = FontConfiguration()
    css = stylesheet(font_config)
    written = []
    for edition in EDITIONS:
        target = out_dir / file_name(edition)
        HTML(string=document(act, edition), base_url=str(out_dir)).write_pdf(
            target, stylesheets=[css], font_config=font_config)
        written.append(target)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.pdf", description=__doc__.split("\n")[0])
    parser.add_argument("--source", default="source")
    parser.add_argument("--out", required=True, help="folder for the three PDF files")
    args = parser.parse_args(argv)
    from .errors import SourceError
    started = time.perf_counter()
    try:
        act = load_act(args.source)
    except SourceError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        return 1
    for path in build_pdfs(act, args.out):
        print(f"{path}: {path.stat().st_size // 1024} KB")
    print(f"built in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

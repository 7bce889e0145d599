"""Source text -> model. One grammar per language; every problem is reported with its line.

Accepted leniently (unambiguous): UTF-8 BOM, CRLF line endings, blank lines, trailing spaces,
a missing colon after the chapter number, Arabic or Roman/Chinese chapter numbers.
Rejected: anything that could be read more than one way, and every numbering fault.
"""
from __future__ import annotations

from pathlib import Path

from .errors import Problem, SourceError, shorten
from .languages import PROFILES, Language, read_numeral
from .model import Article, Chapter, Paragraph, Point, Regulation

BOM = b"\xef\xbb\xbf"


def language_of(path) -> str:
    """``regulation.zh.txt`` -> ``zh``; the language is the second suffix of the file name."""
    suffixes = Path(path).suffixes
    lang = suffixes[-2].lstrip(".") if len(suffixes) >= 2 else ""
    if lang not in PROFILES:
        names = " or ".join(f"NAME.{code}.txt" for code in PROFILES)
        raise SourceError([Problem(str(path), 1, "cannot tell the language from the file name: "
                                   f"expected {names}, found {Path(path).name!r}")])
    return lang


def read_lines(path) -> tuple[str, ...]:
    """The file's lines as text: BOM and CR/LF removed. Bytes that are not UTF-8 are an error at their line."""
    data = Path(path).read_bytes()
    if data.startswith(BOM):
        data = data[len(BOM):]
    raw_lines = data.split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    lines, problems = [], []
    for number, raw in enumerate(raw_lines, 1):
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            bad = raw[e.start:e.end]
            problems.append(Problem(str(path), number, f"expected UTF-8 text, found the byte(s) {bad.hex(' ')} "
                                                      f"at column {e.start + 1}, which are not UTF-8 "
                                                      "(save the file as UTF-8)"))
            text = raw.decode("utf-8", "replace")
        if "\r" in text:
            problems.append(Problem(str(path), number, "found a carriage return (CR) inside the line: "
                                                      "expected LF or CRLF line endings"))
        lines.append(text)
    if problems:
        raise SourceError(problems)
    return tuple(lines)


class _Numbering:
    """Checks that numbers start at 1 and go up by one; reports repeats, gaps and disorder."""

    def __init__(self, path, label, what):
        self.path, self.label, self.what = path, label, what
        self.seen: dict[int, int] = {}
        self.expected = 1

    def check(self, num: int, line: int, problems: list) -> None:
        expected, label = self.expected, self.label
        if num in self.seen:
            message = (f"{label(num)} is repeated (first at line {self.seen[num]}): "
                       f"expected {label(expected)}")
        elif num > expected:
            missing = label(expected) if num == expected + 1 else f"{label(expected)} to {label(num - 1)}"
            message = f"expected {label(expected)}, found {label(num)}: {missing} missing"
        elif num < expected:
            message = f"expected {label(expected)}, found {label(num)}: {self.what} out of order"
        else:
            message = None
        if message:
            problems.append(Problem(self.path, line, message))
        self.seen.setdefault(num, line)
        self.expected = max(expected, num + 1)


def parse(path, lang: str | None = None) -> Regulation:
    path = str(path)
    language = PROFILES[lang or language_of(path)]
    lines = read_lines(path)
    return parse_lines(lines, path, language)


def _read(style: str, text: str) -> int | None:
    try:
        return read_numeral(style, text)
    except ValueError:
        return None


def parse_lines(lines, path: str, language: Language) -> Regulation:
    problems: list[Problem] = []
    lang, g = language, language.grammar
    numbered = [(n, line.rstrip()) for n, line in enumerate(lines, 1) if line.strip()]
    if len(numbered) < 2:
        raise SourceError([Problem(path, len(lines) or 1,
                                   "expected a title line and an adoption line, found "
                                   f"{'an empty file' if not numbered else 'only one line'}")])
    (title_line, title), (adoption_line, adoption) = numbered[0], numbered[1]
    if g.chapter_like.match(title) or g.article_like.match(title):
        problems.append(Problem(path, title_line, f"expected the title of the act, found a heading {shorten(title)}"))
    if not g.adoption.fullmatch(adoption.strip()):
        problems.append(Problem(path, adoption_line, "expected the adoption line in parentheses, "
                                                     f"found {shorten(adoption)}"))

    chapters: list[tuple] = []   # (num, title, line, articles)
    chapter_numbers = _Numbering(path, lang.chapter_label, "chapters")
    article_numbers = _Numbering(path, lang.article_label, "articles")
    article = None               # (num, line, paragraphs)
    for n, text in numbered[2:]:
        text = text.strip() if g.strip_lines else text.lstrip("\ufeff")
        m = g.chapter.fullmatch(text)
        if m or g.chapter_like.match(text):
            num = _read(lang.chapter_numeral, m["num"]) if m else None
            if num is None:
                problems.append(Problem(path, n, f"cannot read this chapter heading: expected "
                                        f"'{lang.chapter_label(len(chapters) + 1)} <title>', found {shorten(text)}"))
                continue
            if not m["title"].strip():
                problems.append(Problem(path, n, f"{lang.chapter_label(num)} has no title"))
            chapter_numbers.check(num, n, problems)
            chapters.append((num, m["title"].strip(), n, []))
            article = None
            continue
        m = g.article.fullmatch(text)
        if m or g.article_like.match(text):
            num = _read(lang.article_numeral, m["num"]) if m else None
            if num is None:
                problems.append(Problem(path, n, f"cannot read this article heading: expected "
                                        f"'{lang.article_label(article_numbers.expected)} <text>', "
                                        f"found {shorten(text)}"))
                continue
            article_numbers.check(num, n, problems)
            if not chapters:
                problems.append(Problem(path, n, f"{lang.article_label(num)} comes before the first chapter "
                                        f"heading: expected '{lang.chapter_label(1)} <title>' first"))
            body = (m["text"] or "").strip()
            if not body:
                problems.append(Problem(path, n, f"{lang.article_label(num)} has no text: expected "
                                        f"'{lang.article_label(num)} <text>'"))
            article = (num, n, [])
            if chapters:
                chapters[-1][3].append(article)
            if body:
                article[2].append([body, n, []])
            continue
        if article is None:
            where = f"after {lang.chapter_label(chapters[-1][0])}" if chapters else "before the first chapter"
            problems.append(Problem(path, n, f"expected a chapter or article heading {where}, "
                                             f"found text {shorten(text)}"))
            continue
        m = g.point.fullmatch(text)
        if m:
            paragraphs = article[2]
            if not paragraphs:
                problems.append(Problem(path, n, f"item {shorten(m['num'])} has no paragraph to belong to"))
                continue
            points = paragraphs[-1][2]
            num = _read(lang.point_numeral, m["num"])
            if num is None:
                problems.append(Problem(path, n, f"cannot read the item number {shorten(m['num'])}"))
                continue
            if num != len(points) + 1:
                problems.append(Problem(path, n, f"expected item {lang.point_label(len(points) + 1)}, "
                                                 f"found {lang.point_label(num)}"))
            points.append((num, m["text"].strip(), n))
            continue
        article[2].append([text, n, []])

    for num, _title, line, articles in chapters:
        if not articles:
            problems.append(Problem(path, line, f"{lang.chapter_label(num)} has no articles"))
    if not chapters and not problems:
        problems.append(Problem(path, adoption_line, f"expected chapter headings such as "
                                                     f"'{lang.chapter_label(1)} <title>', found none"))
    if problems:
        raise SourceError(problems)

    return Regulation(
        lang=lang.code, path=path, title=title.strip(), adoption=adoption.strip(), lines=tuple(lines),
        chapters=tuple(
            Chapter(num=c_num, title=c_title, line=c_line, articles=tuple(
                Article(num=a_num, line=a_line, paragraphs=tuple(
                    Paragraph(article=a_num, num=p_index, text=p_text, line=p_line, points=tuple(
                        Point(article=a_num, paragraph=p_index, num=i_num, text=i_text, line=i_line)
                        for i_num, i_text, i_line in p_points))
                    for p_index, (p_text, p_line, p_points) in enumerate(a_paragraphs, 1)))
                for a_num, a_line, a_paragraphs in c_articles))
            for c_num, c_title, c_line, c_articles in chapters))


def to_text(regulation: Regulation) -> str:
    """The model written back in its language's grammar (the inverse of parse for well-formed files)."""
    lang = PROFILES[regulation.lang]
    out = [regulation.title, regulation.adoption]
    for chapter in regulation.chapters:
        out.append(lang.chapter_heading(chapter.num, chapter.title))
        for article in chapter.articles:
            for paragraph in article.paragraphs:
                prefix = f"{lang.article_label(article.num)} " if paragraph.num == 1 else ""
                out.append(prefix + paragraph.text)
                out.extend(f"{lang.point_label(p.num)} {p.text}" for p in paragraph.points)
    return "\n".join(out) + "\n"

"""Source text -> model. One grammar per language; every problem is reported with its line.

Accepted leniently (unambiguous): UTF-8 BOM, CRLF line endings, blank lines, trailing spaces,
a missing colon after the chapter number, Arabic or Roman/Chinese chapter numbers.
Rejected: anything that could be read more than one way, and every numbering fault.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, SourceError, shorten
from .model import Article, Chapter, Paragraph, Point, Regulation
from .numerals import from_chinese, from_roman, to_chinese, to_roman

BOM = b"\xef\xbb\xbf"
_CN = "零〇一二三四五六七八九十百千"


@dataclass(frozen=True)
class Grammar:
    lang: str
    chapter: re.Pattern          # groups: num, title
    chapter_like: re.Pattern     # a line that is meant as a chapter heading
    article: re.Pattern          # groups: num, text
    article_like: re.Pattern
    point: re.Pattern            # groups: num, text
    adoption: re.Pattern
    chapter_number: callable     # str -> int, ValueError if unreadable
    point_number: callable
    chapter_label: callable      # int -> "Chapter IV" / "第四章"
    article_label: callable      # int -> "Article 25" / "第二十五条"
    point_label: callable


def _number(text: str, other) -> int:
    return int(text) if text.isdigit() else other(text)


ENGLISH = Grammar(
    lang="en",
    chapter=re.compile(r"Chapter\s+(?P<num>[IVXLCDM]+|\d+)\b\s*[:：.]?\s*(?P<title>.*)"),
    chapter_like=re.compile(r"chapter\b", re.IGNORECASE),
    article=re.compile(r"Article\s+(?P<num>\d+)(?![\d\w])\s*[:：.]?\s*(?P<text>.*)"),
    article_like=re.compile(r"article\s+\S+(\s|$)", re.IGNORECASE),
    point=re.compile(r"\((?P<num>\d+)\)\s+(?P<text>.*)"),
    adoption=re.compile(r"\(.*\)"),
    chapter_number=lambda s: _number(s, from_roman),
    point_number=int,
    chapter_label=lambda n: f"Chapter {to_roman(n)}",
    article_label=lambda n: f"Article {n}",
    point_label=lambda n: f"({n})",
)

CHINESE = Grammar(
    lang="zh",
    chapter=re.compile(rf"第(?P<num>[{_CN}]+|\d+)章[ \t\u3000]*(?P<title>.*)"),
    chapter_like=re.compile(r"第\S{1,8}章"),
    article=re.compile(rf"第(?P<num>[{_CN}]+|\d+)条(?:[ \t\u3000]+(?P<text>.*))?"),
    article_like=re.compile(r"第\S{1,8}条([ \t\u3000]|$)"),
    point=re.compile(rf"（(?P<num>[{_CN}]+)）[ \t\u3000]*(?P<text>.*)"),
    adoption=re.compile(r"[（(].*[）)]"),
    chapter_number=lambda s: _number(s, from_chinese),
    point_number=from_chinese,
    chapter_label=lambda n: f"第{to_chinese(n)}章",
    article_label=lambda n: f"第{to_chinese(n)}条",
    point_label=lambda n: f"（{to_chinese(n)}）",
)

GRAMMARS = {"en": ENGLISH, "zh": CHINESE}


def language_of(path) -> str:
    """``regulation.zh.txt`` -> ``zh``; the language is the second suffix of the file name."""
    suffixes = Path(path).suffixes
    lang = suffixes[-2].lstrip(".") if len(suffixes) >= 2 else ""
    if lang not in GRAMMARS:
        raise SourceError([Problem(str(path), 1, "cannot tell the language from the file name: "
                                   f"expected NAME.en.txt or NAME.zh.txt, found {Path(path).name!r}")])
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
    grammar = GRAMMARS[lang or language_of(path)]
    lines = read_lines(path)
    return parse_lines(lines, path, grammar)


def parse_lines(lines, path: str, grammar: Grammar) -> Regulation:
    problems: list[Problem] = []
    g = grammar
    numbered = [(n, line.rstrip()) for n, line in enumerate(lines, 1) if line.strip()]
    if len(numbered) < 2:
        raise SourceError([Problem(path, len(lines) or 1,
                                   "expected a title line and an adoption line, found "
                                   f"{'an empty file' if not numbered else 'only one line'}")])
    (title_line, title), (adoption_line, adoption) = numbered[0], numbered[1]
    for n, text in ((title_line, title),):
        if g.chapter_like.match(text) or g.article_like.match(text):
            problems.append(Problem(path, n, f"expected the title of the act, found a heading {shorten(text)}"))
    if not g.adoption.fullmatch(adoption.strip()):
        problems.append(Problem(path, adoption_line, "expected the adoption line in parentheses, "
                                                     f"found {shorten(adoption)}"))

    chapters: list[tuple] = []   # [num, title, line, [articles]]
    chapter_numbers = _Numbering(path, g.chapter_label, "chapters")
    article_numbers = _Numbering(path, g.article_label, "articles")
    article = None               # [num, line, [paragraphs]]
    for n, text in numbered[2:]:
        text = text.strip() if g.lang == "zh" else text.lstrip("\ufeff")
        m = g.chapter.fullmatch(text)
        if m or g.chapter_like.match(text):
            num = None
            if m:
                try:
                    num = g.chapter_number(m["num"])
                except ValueError:
                    pass
            if num is None:
                problems.append(Problem(path, n, f"cannot read this chapter heading: expected "
                                        f"'{g.chapter_label(len(chapters) + 1)} <title>', found {shorten(text)}"))
                continue
            if not m["title"].strip():
                problems.append(Problem(path, n, f"{g.chapter_label(num)} has no title"))
            chapter_numbers.check(num, n, problems)
            chapters.append((num, m["title"].strip(), n, []))
            article = None
            continue
        m = g.article.fullmatch(text)
        if m or g.article_like.match(text):
            num = None
            if m:
                try:
                    num = _number(m["num"], from_chinese) if g.lang == "zh" else int(m["num"])
                except ValueError:
                    pass
            if num is None:
                problems.append(Problem(path, n, f"cannot read this article heading: expected "
                                        f"'{g.article_label(article_numbers.expected)} <text>', "
                                        f"found {shorten(text)}"))
                continue
            article_numbers.check(num, n, problems)
            if not chapters:
                problems.append(Problem(path, n, f"{g.article_label(num)} comes before the first chapter "
                                        f"heading: expected '{g.chapter_label(1)} <title>' first"))
            body = (m["text"] or "").strip()
            if not body:
                problems.append(Problem(path, n, f"{g.article_label(num)} has no text: expected "
                                        f"'{g.article_label(num)} <text>'"))
            article = (num, n, [])
            if chapters:
                chapters[-1][3].append(article)
            if body:
                article[2].append([body, n, []])
            continue
        if article is None:
            where = f"after {g.chapter_label(chapters[-1][0])}" if chapters else "before the first chapter"
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
            try:
                num = g.point_number(m["num"])
            except ValueError:
                problems.append(Problem(path, n, f"cannot read the item number {shorten(m['num'])}"))
                continue
            if num != len(points) + 1:
                problems.append(Problem(path, n, f"expected item {g.point_label(len(points) + 1)}, "
                                                 f"found {g.point_label(num)}"))
            points.append((num, m["text"].strip(), n))
            continue
        article[2].append([text, n, []])

    for num, _title, line, articles in chapters:
        if not articles:
            problems.append(Problem(path, line, f"{g.chapter_label(num)} has no articles"))
    if not chapters and not problems:
        problems.append(Problem(path, adoption_line, f"expected chapter headings such as "
                                                     f"'{g.chapter_label(1)} <title>', found none"))
    if problems:
        raise SourceError(problems)

    return Regulation(
        lang=g.lang, path=path, title=title.strip(), adoption=adoption.strip(), lines=tuple(lines),
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
    g = GRAMMARS[regulation.lang]
    out = [regulation.title, regulation.adoption]
    sep = ": " if g.lang == "en" else " "
    for chapter in regulation.chapters:
        out.append(f"{g.chapter_label(chapter.num)}{sep}{chapter.title}")
        for article in chapter.articles:
            for paragraph in article.paragraphs:
                prefix = f"{g.article_label(article.num)} " if paragraph.num == 1 else ""
                out.append(prefix + paragraph.text)
                out.extend(f"{g.point_label(p.num)} {p.text}" for p in paragraph.points)
    return "\n".join(out) + "\n"

"""Checks across files: corrections apply exactly once, notes point at real text, the languages align."""
from __future__ import annotations

import dataclasses

from .errors import Problem, SourceError
from .model import Metadata, Regulation


def apply_corrections(regulation: Regulation, meta: Metadata, version: str = "") -> Regulation:
    """The regulation with the listed corrections for its language and version (key; the current one when
    empty) applied; each must match exactly once."""
    problems = []
    fixes: dict[tuple[int, int], list] = {}
    version = version or meta.versions[-1].key
    for c in meta.corrections:
        if c.lang == regulation.lang and c.version == version:
            fixes.setdefault((c.article, c.paragraph), []).append(c)
    chapters = []
    for chapter in regulation.chapters:
        articles = []
        for article in chapter.articles:
            paragraphs = []
            for paragraph in article.paragraphs:
                text = paragraph.text
                for c in fixes.pop((article.num, paragraph.num), []):
                    count = text.count(c.old)
                    if count != 1:
                        problems.append(Problem(meta.path, c.line,
                            f"correction of {c.lang} Article {c.article}({c.paragraph}) must apply exactly once: "
                            f"expected {c.old!r} once in {regulation.path}:{paragraph.line}, found it {count} times"))
                        continue
                    text = text.replace(c.old, c.new)
                paragraphs.append(dataclasses.replace(paragraph, text=text))
            articles.append(dataclasses.replace(article, paragraphs=tuple(paragraphs)))
        chapters.append(dataclasses.replace(chapter, articles=tuple(articles)))
    for (article, paragraph), unused in fixes.items():
        for c in unused:
            problems.append(Problem(meta.path, c.line, f"correction names Article {article}({paragraph}) [{c.lang}], "
                                                       f"which is not in {regulation.path}"))
    if problems:
        raise SourceError(problems)
    return dataclasses.replace(regulation, chapters=tuple(chapters))


def check_observations(regulations: dict, meta: Metadata) -> None:
    problems = []
    for note in meta.observations:
        reg = regulations.get(note.lang)
        if reg is None:
            continue
        chapters = {c.num for c in reg.chapters}
        articles = {a.num: len(a.paragraphs) for a in reg.articles()}
        if note.chapter is not None and note.chapter not in chapters:
            problems.append(Problem(meta.path, note.line, f"note names chapter {note.chapter}, "
                                                          f"which is not in {reg.path}"))
        if note.article is not None and (note.article not in articles or
                                         (note.paragraph or 1) > articles[note.article]):
            problems.append(Problem(meta.path, note.line, f"note names Article {note.article}"
                                    f"({note.paragraph or 1}), which is not in {reg.path}"))
        if note.chapter is None and note.article is None:
            problems.append(Problem(meta.path, note.line, "note names neither a chapter nor an article"))
    if problems:
        raise SourceError(problems)


def check_alignment(first: Regulation, second: Regulation) -> None:
    """Same chapters, same articles per chapter, same paragraphs per article, same items per paragraph."""
    a, b = first, second
    problems = []

    def mismatch(line_a, line_b, message):
        problems.append(Problem(a.path, line_a, f"{message} (compare {b.path}:{line_b})"))

    chapters_b = {c.num: c for c in b.chapters}
    for chapter in a.chapters:
        other = chapters_b.get(chapter.num)
        if other is None:
            mismatch(chapter.line, b.chapters[-1].line, f"chapter {chapter.num} is missing in {b.path}")
            continue
        nums_a = [x.num for x in chapter.articles]
        nums_b = [x.num for x in other.articles]
        if nums_a != nums_b:
            mismatch(chapter.line, other.line, f"chapter {chapter.num} holds articles {_span(nums_a)} here "
                                               f"but {_span(nums_b)} in {b.path}")
            continue
        for art_a, art_b in zip(chapter.articles, other.articles):
            if len(art_a.paragraphs) != len(art_b.paragraphs):
                mismatch(art_a.line, art_b.line, f"article {art_a.num} has {len(art_a.paragraphs)} paragraph(s) "
                                                 f"here but {len(art_b.paragraphs)} in {b.path}")
                continue
            for para_a, para_b in zip(art_a.paragraphs, art_b.paragraphs):
                if len(para_a.points) != len(para_b.points):
                    mismatch(para_a.line, para_b.line, f"paragraph {para_a.id} has {len(para_a.points)} item(s) "
                                                       f"here but {len(para_b.points)} in {b.path}")
    extra = [c for c in b.chapters if c.num not in {x.num for x in a.chapters}]
    for chapter in extra:
        problems.append(Problem(b.path, chapter.line, f"chapter {chapter.num} is missing in {a.path} "
                                                      f"(compare {a.path}:{a.chapters[-1].line})"))
    if problems:
        raise SourceError(problems)


def _span(nums):
    if not nums:
        return "none"
    if nums == list(range(nums[0], nums[-1] + 1)):
        return f"{nums[0]}–{nums[-1]}" if len(nums) > 1 else str(nums[0])
    return ", ".join(map(str, nums))

"""The one model every stage uses: a regulation in one language, as frozen dataclasses.

Ids follow the Akoma Ntoso naming convention and are the same in every language:
chapter ``chp_4``, article ``art_25``, paragraph ``art_25__para_2``, item ``art_25__para_2__point_3``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


def chapter_id(num: int) -> str:
    return f"chp_{num}"


def article_id(num: int) -> str:
    return f"art_{num}"


def paragraph_id(article: int, num: int) -> str:
    return f"art_{article}__para_{num}"


def point_id(article: int, paragraph: int, num: int) -> str:
    return f"art_{article}__para_{paragraph}__point_{num}"


@dataclass(frozen=True)
class Point:
    """An item (项) inside a paragraph, such as ``（一）…``."""
    article: int
    paragraph: int
    num: int
    text: str
    line: int

    @property
    def id(self) -> str:
        return point_id(self.article, self.paragraph, self.num)


@dataclass(frozen=True)
class Paragraph:
    article: int
    num: int
    text: str
    line: int
    points: tuple[Point, ...] = ()

    @property
    def id(self) -> str:
        return paragraph_id(self.article, self.num)


@dataclass(frozen=True)
class Article:
    num: int
    line: int
    paragraphs: tuple[Paragraph, ...]

    @property
    def id(self) -> str:
        return article_id(self.num)


@dataclass(frozen=True)
class Chapter:
    num: int
    title: str
    line: int
    articles: tuple[Article, ...]

    @property
    def id(self) -> str:
        return chapter_id(self.num)


@dataclass(frozen=True)
class Regulation:
    lang: str
    path: str
    title: str
    adoption: str
    chapters: tuple[Chapter, ...]
    # Lines of the file as read (BOM and line endings removed), for error reports and round trips.
    lines: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def articles(self):
        for chapter in self.chapters:
            yield from chapter.articles

    def paragraphs(self):
        for article in self.articles():
            yield from article.paragraphs

    @cached_property
    def _index(self) -> dict:
        return {a.num: (a, c) for c in self.chapters for a in c.articles}

    def article(self, num: int) -> Article:
        return self._index[num][0]

    def chapter_of(self, article_num: int) -> Chapter:
        return self._index[article_num][1]

    def summary(self) -> str:
        articles = list(self.articles())
        paragraphs = sum(len(a.paragraphs) for a in articles)
        return (f"{self.path}: {len(self.chapters)} chapters, {len(articles)} articles, "
                f"{paragraphs} paragraphs")

"""The one model every stage uses: the act, its language versions and every layer beside the text.

An :class:`Act` is the work; each :class:`Regulation` is one language expression of it. Metadata,
corrections, captions, editorial notes, the glossary and where its terms occur are plain frozen
dataclasses here, built once by the loader (``load.py``); renderers read only this module.

Ids follow the Akoma Ntoso naming convention and are the same in every language:
chapter ``chp_4``, article ``art_25``, paragraph ``art_25__para_2``, item ``art_25__para_2__point_3``.
"""
from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


def chapter_id(num: int) -> str:
    return f"chp_{num}"


def article_id(num: int) -> str:
    return f"art_{num}"


def paragraph_id(article: int, num: int) -> str:
    return f"art_{article}__para_{num}"


def point_id(article: int, paragraph: int, num: int) -> str:
    return f"art_{article}__para_{paragraph}__point_{num}"


_ID = re.compile(r"chp_(\d+)|art_(\d+)(?:__para_(\d+)(?:__point_(\d+))?)?")


@dataclass(frozen=True)
class Ref:
    """An id taken apart: ``chp_4`` -> chapter 4; ``art_25__para_2`` -> article 25, paragraph 2."""
    chapter: int | None = None
    article: int | None = None
    paragraph: int | None = None
    point: int | None = None


def parse_id(target: str) -> Ref | None:
    """The numbers in a chapter, article, paragraph or item id; None for anything else."""
    m = _ID.fullmatch(target)
    return Ref(*(int(g) if g else None for g in m.groups())) if m else None


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


# --- metadata (source/regulation.yaml) -------------------------------------------------------------

@dataclass(frozen=True)
class LanguageVersion:
    """A language version of the act: its file and status, and how the status reads in each language."""
    lang: str
    file: str                    # path of the text file, relative to the source folder
    status: str
    label: dict[str, str]        # interface language -> name of the status
    notice: dict[str, str]       # interface language -> statement shown with this version's text
    short: dict[str, str] = field(default_factory=dict)
    # interface language -> the status in a few words, after the title ("unofficial translation");
    # empty for the text itself (official), which needs no qualification

    @property
    def official(self) -> bool:
        return self.status == "official"


@dataclass(frozen=True)
class Link:
    title: dict[str, str]        # interface language -> what the link leads to
    url: str


@dataclass(frozen=True)
class Provenance:
    """Where a text comes from (``key``: a language code), where the official text is published
    (``official``), or the draft the notes cite (``draft``)."""
    key: str
    text: dict[str, str]         # interface language -> the statement
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Revision:
    """A revision of the translations and of the editorial layers (captions, notes, glossary): the law's
    versions are pinned by their own dates; these change the site's wording beside them."""
    number: int
    date: datetime.date
    changes: tuple[dict[str, str], ...]   # each: interface language -> what changed


@dataclass(frozen=True)
class Version:
    """A text of the act as in force from a date: the original, or the act as amended by one instrument.
    Its text files are in ``folder`` (relative to the source folder; "" for the current text)."""
    effective: datetime.date
    adopted: datetime.date               # date of the adopting or amending decision
    instrument: dict[str, str]           # interface language -> title of that decision
    renumbered: dict[int, int | None]    # previous version's article -> this version's (None: deleted)
    folder: str
    line: int                            # line in regulation.yaml

    @property
    def key(self) -> str:
        """The version's name in URLs and file names: its effective date, ``2024-01-01``."""
        return self.effective.isoformat()


@dataclass(frozen=True)
class Correction:
    lang: str
    article: int
    paragraph: int
    old: str
    new: str
    reason: dict[str, str]
    line: int                    # line in regulation.yaml
    version: str = ""            # key of the version whose text it corrects; "" for the current text


@dataclass(frozen=True)
class Observation:
    """A point noted about the text but not corrected (listed on the notes page)."""
    lang: str
    chapter: int | None
    article: int | None
    paragraph: int | None
    text: dict[str, str]
    line: int


@dataclass(frozen=True)
class Metadata:
    path: str
    title: dict[str, str]
    short_title: dict[str, str]      # for page titles and link previews
    adopting_body: dict[str, str]
    adopted: datetime.date
    effective: datetime.date
    languages: dict[str, LanguageVersion]     # in the order of regulation.yaml; the first is at the site root
    corrections: tuple[Correction, ...]
    observations: tuple[Observation, ...]
    versions: tuple[Version, ...]    # oldest first; the last is the current text
    checked: datetime.date           # when no later amendment was last known to exist
    provenance: dict[str, Provenance] = field(default_factory=dict)   # official, draft and each language
    revisions: tuple[Revision, ...] = ()   # oldest first; the last is the one the site shows
    site_name: dict[str, str] = field(default_factory=dict)   # the site's name in each language (its header)
    copyright: dict[str, str] = field(default_factory=dict)   # the footer's line in each language
    navigation: tuple[str, ...] = ()     # hand-written pages in the order of the navigation (the rest follow)

    @property
    def revision(self) -> Revision | None:
        return self.revisions[-1] if self.revisions else None


# --- layers beside the text ------------------------------------------------------------------------

@dataclass(frozen=True)
class EditorialNote:
    """A note by the site's editors attached to a place in one language's text, in that language."""
    lang: str
    num: int                     # 1, 2, ... in text order within its language
    target: str                  # chp_N, art_N or art_N__para_M
    phrase: str | None           # the marker goes right after it; else at the end of the target
    place: str                   # where the marker stands: the paragraph holding the phrase, else the target
    text: str
    path: str
    line: int

    @property
    def id(self) -> str:
        return f"note-{self.lang}-{self.num}"


@dataclass(frozen=True)
class Entry:
    """A glossary entry: a banner, body or term in every language, with the strings found in each text."""
    id: str
    group: str
    name: dict[str, str]
    match: dict[str, tuple[str, ...]]
    definition: dict[str, str]
    pinyin: str | None = None
    kind: dict | None = None
    parent: dict | None = None
    seat: dict | None = None
    borders: dict | None = None
    coords: dict | None = None   # lat, lon, approximate
    other_spellings: tuple[str, ...] = ()
    note: dict | None = None
    unconfirmed: tuple[str, ...] = ()
    everyday: bool = False       # linked once per page, not once per article
    line: int = 0


@dataclass(frozen=True)
class Glossary:
    path: str
    entries: tuple[Entry, ...]

    @cached_property
    def _by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    def entry(self, entry_id: str) -> Entry:
        return self._by_id[entry_id]


@dataclass(frozen=True)
class Occurrence:
    entry: str                   # glossary entry id
    target: str                  # paragraph or item id
    article: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class HandPage:
    """A hand-written page (source/pages/<lang>/<name>.md)."""
    lang: str
    name: str
    markdown: str


# --- the act ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Act:
    meta: Metadata
    texts: dict[str, Regulation]           # lang -> text with editorial corrections applied
    source_dir: Path
    glossary: Glossary | None = None
    occurrences: dict[str, tuple[Occurrence, ...]] = field(default_factory=dict)   # lang -> in text order
    captions: dict[int, dict[str, str]] = field(default_factory=dict)             # article -> lang -> caption
    notes: tuple[EditorialNote, ...] = ()
    pages: tuple[HandPage, ...] = ()
    history: dict[str, dict[str, Regulation]] = field(default_factory=dict)  # version key -> lang -> text, all
    version: Version | None = None         # the version these texts are; None: the current one
    base: str = ""                         # where its pages are: "" (today's URLs) or "versions/<key>/"

    @property
    def current(self) -> Version:
        return self.meta.versions[-1]

    @property
    def shown(self) -> Version:
        """The version this act's texts are."""
        return self.version or self.current

    @property
    def is_current(self) -> bool:
        return self.shown == self.current

    def at(self, version: Version) -> Act:
        """The act as it read in ``version``, for the pages under versions/<key>/. The current text keeps its
        captions, notes and glossary links; an earlier text is shown without them, as they are written for
        today's wording and numbering."""
        base = f"versions/{version.key}/"
        if version == self.current:
            return dataclasses.replace(self, base=base)
        return dataclasses.replace(self, texts=self.history[version.key], version=version, base=base,
                                   glossary=None, occurrences={}, captions={}, notes=())

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(self.texts)

    @property
    def primary(self) -> str:
        """The language at the site root; the others are under /<code>/."""
        return self.langs[0]

    def prefix(self, lang: str) -> str:
        return "" if lang == self.primary else f"{lang}/"

    def text(self, lang: str) -> Regulation:
        return self.texts[lang]

    def notes_for(self, lang: str) -> tuple[EditorialNote, ...]:
        return tuple(n for n in self.notes if n.lang == lang)

    def notes_at(self, lang: str, place: str) -> tuple[EditorialNote, ...]:
        return tuple(n for n in self.notes if n.lang == lang and n.place == place)


def split_at_notes(text: str, notes) -> list[tuple[str, EditorialNote | None]]:
    """``text`` in pieces, each followed by the note whose marker stands after it (None for the last)."""
    cuts = sorted((text.index(n.phrase) + len(n.phrase) if n.phrase and n.phrase in text else len(text), n.num, n)
                  for n in notes)
    pieces, pos = [], 0
    for at, _num, note in cuts:
        pieces.append((text[pos:at], note))
        pos = at
    pieces.append((text[pos:], None))
    return pieces

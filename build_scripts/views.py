"""Small typed views the templates receive where pages.py computes something: the parts of a paragraph, an
article's history and changes, a glossary entry's rows, and the lines around the text (status, currency,
context, print header, downloads). Each field is what the template prints."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Said:
    """A text in a language other than the page's, with its BCP 47 tag."""
    text: str
    tag: str


@dataclass(frozen=True)
class Day:
    text: str            # as the page's language writes it
    iso: str             # for <time datetime>


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class TextPart:
    text: str
    kind: str = "text"


@dataclass(frozen=True)
class TermPart:
    """A glossary term in the text: a link to its entry, with its name in the other languages for the tooltip."""
    text: str
    href: str
    name: str
    other: str           # the names in the other languages ("" for a group), joined
    other_tag: str       # their language ("mul" for several)
    definition: str
    kind: str = "term"


@dataclass(frozen=True)
class NotePart:
    """An editorial note's marker in the text (and its entry in the article's notes)."""
    id: str
    label: str
    note: Any
    note_label: str
    back_label: str
    ui_tag: str | None       # set on another language's page (side by side): the labels' language ...
    text_tag: str | None     # ... and the note's
    summary_format: str
    kind: str = "note"


@dataclass(frozen=True)
class HistoryStep:
    """One version in an article's history: when, its page there, what the version did to it."""
    date: Day
    href: str | None
    label: str | None
    what: str
    changes_href: str | None
    shown: bool


@dataclass(frozen=True)
class Changes:
    """What the version shown did to an article, against the version before it."""
    legend: str
    lines: list
    notes: list[str]
    before_href: str | None


@dataclass(frozen=True)
class GlossaryRow:
    label: str
    field: str
    text: str = ""
    tag: str | None = None                 # the text's language, when not the page's
    others: tuple[Said, ...] = ()          # the same fact in the other languages, after it
    links: tuple[Link, ...] = ()           # appears_in: where in the text
    unconfirmed: bool = False


@dataclass(frozen=True)
class Piece:
    """A piece of an interface line; ``whole``: it holds a value (a date) and is kept on one line."""
    text: str
    whole: bool


@dataclass(frozen=True)
class StatusLink:
    """The link from a status line to the explanation of the statuses, and what separates it from the status."""
    href: str
    text: str
    sep: str


@dataclass(frozen=True)
class Currency:
    """Which version of the text a page shows: its parts (versions.currency_parts), the short summary a
    reader opens, the link to every version and, on an earlier version, today's text or that it is gone."""
    old: bool
    parts: dict[str, str]
    sep: str
    summary: tuple[Piece, ...]
    versions: Link
    current: Link | None = None       # today's page of the same text
    deleted: str | None = None        # ... or that the article was deleted, and when


@dataclass(frozen=True)
class Context:
    """The line above the text: short title › chapter; ``header``, what a phone's header names."""
    short_title: str
    home_href: str
    header: str | None
    chapter: str | None
    chapter_href: str | None


@dataclass(frozen=True)
class Printed:
    """The print-only header: title, chapter, status, dates and the page's published URL."""
    title: str
    chapter: str | None
    status: str
    printed_from: str
    dates: str
    url: str


@dataclass(frozen=True)
class Downloads:
    """A text's files, each with its size once made, and the link to every download."""
    label: str
    links: tuple[Link, ...]
    all: Link

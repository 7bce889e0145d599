"""Small typed views the templates receive where pages.py computes something: the parts of a paragraph, an
article's history and changes, a glossary entry's rows. Each field is what the template prints."""
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

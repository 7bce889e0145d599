"""A toy third interface language for tests/test_profile.py: its own grammar, labels and words.

It is deliberately unlike English and Chinese (``KAP 4 — Title``, ``§ 25. text``, items ``[3] text``,
Arabic numbers, dates as day.month.year), so that anything still assuming exactly en+zh shows up.
Every interface string is marked ``⟨…⟩`` so a test can tell toy words from English or Chinese ones.
"""
from __future__ import annotations

import re

from build_scripts.languages import ENGLISH, Grammar, Language

CODE = "xx"


def _toy(text: str) -> str:
    return text if text.startswith('"') else f"⟨{text}⟩"      # CSS strings (page_x_of_y) stay as they are


TOY = Language(
    code=CODE, tag="x-toy", akn="und", name="Toy",
    grammar=Grammar(
        chapter=re.compile(r"KAP (?P<num>\d+) — (?P<title>.*)"),
        chapter_like=re.compile(r"KAP\b"),
        article=re.compile(r"§ (?P<num>\d+)\. (?P<text>.*)"),
        article_like=re.compile(r"§"),
        point=re.compile(r"\[(?P<num>\d+)\] (?P<text>.*)"),
        adoption=re.compile(r"\(.*\)"),
        strip_lines=False),
    chapter_numeral="arabic", article_numeral="arabic", point_numeral="arabic",
    formats={
        "chapter": "KAP {n}", "chapter_heading": "{label} — {title}", "article": "§ {n}",
        "paragraph": " Abs. {n}", "point": " Nr. {n}", "point_label": "[{n}]",
        "citation": "{title}, {ref}", "article_span": "§§ {a}–{b}",
        "date": "{day}.{month}.{year}", "caption": "«{caption}»",
    },
    snippet_chars=60, spaced=True,
    # Every key the English profile has, so that no page misses a word; the toy's name for itself
    # (version_xx) comes in addition.
    words={**{key: _toy(value) for key, value in ENGLISH.words.items()},
           "point_sep": " ", "list_sep": " + ", "colon": ": ", "other_name": "{name} [{other}]", "sentence_end": ".",
           "home_description": "⟨{title} {adopted} {effective}⟩", "chapter_description": "⟨{heading} {span} {title}⟩",
           "parallel_description": "⟨{heading} {title}⟩", "notes_description": "⟨{title}⟩",
           "glossary_description": "⟨{title}⟩", "pdf_description": "⟨{status} {adopted} {effective}⟩",
           "article_title": "⟨{label} {short}⟩",
           "version": "⟨Toy⟩", "version_xx": "⟨Toy⟩"},
)


def toy_text(english: str) -> str:
    """The English text rewritten in the toy grammar: same chapters, articles, paragraphs and items."""
    from build_scripts.languages import read_numeral

    out = []
    for line in english.splitlines():
        if m := ENGLISH.grammar.chapter.fullmatch(line):
            line = f"KAP {read_numeral('roman', m['num'])} — {m['title']}"
        elif m := ENGLISH.grammar.article.fullmatch(line):
            line = f"§ {m['num']}. {m['text']}"
        elif m := ENGLISH.grammar.point.fullmatch(line):
            line = f"[{m['num']}] {m['text']}"
        out.append(line)
    return "\n".join(out) + "\n"

"""The glossary: entries checked with lines, occurrences computed from the text, links that keep the text. (A term's
preview opened from the keyboard and an "appears in" link followed, in Chromium, are in test_reader.py.)"""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from build_scripts.errors import SourceError
from build_scripts.glossary import appears_in, find
from build_scripts.links import Links
from build_scripts.pages import Inline, glossary_page
from build_scripts.load import load_act

from conftest import SMALL_SOURCE, copy_source

# Added to the small act (tests/small_source/), whose Articles 1, 2 and 3 name it.
NEW_ENTRY = """
  - id: high-quality-development
    en: high-quality development
    zh: 高质量发展
    match_en: [high-quality development]
    match_zh: [高质量发展]
    definition:
      en: Development that puts quality and efficiency before speed.
      zh: 以质量和效益为先的发展。
"""


def add_to_glossary(source, text):
    path = source / "glossary.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_appears_in_is_computed_from_the_text(tmp_path):
    source = copy_source(tmp_path, SMALL_SOURCE)
    add_to_glossary(source, NEW_ENTRY)
    act = load_act(source)
    for lang in ("en", "zh"):
        occurrences = find(act.glossary, act.text(lang))
        expected = tuple(p.id for p in act.text(lang).paragraphs()
                         if ("high-quality development" if lang == "en" else "高质量发展") in p.text.lower())
        assert len(expected) > 1 and appears_in(occurrences)["high-quality-development"] == expected
        page = glossary_page(Links(), act, lang)
        entry = page[page.index("{#high-quality-development"):]
        assert f"#{expected[0]}\"" in entry


def test_all_twenty_border_areas_appear_in_article_2(act):
    areas = [e for e in act.glossary.entries if e.group == "border_areas"]
    assert len(areas) == 20
    for lang in ("en", "zh"):
        places = appears_in(find(act.glossary, act.text(lang)))
        assert all(places[e.id] == ("art_2__para_2",) for e in areas), lang


def test_longest_match_wins_and_matches_never_nest(act):
    occurrences = find(act.glossary, act.text("en"))
    para = [o for o in occurrences if o.target == "art_64__para_2"]
    assert ("border-residents-subsidies", "subsidy policy for border residents") in [(o.entry, o.text) for o in para]
    assert "border-residents" not in [o.entry for o in para if o.text == "border residents"
                                      and "subsidy policy for border residents" in act.text("en").article(64).paragraphs[1].text[o.start - 20:o.end]]
    for target in {o.target for o in occurrences}:
        spans = sorted((o.start, o.end) for o in occurrences if o.target == target)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), target


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_linking_never_changes_the_text(act, lang):
    inline = Inline(Links(), act, lang)
    linked = 0
    for paragraph in act.text(lang).paragraphs():
        parts = inline.parts(paragraph.id, paragraph.text)
        linked += sum(part.kind == "term" for part in parts)
        assert "".join(part.text for part in parts if part.kind != "note") == paragraph.text
    assert linked > 50


def test_terms_are_not_linked_in_headings(site):
    page = BeautifulSoup((site / "chapter-1" / "index.html").read_text(), "lxml")
    assert not page.select("h1 a.term, h2 a.term")
    assert page.select("p.para a.term")


BROKEN = [
    ("unknown key", "    match_en: [Alxa Left Banner]\n", "    match_en: [Alxa Left Banner]\n    colour: red\n",
     "unknown key 'colour'"),
    ("missing Chinese name", "    zh: 阿拉善左旗\n", "", "is missing 'zh'"),
    ("duplicate id", "  - id: alxa-right-banner\n", "  - id: alxa-left-banner\n", "duplicate id 'alxa-left-banner'"),
    ("variant never occurs", "    match_en: [Alxa Left Banner]\n", "    match_en: [Alxa Left Banner, Alxa Middle Banner]\n",
     "'Alxa Middle Banner' never occurs"),
]


@pytest.mark.parametrize("name,old,new,message", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_glossary_is_reported_with_its_line(tmp_path, name, old, new, message):
    source = copy_source(tmp_path, SMALL_SOURCE)
    path = source / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_act(source)
    problems = [str(p) for p in info.value.problems]
    assert any(message in p for p in problems), problems
    numbers = [int(re.match(rf"{re.escape(str(path))}:(\d+):", p).group(1)) for p in problems]
    assert all(abs(n - line) <= 12 for n in numbers), (numbers, line)


@pytest.mark.parametrize("lang,mark", [("en", "(unconfirmed)"), ("zh", "（未经核实）")])
def test_unconfirmed_facts_are_shown_as_unconfirmed_in_both_languages(site, act, lang, mark):
    page = BeautifulSoup((site / act.prefix(lang) / "glossary" / "index.html").read_text(), "lxml")
    assert mark in page.select_one("#unconfirmed").get_text()        # the mark is explained once
    for entry in act.glossary.entries:
        dl = page.select_one(f'dl[data-entry="{entry.id}"]')
        heading = page.find(id=entry.id)
        assert dl is not None and heading is not None, entry.id
        marks = heading.select(".unconfirmed") + dl.select(".unconfirmed")
        assert [m.get_text() for m in marks] == [mark] * len(entry.unconfirmed), entry.id



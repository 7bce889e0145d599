"""Editorial layers beside the text: notes on each language's text, article captions, and the glossary's
"appears in" agreeing across languages. Each is validated with FILE:LINE errors and shown at its place."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from build_scripts.errors import SourceError
from build_scripts.glossary import appears_in
from build_scripts.load import load_act

from conftest import SMALL_SOURCE, copy_source


def problems_of(source) -> list[str]:
    with pytest.raises(SourceError) as info:
        load_act(source)
    return [str(p) for p in info.value.problems]


def line_of(path, text) -> int:
    content = path.read_text(encoding="utf-8")
    assert text in content, text
    return content[:content.index(text)].count("\n") + 1


# --- validation: each mistake made in a copy of the small act (tests/small_source/) -------------------------------

NOTE_ERRORS = [
    ("unknown place", "- at: art_999__para_1\n  text: A note.\n", "at", "expected chp_N, art_N or art_N__para_M"),
    ("phrase not there", "- at: art_4__para_1\n  phrase: no such words\n  text: A note.\n", "phrase",
     "exactly once in art_4__para_1"),
    ("phrase twice", "- at: art_2__para_2\n  phrase: Banner\n  text: A note.\n", "phrase", "found it"),
    ("unknown key", "- at: art_4__para_1\n  txt: A note.\n", "txt", "unknown key 'txt'"),
    ("text is a list", "- at: art_4__para_1\n  text: [a, b]\n", "text", "expected 'text' as a non-empty text"),
]


@pytest.mark.parametrize("name,entry,key,message", NOTE_ERRORS, ids=[e[0] for e in NOTE_ERRORS])
def test_broken_note_is_refused_at_its_line(tmp_path, name, entry, key, message):
    source = copy_source(tmp_path, SMALL_SOURCE)
    path = source / "notes.en.yaml"
    path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")
    content = path.read_text(encoding="utf-8")
    at = content.rindex(entry)
    line = content[:at].count("\n") + 1 + next(i for i, l in enumerate(entry.splitlines())
                                               if l.lstrip("- ").startswith(key + ":"))
    found = problems_of(source)
    assert any(p.startswith(f"{path}:") and message in p for p in found), found
    if key != "txt":          # an unknown key is reported on its own line; others on the key's line
        assert any(p.startswith(f"{path}:{line}: ") for p in found), (line, found)


def test_glossary_entry_in_different_paragraphs_is_refused(tmp_path):
    """An entry found in other paragraphs in one language than in the other: the entry and both sets named."""
    source = copy_source(tmp_path, SMALL_SOURCE)
    path = source / "glossary.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """
  - id: test-mismatch
    en: strategic positioning
    zh: 战略定位
    match_en: [strategic positioning]
    match_zh: [自治区实际]
    definition: {en: A test entry., zh: 测试条目。}
""", encoding="utf-8")
    found = problems_of(source)
    line = line_of(path, "  - id: test-mismatch")
    [problem] = [p for p in found if "test-mismatch" in p]
    assert problem.startswith(f"{path}:{line}: test-mismatch: appears in different paragraphs: only in en: art_")
    assert "only in zh: art_" in problem


def test_every_glossary_entry_appears_in_the_same_paragraphs_in_both_languages(act):
    places = {lang: appears_in(act.occurrences[lang]) for lang in act.langs}
    for entry in act.glossary.entries:
        assert set(places["en"].get(entry.id, ())) == set(places["zh"].get(entry.id, ())), entry.id


# --- the notes on the pages --------------------------------------------------------------------------------

def page(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def text_before(marker) -> str:
    """The text of the marker's paragraph (or heading) up to the marker."""
    out = []
    for node in marker.previous_elements:
        if getattr(node, "get", None) and node.get("id") and node.name in ("p", "h1", "h2"):
            break
        if isinstance(node, str) and not node.find_parent(class_="note-ref"):
            out.append(str(node))
    return "".join(reversed(out))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_note_marker_sits_at_its_place_in_its_language(site, act, lang):
    prefix = act.prefix(lang)
    other = next(code for code in act.langs if code != lang)
    notes = act.notes_for(lang)
    assert notes
    for note in notes:
        chapter = int(note.place[4:]) if note.place.startswith("chp_") else \
            act.text(lang).chapter_of(int(note.place.split("__")[0][4:])).num
        pages = [f"{prefix}chapter-{chapter}"]
        if not note.place.startswith("chp_"):
            pages.append(f"{prefix}art/{note.place.split('__')[0][4:]}")
        for path in pages:
            doc = page(site, path)
            marker = doc.find(id=f"{note.id}-ref")
            assert marker is not None, (note.id, path)
            holder = marker.find_parent(id=note.place) or (marker.find_parent("h1") if note.place.startswith("chp_")
                                                           else None)
            assert holder is not None, (note.id, path)
            if note.phrase:
                assert text_before(marker).endswith(note.phrase), (note.id, text_before(marker)[-40:])
            listed = doc.find(id=note.id)
            assert listed is not None and note.text in listed.get_text(), (note.id, path)
        other_page = page(site, f"{act.prefix(other)}chapter-{chapter}")
        assert other_page.find(id=f"{note.id}-ref") is None


def test_side_by_side_page_marks_the_notes_of_both_languages(site, act):
    doc = page(site, "parallel/chapter-2")
    for note in act.notes:
        if act.text(note.lang).chapter_of(2) and (note.place.startswith("art_1") and
                                                  11 <= int(note.place.split("__")[0][4:]) <= 15):
            marker = doc.find(id=f"{note.id}-ref")
            assert marker is not None, note.id
            assert marker.find_parent("p")["lang"] == ("en" if note.lang == "en" else "zh-Hans")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_notes_page_lists_every_note_with_a_link_back(site, act, lang):
    doc = page(site, f"{act.prefix(lang)}notes")
    items = doc.select("ol.editorial-notes-list > li")
    notes = act.notes_for(lang)
    assert len(items) == len(notes)
    for item, note in zip(items, notes):
        assert note.text in item.get_text()
        href = item.a["href"]
        assert href.endswith(f"#{note.id}-ref") and href.startswith("../")

"""How the text is laid out, in the built pages: Chinese articles set with a run-in 第X条 that comes from the
profile, the side-by-side view offered where there is one, a list of places linked once. What Chromium measures
(positions, not pictures: Chinese first lines, the first phone screen, folded notes, copy buttons on the line of
their last word, readable paragraph numbers, glossary links that a reader can hide) is in test_reader.py, on the
pages its walk opens once per screen."""
from __future__ import annotations

from bs4 import BeautifulSoup

from build_scripts.languages import PROFILES

LANGS = {"en": "", "zh": "zh/"}


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


# --- 1. Chinese articles: 第X条 runs into the first paragraph ---------------------------------------------------

def test_run_in_numbers_come_from_the_profile_and_brackets_once(site, act):
    for lang, prefix in LANGS.items():
        language = PROFILES[lang]
        for path in (f"{prefix}chapter-4", f"{prefix}full", f"{prefix}versions/2024-01-01/chapter-4"):
            page = soup(site, path)
            heading, first = page.find(id="art_25"), page.find(id="art_25__para_1")
            caption = heading.select_one(".caption").get_text()
            assert caption == language.caption(act.captions[25][lang])              # brackets from the profile
            number = first.select_one("strong.art-num")
            if language.article_run_in:
                assert number.get_text() == language.article_label(25) + language.article_run_in, path
                assert number["aria-hidden"] == "true" and number.has_attr("data-search-exclude")
                assert "run-in" in heading["class"]
                assert heading.select_one(".visually-hidden").get_text() == language.article_label(25)
            else:
                assert number is None and not heading.get("class")
                assert heading.get_text().startswith(language.article_label(25))
        # Article pages keep the number in their title.
        assert soup(site, f"{prefix}art/25").select("strong.art-num") == []


def test_search_titles_name_the_article_and_its_caption(site, act):
    import json
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    title = next(d["title"] for d in index["docs"] if d["location"] == "chapter-4/#art_25").replace("\u200b", "")
    assert title == "第二十五条 " + PROFILES["zh"].caption(act.captions[25]["zh"])
    text = next(d["text"] for d in index["docs"] if d["location"] == "chapter-4/#art_25").replace("\u200b", "")
    assert "第二十五条" not in text


# --- 2. the language menu's side-by-side choice -------------------------------------------------------------

def test_side_by_side_choice_only_where_there_is_a_view(site):
    assert soup(site, "chapter-4").select('a.md-select__link[data-view="parallel"]')
    for path in ("art/25", "versions/2024-01-01/chapter-4", "glossary", "zh"):
        assert not soup(site, path).select('a.md-select__link[data-view]'), path


# --- 3. less in the text -----------------------------------------------------------------------------------------

def test_a_list_of_places_is_linked_once(site, act):
    for lang, prefix in LANGS.items():
        for path in (f"{prefix}chapter-1", f"{prefix}art/2"):
            links = soup(site, path).select("#art_2__para_2 a.term")
            assert len(links) <= 3, (path, [a.get_text() for a in links])
            assert any(a["href"].endswith("glossary/#group-border-areas") for a in links)
        # every entry at most once per article
        for chapter in act.text(lang).chapters:
            for body in soup(site, f"{prefix}chapter-{chapter.num}").select(".article-body"):
                targets = [a["href"] for a in body.select("a.term")]
                assert len(targets) == len(set(targets)), (lang, body["data-article"])

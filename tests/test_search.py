"""Search in both languages, typed into the real search box: the right article among the first three."""
from __future__ import annotations

import json

import jieba
import pytest

from build_scripts.site_mkdocs import user_dictionary

from conftest import search_answered

QUERIES = [
    # (page language, query, expected article location)
    ("zh", "阿拉善左旗", "chapter-1/#art_2"),
    ("zh", "嘎查村", None),                      # many articles: any Chinese article result will do
    ("zh", "二连浩特", "chapter-1/#art_2"),
    ("zh", "边民互市贸易区", "chapter-6/#art_46"),
    ("zh", "第四十六条", "art/46/#art_46"),     # the article itself, first (reader.js)
    ("en", "Erenhot", "chapter-1/#art_2"),
    ("en", "mutual market", "chapter-6/#art_46"),
    ("en", "Article 46", "art/46/#art_46"),
    ("en", "carbon emission", "chapter-3/#art_20"),
]


def search(page, server, lang, query):
    page.goto(f"{server}/{'zh/' if lang == 'zh' else ''}chapter-1/")
    box = page.locator("input.md-search__input")
    box.click()
    # Material builds its index in a web worker after the page loads, showing "Initializing search"
    # until it is ready; a query typed before then is lost, as it would be for a reader.
    initial = page.request.get(page.url).text().split('md-search-result__meta">')[1].split("<")[0].strip()
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').innerText.trim() !== t",
                           arg=initial, timeout=30000)
    box.fill(query)
    box.press("End")          # Material reads the query on key events; fill() alone sends none
    search_answered(page)
    links = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link",
                                      "links => links.map(a => a.href)")
    return [link.replace("?h=" + link.split("?h=")[1].split("#")[0], "") if "?h=" in link else link
            for link in links]


@pytest.mark.parametrize("lang,query,expected", QUERIES, ids=[q[1] for q in QUERIES])
def test_known_queries_find_the_article(page, server, lang, query, expected):
    links = search(page, server, lang, query)
    prefix = f"{server}/zh/" if lang == "zh" else f"{server}/"
    assert links, f"no results for {query!r}"
    # Results stay in the reader's language ...
    assert all(link.startswith(prefix) for link in links)
    assert all(("/zh/" in link) == (lang == "zh") for link in links)
    # ... and point at articles, with the expected one among the first three.
    top = [link[len(prefix):] for link in links[:3]]
    if expected:
        assert expected in top, top
    else:
        assert any("#art_" in link for link in top), top


def test_chinese_names_are_single_search_terms(act):
    for line in user_dictionary(act).splitlines():
        jieba.add_word(line.split()[0], int(line.split()[1]))
    for word in ("阿拉善左旗", "旗县级以上人民政府", "嘎查村", "边民互市贸易区", "第四十六条"):
        assert list(jieba.cut(f"支持{word}发展")) .count(word) == 1, word


def test_index_is_split_by_language(site):
    en = json.loads((site / "search" / "search_index.json").read_text())
    zh = json.loads((site / "zh" / "search" / "search_index.json").read_text())
    assert en["docs"] and zh["docs"]
    assert not any(d["location"].startswith("zh/") for d in en["docs"])
    assert any(d["location"] == "chapter-6/#art_46" and "第四十六条" in d["title"] for d in zh["docs"])
    assert not any("parallel/" in d["location"] for d in en["docs"])
    # Chinese text is segmented: glossary names are whole tokens between \u200b separators.
    art2 = next(d for d in zh["docs"] if d["location"] == "chapter-1/#art_2")
    assert "\u200b阿拉善左旗\u200b" in art2["text"]

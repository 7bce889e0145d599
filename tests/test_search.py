"""Search in both languages, typed into the real search box: the right article among the first three, and results
that read well. Every query of a language is typed one after another into one loaded page (the search index loads
once per language)."""
from __future__ import annotations

import json
import re

import jieba
import pytest

from build_scripts.languages import PROFILES
from build_scripts.site_mkdocs import user_dictionary

from conftest import Missed, search_answered, search_cleared

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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_known_queries_find_the_article(answers, server, lang):
    """Every query of the language, typed one after another into one page's search box; every query that does not
    find its article is reported."""
    prefix = f"{server}/zh/" if lang == "zh" else f"{server}/"
    wrong = {}
    for query_lang, query, expected in QUERIES:
        if query_lang != lang:
            continue
        links = answers[lang, query]["links"]
        top = [link[len(prefix):] for link in links[:3]]
        if not links:
            wrong[query] = "no results"
        # Results stay in the reader's language ...
        elif not all(link.startswith(prefix) and ("/zh/" in link) == (lang == "zh") for link in links):
            wrong[query] = links
        # ... and point at articles, with the expected one among the first three.
        elif expected and expected not in top or not expected and not any("#art_" in link for link in top):
            wrong[query] = top
    assert not wrong, wrong


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


# --- what a reader sees: every query of this file typed one after another into one loaded page per language -------

SEEN = r"""() => {
    const meta = document.querySelector(".md-search-result__meta");
    const doc = a => ({at: new URL(a.href).pathname.replace(/^\/(zh\/)?/, "") + new URL(a.href).hash,
                       text: a.innerText.replace(/\u200b/g, "")});
    return {meta: meta.innerText.trim(), meta_shown: meta.offsetParent !== null && getComputedStyle(meta).display !== "none",
            items: [...document.querySelectorAll(".md-search-result__item")].map(li => ({
                goto: li.classList.contains("goto-result"),
                shown: [...li.querySelectorAll(":scope > a")].map(doc),
                folded: [...li.querySelectorAll("details a")].map(doc)})),
            links: [...document.querySelectorAll(".md-search-result__item a.md-search-result__link")].map(a => a.href)};
}"""
# What test_search_results_read_well types, besides QUERIES.
READ_WELL = {"en": ["二十五", "第72条", "第二十五条", "ports", "口岸"], "zh": ["二十五", "第72条", "第二十五条", "口岸", "ports"]}


def typed(page, query) -> dict:
    field = page.locator("input.md-search__input")
    field.fill("")                  # the previous query's results go first, so that they are not taken for these
    page.wait_for_selector(".md-search-result__item", state="detached")
    search_cleared(page)
    field.fill(query)
    field.press("End")              # Material reads the query on key events; fill() alone sends none
    search_answered(page)
    seen = page.evaluate(SEEN)
    seen["links"] = [link.replace("?h=" + link.split("?h=")[1].split("#")[0], "") if "?h=" in link else link
                     for link in seen["links"]]
    return seen


@pytest.fixture(scope="module")
def answers(pages, server):
    """What the search box showed for each query: answers[lang, query]. One page per language, loaded once (its
    search index too); an error in one query fails only the tests that read it."""
    page = pages(viewport={"width": 1280, "height": 800})
    shown = {}
    for lang in ("en", "zh"):
        page.goto(f"{server}/{'zh/' if lang == 'zh' else ''}chapter-1/")
        page.locator("input.md-search__input").click()
        # Material builds its index in a web worker after the page loads, showing "Initializing search"
        # until it is ready; a query typed before then is lost, as it would be for a reader.
        initial = page.request.get(page.url).text().split('md-search-result__meta">')[1].split("<")[0].strip()
        page.wait_for_function("t => document.querySelector('.md-search-result__meta').innerText.trim() !== t",
                               arg=initial, timeout=30000)
        for query in dict.fromkeys([q for l, q, _ in QUERIES if l == lang] + READ_WELL[lang]):
            try:
                shown[lang, query] = typed(page, query)
            except Exception as error:      # noqa: BLE001 - kept for the test that reads it
                shown[lang, query] = Missed(error)
    return Answers(shown)


class Answers(dict):
    def __getitem__(self, key):
        value = super().__getitem__(key)
        if isinstance(value, Missed):
            pytest.fail(f"{key[1]!r} ({key[0]}): {value.text}", pytrace=False)
        return value


def places(item) -> list[str]:
    return [d["at"] for d in item["shown"] + item["folded"]]


def pages_with_word(site, lang, word) -> int:
    """The pages whose index sections hold ``word`` as a whole word (what Material counts for it)."""
    index = json.loads((site / ("zh/" if lang == "zh" else "") / "search" / "search_index.json").read_text())
    separator = re.compile(index["config"]["separator"])
    found = {d["location"].split("#")[0] for d in index["docs"]
             if word in separator.split(re.sub("<[^>]+>", " ", d["title"] + " " + d["text"]))}
    return len(found)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_search_results_read_well(answers, site, lang):
    labels = {"en": ("Appears in: Article 26(1)", "Chinese: 口岸"), "zh": ("英文：border ports", "出现于：第二十六条第一款")}
    other = {"en": "口岸", "zh": "ports"}[lang]

    # An article number alone: the article first, and no "no matching documents" above it.
    for query, article in (("二十五", 25), ("第72条", 72)):
        seen = answers[lang, query]
        assert seen["items"][0]["goto"] and places(seen["items"][0]) == [f"art/{article}/#art_{article}"], query
        assert not seen["meta_shown"], (query, seen["meta"])
    # 第二十五条 matches the pages that hold it, not every page on 第.
    seen = answers[lang, "第二十五条"]
    assert seen["items"][0]["goto"] and places(seen["items"][0]) == ["art/25/#art_25"]
    material = [item for item in seen["items"] if not item["goto"]]
    assert 0 < len(material) == pages_with_word(site, lang, "第二十五条") < 10, seen
    # Ports: the article captioned with them first; its caption in the other language finds it too.
    first = answers[lang, {"en": "ports", "zh": "口岸"}[lang]]["items"][0]
    assert places(first)[0] == "chapter-6/" and {"chapter-6/#art_44", "chapter-6/#art_45"} <= set(places(first))
    if lang == "en":
        assert places(first)[1] == "chapter-6/#art_44"
    seen = answers[lang, other]
    found = [at for item in seen["items"] for at in places(item)]
    assert "chapter-6/#art_44" in found and "glossary/#border-ports" in found, found
    # The glossary's details read as labelled text.
    entry = next(d for item in seen["items"] for d in item["shown"] if d["at"] == "glossary/#border-ports")
    assert all(label in entry["text"] for label in labels[lang]), entry["text"]


def test_article_numbers_stay_whole_in_the_chinese_index(site, act):
    """Material segments a Chinese query by the words of the index: a word that is a shorter start of an article
    number (a lone 第) would cut the query down to it, and every page would match."""
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text())
    separator = re.compile(index["config"]["separator"])
    words = {w for d in index["docs"] for f in ("title", "text") for w in separator.split(re.sub("<[^>]+>", " ", d[f]))}
    labels = [PROFILES["zh"].article_label(a.num) for a in act.text("zh").articles()]
    assert all(label in words for label in labels)
    assert not [(label, label[:n]) for label in labels for n in range(1, len(label)) if label[:n] in words]
    # Each article's captions, in both languages, are searchable with it.
    art44 = next(d for d in index["docs"] if d["location"] == "chapter-6/#art_44")
    assert "口岸" in separator.split(art44["caption"]) and "ports" in separator.split(art44["caption"])

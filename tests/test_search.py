"""Search in both languages, typed into the real search box: the right article among the first three."""
from __future__ import annotations

import json
import re

import jieba
import pytest

from build_scripts.languages import PROFILES
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


# --- what a reader sees, many queries typed one after another on one loaded page per language ---------------

SEEN = r"""() => {
    const meta = document.querySelector(".md-search-result__meta");
    const doc = a => ({at: new URL(a.href).pathname.replace(/^\/(zh\/)?/, "") + new URL(a.href).hash,
                       text: a.innerText.replace(/\u200b/g, "")});
    return {meta: meta.innerText.trim(), meta_shown: meta.offsetParent !== null && getComputedStyle(meta).display !== "none",
            items: [...document.querySelectorAll(".md-search-result__item")].map(li => ({
                goto: li.classList.contains("goto-result"),
                shown: [...li.querySelectorAll(":scope > a")].map(doc),
                folded: [...li.querySelectorAll("details a")].map(doc)}))};
}"""


def typed(page, query) -> dict:
    field = page.locator("input.md-search__input")
    field.fill("")                  # the previous query's results go first, so that they are not taken for these
    page.wait_for_selector(".md-search-result__item", state="detached")
    field.fill(query)
    field.press("End")
    search_answered(page)
    return page.evaluate(SEEN)


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
def test_search_results_read_well(page, server, site, lang):
    page.goto(f"{server}/{'zh/' if lang == 'zh' else ''}chapter-1/")
    page.locator("input.md-search__input").click()
    initial = page.request.get(page.url).text().split('md-search-result__meta">')[1].split("<")[0].strip()
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').innerText.trim() !== t",
                           arg=initial, timeout=30000)
    labels = {"en": ("Appears in: Article 26(1)", "Chinese: 口岸"), "zh": ("英文：border ports", "出现于：第二十六条第一款")}
    other = {"en": "口岸", "zh": "ports"}[lang]

    # An article number alone: the article first, and no "no matching documents" above it.
    for query, article in (("二十五", 25), ("第72条", 72)):
        seen = typed(page, query)
        assert seen["items"][0]["goto"] and places(seen["items"][0]) == [f"art/{article}/#art_{article}"], query
        assert not seen["meta_shown"], (query, seen["meta"])
    # 第二十五条 matches the pages that hold it, not every page on 第.
    seen = typed(page, "第二十五条")
    assert seen["items"][0]["goto"] and places(seen["items"][0]) == ["art/25/#art_25"]
    material = [item for item in seen["items"] if not item["goto"]]
    assert 0 < len(material) == pages_with_word(site, lang, "第二十五条") < 10, seen
    # Ports: the article captioned with them first; its caption in the other language finds it too.
    first = typed(page, {"en": "ports", "zh": "口岸"}[lang])["items"][0]
    assert places(first)[0] == "chapter-6/" and {"chapter-6/#art_44", "chapter-6/#art_45"} <= set(places(first))
    if lang == "en":
        assert places(first)[1] == "chapter-6/#art_44"
    seen = typed(page, other)
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

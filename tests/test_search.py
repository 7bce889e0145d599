"""Search in both languages, as the build makes it: Chinese names as single search terms, an index per language,
article numbers whole in the Chinese index. What a reader sees typing into the real search box (the right article
among the first three, results that read well) is in test_reader.py, on the pages its walk opens."""
from __future__ import annotations

import json
import re

import jieba

from build_scripts.languages import PROFILES
from build_scripts.site_mkdocs import user_dictionary


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

"""Search per language.

mkdocs-static-i18n merges both languages into one index, so a reader on a Chinese page would get
English results and the other way round. After the build, the index is split: the English half stays
in search/, the Chinese half goes to zh/search/, where Chinese pages look for it (overrides/main.html).
Chinese text is segmented by jieba with a user dictionary made from the glossary, so names such as
阿拉善左旗 or 边民互市贸易区 and labels such as 第四十六条 stay single search terms.
"""
from __future__ import annotations

import json
from pathlib import Path

from .labels import article_label, chapter_label
from .source import Act

USER_DICT = ".jieba_user_dict.txt"     # in docs/; a dot-file, so MkDocs does not publish it
FREQUENCY = 100000                      # high enough that jieba keeps each word whole


def user_dictionary(act: Act) -> str:
    words = []
    if act.glossary:
        for entry in act.glossary.entries:
            words += [entry.name["zh"], *entry.match["zh"]]
            for field in ("parent", "seat"):
                value = getattr(entry, field)
                if value:
                    words.append(value["zh"])
    reg = act.text("zh")
    words += [chapter_label("zh", c.num) for c in reg.chapters]
    words += [article_label("zh", a.num) for a in reg.articles()]
    unique = dict.fromkeys(w.strip("“”") for w in words if w and " " not in w)
    return "".join(f"{word} {FREQUENCY} n\n" for word in unique)


def split_index(site: Path, offline: bool = False) -> dict[str, int]:
    """Rewrite the merged index as one index per language; returns the byte size of each."""
    site = Path(site)
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    halves = {"en": [], "zh": []}
    for doc in merged["docs"]:
        if doc["location"].startswith("zh/"):
            halves["zh"].append(dict(doc, location=doc["location"][len("zh/"):]))
        else:
            halves["en"].append(doc)
    sizes = {}
    for lang, docs in halves.items():
        folder = site / ("search" if lang == "en" else "zh/search")
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"config": merged["config"], "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if offline:   # read from a <script> where fetch() cannot reach files
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
        sizes[lang] = len(data.encode("utf-8"))
    return sizes

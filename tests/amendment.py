"""An invented amendment history of the act, for tests only (never published).

Three versions, made from the real text in source/ (which stays the current one, so that its captions,
notes and glossary still fit):

- 2024-01-01, the act as adopted: Article 25(1) read "support" where today's text reads "strengthen"
  (支持 for 加强), and it had an Article 31 on annual reports, while today's Article 60 did not exist yet;
- 2025-03-01, first amendment: Article 25(1) reworded as it reads today;
- 2026-01-01, second amendment (current): Article 31 deleted, Articles 32-60 renumbered 31-59, a new
  Article 60 inserted.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from build_scripts.numerals import from_chinese, to_chinese

SOURCE = Path(__file__).resolve().parent.parent / "source"
VERSIONS = ("2024-01-01", "2025-03-01", "2026-01-01")
DELETED = 31            # in the second version
INSERTED = 60           # in the current version
EXTRA = {"en": "Article {n} People's governments at or above the banner county level shall publish an annual "
               "report on the development of border areas.",
         "zh": "第{n}条 旗县级以上人民政府应当每年公布边境地区发展情况报告。"}
HEADING = {"en": (re.compile(r"^Article (\d+)(?= )"), str, int),
           "zh": (re.compile(r"^第([零〇一二三四五六七八九十百]+)条(?=[ 　])"), to_chinese, from_chinese)}
CHAPTER = re.compile(r"^(Chapter [IVXL]+\b|第[一二三四五六七八九十]+章)")
OLD_WORDING = {"en": ("shall strengthen the construction of transportation", "shall support the construction of "
                                                                             "transportation"),
               "zh": ("应当加强边境地区交通基础设施建设", "应当支持边境地区交通基础设施建设")}
INSTRUMENTS = [
    {"effective": "2024-01-01", "adopted": "2023-11-30", "instrument": {
        "en": "Adopted at the 7th meeting of the Standing Committee of the 14th People's Congress of the Inner Mongolia "
              "Autonomous Region",
        "zh": "内蒙古自治区第十四届人民代表大会常务委员会第七次会议通过"}},
    {"effective": "2025-03-01", "adopted": "2025-01-15", "instrument": {
        "en": "Decision on Amending the Regulations on Promoting High-quality Development in Border Areas (test fixture)",
        "zh": "关于修改《内蒙古自治区促进边境地区高质量发展条例》的决定（测试用）"}},
    {"effective": "2026-01-01", "adopted": "2025-11-28", "instrument": {
        "en": "Second Decision on Amending the Regulations on Promoting High-quality Development in Border Areas "
              "(test fixture)",
        "zh": "关于第二次修改《内蒙古自治区促进边境地区高质量发展条例》的决定（测试用）"}},
]


# libyaml when the wheel has it (as build_scripts/yaml_lines.py): the same YAML, a third of the time.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def renumbered() -> dict[int, int | None]:
    """Second version's numbers -> current numbers: 31 deleted, 32-60 one down."""
    return {DELETED: None, **{n: n - 1 for n in range(DELETED + 1, INSERTED + 1)}}


def _blocks(lines: list[str], lang: str):
    """(article number or None, lines): each article with its paragraphs; other lines on their own."""
    pattern, _write, read = HEADING[lang]
    blocks = []
    for line in lines:
        m = pattern.match(line)
        if m:
            blocks.append([read(m[1]), [line]])
        elif blocks and blocks[-1][0] is not None and not CHAPTER.match(line) and line.strip():
            blocks[-1][1].append(line)
        else:
            blocks.append([None, [line]])
    return blocks


def _numbered(line: str, lang: str, num: int) -> str:
    pattern, write, _read = HEADING[lang]
    label = f"Article {num}" if lang == "en" else f"第{write(num)}条"
    return pattern.sub(label, line, count=1)


def second_version(text: str, lang: str) -> str:
    """Today's text as it read before the second amendment: Article 31 present, today's 60 absent."""
    out = []
    for num, lines in _blocks(text.splitlines(), lang):
        if num == INSERTED:
            continue
        if num is not None and DELETED <= num < INSERTED:
            lines = [_numbered(lines[0], lang, num + 1)] + lines[1:]
        out += lines
        if num == DELETED - 1:
            write = HEADING[lang][1]
            out.append(EXTRA[lang].format(n=DELETED if lang == "en" else write(DELETED)))
    return "\n".join(out) + "\n"


def first_version(text: str, lang: str) -> str:
    new, old = OLD_WORDING[lang]
    assert text.count(new) == 1
    return text.replace(new, old)


def make(target: Path) -> Path:
    """A copy of source/ with the invented history; returns the new source folder."""
    source = target / "source"
    shutil.copytree(SOURCE, source)
    for lang in ("en", "zh"):
        current = (SOURCE / f"regulation.{lang}.txt").read_text(encoding="utf-8")
        second = second_version(current, lang)
        for key, text in ((VERSIONS[0], first_version(second, lang)), (VERSIONS[1], second)):
            folder = source / "versions" / key
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"regulation.{lang}.txt").write_text(text, encoding="utf-8")
    meta = yaml.load((source / "regulation.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    meta["versions"] = [dict(v) for v in INSTRUMENTS]
    meta["versions"][-1]["renumbered"] = renumbered()
    meta["checked"] = "2026-06-30"
    # The older texts have the same typographic slips as today's (in the second version's numbering).
    meta["corrections"] += [dict(c, version=key, article=c["article"] + (DELETED <= c["article"] < INSERTED))
                            for key in VERSIONS[:2] for c in meta["corrections"]]
    (source / "regulation.yaml").write_text(yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
    return source

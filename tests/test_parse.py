"""The parser on real text and on broken text: every error kind, reported at its line."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest
from hypothesis import given, seed, settings, strategies as st

from build_scripts.errors import SourceError
from build_scripts.model import Regulation
from build_scripts.languages import CHINESE, ENGLISH
from build_scripts.parse import parse, parse_lines, to_text

from conftest import TIMEOUT, ROOT, cli

SEED_SHA256 = "270c1055aad9ad6a9d1bbe181910a9b0a4074686a487a65efd242dd35e35f23b"

EN = """Title of the act
(Adopted on a day)
Chapter I: General
Article 1 First article.
Second paragraph of article 1.
Article 2 Second article.
Chapter II: More
Article 3 Third article.
"""

ZH = """条例标题
（某日通过）
第一章 总 则
第一条 第一条的内容。
第一条第二款。
第二条 第二条的内容。
第二章 其他
第三条 第三条的内容。
"""


def write(tmp_path, text, lang="en", raw=None):
    path = tmp_path / f"regulation.{lang}.txt"
    path.write_bytes(raw if raw is not None else text.encode("utf-8"))
    return path


def errors(path):
    with pytest.raises(SourceError) as info:
        parse(path)
    return [(p.line, p.message) for p in info.value.problems]


def test_seed_copied_byte_for_byte():
    data = (ROOT / "source" / "regulation.en.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_real_text_parses(lang):
    reg = parse(ROOT / "source" / f"regulation.{lang}.txt")
    assert [c.num for c in reg.chapters] == list(range(1, 10))
    assert [a.num for a in reg.articles()] == list(range(1, 74))
    assert sum(len(a.paragraphs) for a in reg.articles()) == 99
    # Every paragraph keeps the line it came from.
    lines = reg.lines
    for paragraph in reg.paragraphs():
        assert paragraph.text in lines[paragraph.line - 1]


def test_english_structure_details():
    reg = parse(ROOT / "source" / "regulation.en.txt")
    assert reg.chapters[3].title == "Infrastructure Construction"     # heading without a colon
    art2 = reg.article(2)
    assert [p.id for p in art2.paragraphs] == ["art_2__para_1", "art_2__para_2", "art_2__para_3"]
    assert art2.paragraphs[1].text.startswith('The term "border areas"')
    assert reg.chapter_of(25).id == "chp_4"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_round_trip_model_text_model(lang):
    reg = parse(ROOT / "source" / f"regulation.{lang}.txt")
    again = parse_lines(to_text(reg).splitlines(), reg.path, ENGLISH if lang == "en" else CHINESE)
    assert again == reg


def test_crlf_and_bom_are_accepted(tmp_path):
    plain = parse(write(tmp_path, EN))
    crlf = parse(write(tmp_path, None, raw=b"\xef\xbb\xbf" + EN.replace("\n", "\r\n").encode()))
    assert crlf == plain
    assert crlf.title == "Title of the act"


def test_items_are_recognised_in_chinese(tmp_path):
    text = ZH.replace("第一条第二款。\n", "第一条第二款包括：\n（一）甲；\n（二）乙。\n")
    reg = parse(write(tmp_path, text, "zh"))
    points = reg.article(1).paragraphs[1].points
    assert [(p.num, p.text, p.id) for p in points] == [
        (1, "甲；", "art_1__para_2__point_1"), (2, "乙。", "art_1__para_2__point_2")]


EN_CASES = [
    # (name, replace old, with new, expected line, fragment of the message)
    ("repeated article", "Article 2 Second", "Article 1 Second", 6, "Article 1 is repeated (first at line 4)"),
    ("gap in articles", "Article 3 Third", "Article 5 Third", 8, "expected Article 3, found Article 5"),
    ("articles out of order", "Article 2 Second article.\nChapter II: More\nArticle 3 Third",
     "Article 3 Second article.\nChapter II: More\nArticle 2 Third", 6, "expected Article 2, found Article 3"),
    ("chapter skipped", "Chapter II: More", "Chapter III: More", 7, "expected Chapter II, found Chapter III"),
    ("chapter repeated", "Chapter II: More", "Chapter I: More", 7, "Chapter I is repeated (first at line 3)"),
    ("article before first chapter", "Chapter I: General\nArticle 1", "Article 1", 3,
     "Article 1 comes before the first chapter heading"),
    ("article with no text", "Article 2 Second article.", "Article 2", 6, "Article 2 has no text"),
    ("unreadable chapter heading", "Chapter II: More", "Chapter Two: More", 7, "cannot read this chapter heading"),
    ("unreadable article heading", "Article 3 Third", "Article III Third", 8, "cannot read this article heading"),
    ("no adoption line", "(Adopted on a day)", "Adopted on a day", 2, "expected the adoption line in parentheses"),
    ("text outside an article", "Chapter II: More\n", "Chapter II: More\nStray text\n", 8,
     "expected a chapter or article heading after Chapter II"),
    ("chapter without articles", "Chapter II: More\nArticle 3 Third article.\n",
     "Chapter II: More\nChapter III: Empty\nArticle 3 Third article.\n", 7, "Chapter II has no articles"),
]


@pytest.mark.parametrize("name,old,new,line,message", EN_CASES, ids=[c[0] for c in EN_CASES])
def test_english_errors_name_their_line(tmp_path, name, old, new, line, message):
    assert old in EN
    found = errors(write(tmp_path, EN.replace(old, new, 1)))
    assert any(l == line and message in m for l, m in found), found


ZH_CASES = [
    ("repeated article", "第二条 第二条", "第一条 第二条", 6, "第一条 is repeated (first at line 4)"),
    ("gap in articles", "第三条 第三条", "第五条 第三条", 8, "expected 第三条, found 第五条"),
    ("chapter skipped", "第二章 其他", "第三章 其他", 7, "expected 第二章, found 第三章"),
    ("article before first chapter", "第一章 总 则\n", "", 3, "第一条 comes before the first chapter heading"),
    ("article with no text", "第二条 第二条的内容。", "第二条", 6, "第二条 has no text"),
    ("bad numeral", "第三条 第三条", "第三三条 第三条", 8, "cannot read this article heading"),
    ("item out of order", "第一条第二款。\n", "第一条第二款：\n（二）乙。\n", 6, "expected item （一）, found （二）"),
]


@pytest.mark.parametrize("name,old,new,line,message", ZH_CASES, ids=[c[0] for c in ZH_CASES])
def test_chinese_errors_name_their_line(tmp_path, name, old, new, line, message):
    assert old in ZH
    found = errors(write(tmp_path, ZH.replace(old, new, 1), "zh"))
    assert any(l == line and message in m for l, m in found), found


@pytest.mark.parametrize("lang,text", [("en", EN), ("zh", ZH)], ids=["en", "zh"])
def test_bytes_that_are_not_utf8_are_reported_at_their_line(tmp_path, lang, text):
    raw = text.encode("utf-8").replace("Third".encode() if lang == "en" else "第三条的".encode(),
                                       b"Th\xff\xfeird", 1)
    found = errors(write(tmp_path, None, lang, raw=raw))
    assert found[0][0] == 8 and "byte(s) ff at column" in found[0][1] and "not UTF-8" in found[0][1]


def test_cli_check_clean_and_broken(tmp_path):
    ok = cli("check", ROOT / "source/regulation.en.txt", ROOT / "source/regulation.zh.txt")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines() == [f"{ROOT}/source/regulation.en.txt: 9 chapters, 73 articles, 99 paragraphs",
                                      f"{ROOT}/source/regulation.zh.txt: 9 chapters, 73 articles, 99 paragraphs"]
    bad = write(tmp_path, EN.replace("Article 3", "Article 4"))
    result = subprocess.run([sys.executable, "-m", "build_scripts", "check", str(bad)],
                            cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{bad}:8: expected Article 3, found Article 4: Article 3 missing"]


def test_cli_check_json(tmp_path):
    result = cli("check", "--json", ROOT / "source/regulation.en.txt")
    data = json.loads(result.stdout)
    art25 = data["chapters"][3]["articles"][4]
    assert art25["id"] == "art_25"
    assert [p["id"] for p in art25["paragraphs"]] == ["art_25__para_1", "art_25__para_2"]
    assert art25["paragraphs"][1]["line"] == art25["line"] + 1


@seed(20231130)
@settings(deadline=None, derandomize=True)     # examples: the profile (tests/conftest.py)
@given(st.lists(st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(["Chapter I: A", "Chapter II", "Article 1 x", "Article 2", "Article 3 y", "(z)", "(1) item",
                     "第一章 总则", "第一条 文", "第二条", "（一）项", "Chapter", "Article", "第三章"])), max_size=12),
       st.sampled_from([ENGLISH, CHINESE]))
def test_parser_only_ever_raises_source_error(lines, grammar):
    try:
        result = parse_lines(lines, "fuzz.txt", grammar)
    except SourceError as e:
        assert all(p.line >= 1 for p in e.problems)
    else:
        assert isinstance(result, Regulation)

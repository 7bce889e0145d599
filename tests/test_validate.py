"""Corrections apply exactly once; the two languages align; both problems are reported with lines. Each mistake is
made in a copy of the small act (tests/small_source/)."""
from __future__ import annotations

import pytest

from build_scripts.errors import SourceError
from build_scripts.load import load_act

from conftest import SMALL_SOURCE, cli, copy_source


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems_of(source):
    with pytest.raises(SourceError) as info:
        load_act(source)
    return [str(p) for p in info.value.problems]


def test_corrections_are_applied(act):
    raw = act.text("en").lines
    corrected = act.text("en").article(20).paragraphs[1]
    assert raw[corrected.line - 1].endswith("trading。")
    assert corrected.text.endswith("trading.")
    assert all("。" not in p.text for p in act.text("en").paragraphs())


def test_stale_correction_stops_the_build(tmp_path):
    source = copy_source(tmp_path, SMALL_SOURCE)
    edit(source / "regulation.en.txt", "electric power services。", "electric power services.")
    found = problems_of(source)
    assert len(found) == 1
    assert found[0].startswith(f"{source / 'regulation.yaml'}:")
    assert "must apply exactly once" in found[0] and "found it 0 times" in found[0]


def test_correction_matching_twice_stops_the_build(tmp_path):
    source = copy_source(tmp_path, SMALL_SOURCE)
    edit(source / "regulation.yaml", 'from: "。"', 'from: "e"')
    assert any("found it" in p and "times" in p for p in problems_of(source))


def test_missing_article_in_one_language(tmp_path):
    source = copy_source(tmp_path, SMALL_SOURCE)
    zh = source / "regulation.zh.txt"
    lines = zh.read_text(encoding="utf-8").splitlines(keepends=True)
    # Drop 第二章 and its two articles, so the Chinese text ends at Chapter I.
    zh.write_text("".join(lines[:-3]), encoding="utf-8")
    en_line = 1 + (source / "regulation.en.txt").read_text().splitlines().index("Chapter II Infrastructure Construction")
    found = problems_of(source)
    assert any(f"regulation.en.txt:{en_line}: chapter 2 is missing in" in p and "regulation.zh.txt" in p for p in found), found


def test_extra_paragraph_in_one_language(tmp_path):
    source = copy_source(tmp_path, SMALL_SOURCE)
    edit(source / "regulation.zh.txt", "第二条 ", "第二条 多出的一款。\n")
    found = problems_of(source)
    en_line = 1 + next(i for i, l in enumerate((source / "regulation.en.txt").read_text().splitlines())
                       if l.startswith("Article 2 "))
    assert any(f"regulation.en.txt:{en_line}: article 2 has 3 paragraph(s) here but 4 in" in p
               and "regulation.zh.txt:" in p for p in found), found


def test_bad_metadata_is_reported_with_its_line(tmp_path):
    source = copy_source(tmp_path, SMALL_SOURCE)
    edit(source / "regulation.yaml", 'adopted: "2023-11-30"', 'adopted: "30 November"')
    line = 1 + (source / "regulation.yaml").read_text().splitlines().index('adopted: "30 November"')
    found = problems_of(source)
    assert found == [f"{source / 'regulation.yaml'}:{line}: expected 'adopted' as a date YYYY-MM-DD, found '30 November'"]


def test_check_command_compares_the_two_languages(tmp_path):
    source = copy_source(tmp_path, SMALL_SOURCE)
    edit(source / "regulation.zh.txt", "第四条 ", "第四条 多出的一款。\n")
    en, zh = source / "regulation.en.txt", source / "regulation.zh.txt"
    result = cli("check", en, zh)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{en}:") and "article 4 has 1 paragraph(s) here but 2" in line and f"{zh}:" in line

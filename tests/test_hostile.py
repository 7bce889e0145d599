"""A corpus of broken source files (tests/hostile/): each is refused with its FILE:LINE, exit status 1,
and an existing site/ left byte-identical. CRLF and BOM variants must pass."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT, cli, copy_source, run_build
from test_site import tree_digest

CORPUS = ROOT / "tests" / "hostile"
BROKEN = sorted(p for p in CORPUS.glob("*.txt") if not p.name.startswith("ok-"))
GOOD = sorted(CORPUS.glob("ok-*.txt"))


def check(*paths):
    """``python -m build_scripts check PATHS`` in this process (test_parse runs the command itself); an
    uncaught exception here is exactly the traceback a person would see."""
    return cli("check", *paths)


def expected_line(path) -> int:
    return int(re.search(r"\.L(\d+)\.", path.name).group(1))


def test_corpus_covers_both_languages():
    assert len([p for p in BROKEN if p.name.endswith(".en.txt")]) >= 10
    assert len([p for p in BROKEN if p.name.endswith(".zh.txt")]) >= 8


@pytest.mark.parametrize("path", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_file_is_refused_at_its_line(path):
    result = check(path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines and all(re.match(rf"{re.escape(str(path))}:\d+: \S", line) for line in lines), lines
    assert lines[0].startswith(f"{path}:{expected_line(path)}: "), lines


@pytest.mark.parametrize("path", GOOD, ids=[p.name for p in GOOD])
def test_crlf_and_bom_variants_pass(path):
    result = check(path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{path}: 2 chapters, 3 articles, 4 paragraphs\n"


def test_broken_source_leaves_the_site_byte_identical(tmp_path, site):
    """Through the build command, with the first broken file of each language (the others are refused by
    the same check before anything is built, as the test above shows)."""
    previous = tmp_path / "site"
    shutil.copytree(site, previous)
    before = tree_digest(previous)
    firsts = {path.name.split(".")[-2]: path for path in reversed(BROKEN)}
    assert set(firsts) == {"en", "zh"}
    for lang, path in firsts.items():
        source = copy_source(tmp_path / path.stem)
        shutil.copyfile(path, source / f"regulation.{lang}.txt")
        result = run_build(tmp_path / path.stem, source, previous)
        assert result.returncode == 1, path.name
        assert re.search(rf"regulation\.{lang}\.txt:{expected_line(path)}: ", result.stderr), result.stderr
        assert tree_digest(previous) == before, path.name

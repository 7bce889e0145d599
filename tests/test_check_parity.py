"""``check`` finds what ``site`` would fail on: each mistake, made in a copy of the small act (tests/small_source/,
the same kinds of file as source/ for five articles: the point is the refusal, not the real act), is refused by
both commands with ``FILE:LINE: message`` and exit status 1, never a traceback, and the previous site is left as
it was.

Each case is (file under tests/small_source/, text to find, text to put instead, expected line); a text to find
of None writes the replacement as bytes (a file that is not UTF-8), and a file of None removes regulation.yaml."""
from __future__ import annotations

import re

import pytest

from conftest import SMALL_SOURCE, check_source, copy_source, run_build

ABOUT_EN, ABOUT_ZH, GLOSSARY = "pages/en/about.md", "pages/zh/about.md", "glossary.yaml"
CASES = {
    "map-coords-outside": (GLOSSARY, "coords: {lat: 38.83, lon: 105.67, approximate: false}",
                           "coords: {lat: 8.83, lon: 105.67, approximate: false}", 13),
    "border-area-without-parent": (GLOSSARY, "    parent: {en: Alxa League, zh: 阿拉善盟}\n", "", 5),
    "page-not-utf8": (ABOUT_EN, None, b"# About {#about}\n\nLatin-1: caf\xe9\n", 3),
    "page-link-to-no-page": (ABOUT_EN, "[How to cite](how-to-cite.md)", "[How to cite](how-to-quote.md)", 19),
    "page-link-to-no-anchor": (ABOUT_EN, "[contents](index.md#contents)", "[contents](index.md#content)", 18),
    "page-link-to-own-missing-anchor": (ABOUT_ZH, "(index.md#contents)", "(#nowhere)", 12),
    "page-link-to-no-article": (ABOUT_EN, '<a href="../art/2/">', '<a href="../art/6/">', 20),
    "page-link-to-no-download": ("pages/en/downloads.md", '<a href="regulation-en.pdf">',
                                 '<a href="regulation-fr.pdf">', 10),
    "no-regulation-yaml": (None, None, None, 1),
}


def broken(tmp_path, name):
    file, old, new, line = CASES[name]
    source = copy_source(tmp_path, SMALL_SOURCE)
    if file is None:
        (source / "regulation.yaml").unlink()
        return source, source / "regulation.yaml", line
    path = source / file
    if old is None:
        path.write_bytes(new)
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name}: {old!r} is no longer in tests/small_source/{file}; update the case"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return source, path, line


@pytest.mark.parametrize("name", CASES)
def test_check_refuses_it_at_its_line(tmp_path, name):
    source, path, line = broken(tmp_path, name)
    status, err = check_source(source)
    lines = err.splitlines()
    assert status == 1, err
    assert lines and all(re.match(r"\S+:\d+: \S", line) for line in lines), lines
    assert lines[0].startswith(f"{path}:{line}: "), lines


@pytest.mark.build
@pytest.mark.parametrize("name", CASES)
def test_the_build_refuses_it_alike_and_keeps_the_site(tmp_path, name):
    source, path, line = broken(tmp_path, name)
    previous = tmp_path / "site"
    previous.mkdir()
    (previous / "index.html").write_text("the last good site\n", encoding="utf-8")
    result = run_build(tmp_path, source, previous)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{path}:{line}: " in result.stderr, result.stderr
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    assert (previous / "index.html").read_text(encoding="utf-8") == "the last good site\n"

"""Golden files of rendered Markdown, with a readable diff. Refresh deliberately: UPDATE_GOLDEN=1 pytest."""
from __future__ import annotations

import difflib
import os

import pytest

from build_scripts.markdown import heading_text, render

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("name", ["chapter-4.md", "chapter-4.zh.md"])
def test_rendered_chapter_matches_golden_file(act, name):
    rendered = render(act)[name]
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), rendered.splitlines(True),
                                        str(golden), "rendered"))
    assert not diff, "\n" + diff


@pytest.mark.parametrize("text", ["a*b", "[x](y)", "# h", "<b>", "a_b_", "`c`", "{#id}", "1. x", "a & b"])
def test_heading_text_is_literal(text):
    import markdown
    html = markdown.markdown(f"## {heading_text(text)}", extensions=["attr_list"])
    from bs4 import BeautifulSoup
    assert BeautifulSoup(html, "html.parser").h2.get_text() == text


def test_every_chapter_and_page_is_generated(act):
    pages = render(act)
    for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
        for n in range(1, 10):
            assert f"chapter-{n}{suffix}" in pages
        for name in ("index", "notes", "glossary"):
            assert f"{name}{suffix}" in pages

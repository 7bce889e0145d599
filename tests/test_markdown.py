"""Golden files of rendered Markdown, with a readable diff. Refresh deliberately: UPDATE_GOLDEN=1 pytest."""
from __future__ import annotations

import difflib
import os

import pytest

from build_scripts.links import Links
from build_scripts.pages import Inline, chapter_page, render
from build_scripts.templating import md as heading_text

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="session")
def rendered(act):
    """Every page of the real act, rendered once for the tests that only read them."""
    return render(act)


@pytest.mark.parametrize("name", ["chapter-4.md", "chapter-4.zh.md"])
def test_rendered_chapter_matches_golden_file(rendered, name):
    page = rendered[name]
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), page.splitlines(True),
                                        str(golden), "rendered"))
    assert not diff, "\n" + diff


@pytest.mark.parametrize("text", ["a*b", "[x](y)", "# h", "<b>", "a_b_", "`c`", "{#id}", "1. x", "a & b"])
def test_heading_text_is_literal(text):
    import markdown
    html = markdown.markdown(f"## {heading_text(text)}", extensions=["attr_list"])
    from bs4 import BeautifulSoup
    assert BeautifulSoup(html, "lxml").h2.get_text() == text


def test_every_chapter_and_page_is_generated(rendered):
    for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
        for n in range(1, 10):
            assert f"chapter-{n}{suffix}" in rendered
        for name in ("index", "notes", "glossary"):
            assert f"{name}{suffix}" in rendered


def test_items_are_rendered_with_their_labels(tmp_path):
    """Items added to an article of the small act (tests/small_source/): the real act has none."""
    from bs4 import BeautifulSoup
    from build_scripts.load import load_act
    from conftest import SMALL_SOURCE, copy_source

    source = copy_source(tmp_path, SMALL_SOURCE)
    for lang, marker, items in (("en", "Article 3 ", "(1) first item;\n(2) second item.\n"),
                                ("zh", "第三条 ", "（一）第一项；\n（二）第二项。\n")):
        path = source / f"regulation.{lang}.txt"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        at = next(i for i, line in enumerate(lines) if line.startswith(marker))
        lines.insert(at + 1, items)
        path.write_text("".join(lines), encoding="utf-8")
    act = load_act(source)
    chapter, links = act.text("zh").chapters[0], Links()
    page = BeautifulSoup(chapter_page(links, act, "zh", chapter, Inline(links, act, "zh", {a.num for a in chapter.articles}))
                         .split("---", 2)[2], "lxml")
    items = page.find(id="art_3__para_1").find_next_siblings("p", class_="point")    # "#art_3__para_1 ~ p.point"
    assert [(p["id"], p.get_text()) for p in items] == [
        ("art_3__para_1__point_1", "（一）第一项；"), ("art_3__para_1__point_2", "（二）第二项。")]

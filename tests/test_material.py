"""The edits of Material's output: made on the parsed page, everything else kept byte for byte, and a build
failure naming the page and the element when Material's markup no longer has what an edit expects."""
from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.languages import PROFILES
from build_scripts.load import load_act
from build_scripts.site_mkdocs import BuildFailed, MaterialPage, edit_page

from conftest import ROOT

PAGE = """<!doctype html>
<html lang="zh" class="no-js">
  <head>
<link rel="alternate" href="./" hreflang="en">
<link rel="alternate" href="./" hreflang="zh">
<script id="__config" type="application/json">{"base": ".."}</script>
  </head>
  <body>
    <input class="md-option"  aria-label="Switch to light mode"  type="radio">
    <h2 id="x">Heading<a class="headerlink" href="#x" title="Link to this heading">¶</a></h2>
    <ul class="md-select__list">
      <li class="md-select__item"><a href="../../about/" hreflang="en" class="md-select__link">English</a></li>
    </ul>
    <p>Untouched: <svg viewBox="0 0 1 1"><path d="M0 0"/></svg> &amp; <br/></p>
  </body>
</html>
"""


@pytest.fixture(scope="module")
def act():
    return load_act(ROOT / "source")


def edited(act, text: str, tmp_path: Path) -> str:
    page = MaterialPage("zh/about/index.html", text)
    edit_page(page, act, "zh", tmp_path, "zh/about/", "https://example.org/")
    return page.result()


def test_edits_touch_only_what_they_change(act, tmp_path):
    out = edited(act, PAGE, tmp_path)
    assert '<html lang="zh-Hans" class="no-js">' in out
    assert 'hreflang="en" lang="en" class="md-select__link"' in out
    assert f'<a class="headerlink" href="#x" title="{PROFILES["zh"].words["theme_headerlink"]}">' in out
    assert '<input class="md-option"  aria-label="Switch to light mode"  type="radio">' in out    # mkdocs.yml's, per language
    assert '{"base": "../zh/"}' in out
    assert '<link rel="alternate"' not in out        # no counterpart pages in tmp_path: no alternates
    assert '<p>Untouched: <svg viewBox="0 0 1 1"><path d="M0 0"/></svg> &amp; <br/></p>' in out


@pytest.mark.parametrize("element, cut", [
    ("<html", ('<html lang="zh" class="no-js">', '<html class="no-js">')),
    ("md-select__list", ('<ul class="md-select__list">', '<ul class="md-select">')),
    ("__config", ('<script id="__config"', '<script id="config"')),
    ("Link to this heading", ('title="Link to this heading"', 'title="Permalink"')),
])
def test_a_page_without_the_expected_element_fails_the_build(act, tmp_path, element, cut):
    with pytest.raises(BuildFailed) as failed:
        edited(act, PAGE.replace(*cut), tmp_path)
    assert str(failed.value).startswith("zh/about/index.html: ") and element in str(failed.value)


def test_a_rebuild_reuses_the_edits_of_a_page_only_when_mkdocs_wrote_it_the_same(act, tmp_path):
    """The preview's pages pass: a page MkDocs wrote exactly as last time gets last time's edits without being
    parsed again; a page it wrote differently is parsed and edited afresh."""
    from build_scripts.site_mkdocs import edit_pages
    site = tmp_path / "site"

    def build(pages: dict[str, str], reuse: dict) -> dict[str, str]:
        for name, text in pages.items():
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_text(text, encoding="utf-8")
        edit_pages(site, act, "https://example.org/", offline=False, reuse=reuse)
        return {name: (site / name).read_text(encoding="utf-8") for name in pages}

    reuse = {}
    first = build({"zh/about/index.html": PAGE, "zh/notes/index.html": PAGE}, reuse)
    assert first["zh/about/index.html"] == edited(act, PAGE, tmp_path / "other")
    # the remembered edits of an unchanged page are what it gets, even if they were other than a parse would give
    key = next(k for k in reuse if k[0] == "zh/about/index.html")
    reuse[key] = reuse[key].replace("Untouched", "Remembered")
    changed = PAGE.replace("Untouched", "Changed")
    second = build({"zh/about/index.html": PAGE, "zh/notes/index.html": changed}, reuse)
    assert "Remembered" in second["zh/about/index.html"]
    assert second["zh/notes/index.html"] == edited(act, changed, tmp_path / "other")
    assert len(reuse) == 2


def test_the_navigation_is_left_unparsed_and_what_follows_is_edited_in_place(act):
    """Material's sidebars are skipped (edit_page has nothing to change there); the edits after them land exactly
    where a whole parse puts them. When the sidebars' <div>s do not balance, the whole page is parsed."""
    from build_scripts.site_mkdocs import NAVIGATION
    decoy = '<a href="../chapter-1/" hreflang="en" class="md-select__link">Chapter I</a>'
    sidebars = (f'<div class="md-sidebar md-sidebar--primary"><nav>\n{decoy}\n</nav></div>\n'
                '    <div class="md-sidebar md-sidebar--secondary"><div></div></div>\n    <div class="md-content">\n')
    text = PAGE.replace("  <body>\n", "  <body>\n" + sidebars).replace("  </body>", "</div>\n  </body>")

    def edit(text, skip):
        page = MaterialPage("zh/about/index.html", text, skip=skip)
        edit_page(page, act, "zh", Path("/nonexistent"), "zh/about/", "https://example.org/")
        return page, page.result()

    skipped, out = edit(text, NAVIGATION)
    whole, whole_out = edit(text, None)
    assert len(skipped.tags) == len(whole.tags) - 5 and decoy in out and decoy not in whole_out
    start = whole_out.index('<a href="../chapter-1/')
    edited_decoy = whole_out[start:whole_out.index("Chapter I</a>", start) + len("Chapter I</a>")]
    assert out.replace(decoy, "") == whole_out.replace(edited_decoy, "")       # the rest byte for byte the same
    unbalanced = text.replace("</nav></div>", "</nav>")
    assert decoy not in edit(unbalanced, NAVIGATION)[1]

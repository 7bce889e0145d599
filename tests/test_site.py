"""The built site: every paragraph as in the source, ids, metadata, notices, and build hygiene."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_scripts.languages import PROFILES

from build_scripts.build import generate
from build_scripts.site_mkdocs import BuildFailed, mkdocs_build
from conftest import ROOT, copy_source, run_build


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def text_of(paragraph) -> str:
    """A paragraph's text without the editorial note markers that stand beside it, nor the article number run
    into a first paragraph for the eye (第一条　)."""
    for marker in paragraph.select(".note-ref, strong.art-num"):
        marker.decompose()
    return paragraph.get_text()


def prefix(lang):
    return "" if lang == "en" else "zh/"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_paragraph_is_published_exactly(site, act, lang):
    """Text from the built HTML equals the source paragraph after the listed corrections, in order."""
    published, expected = [], []
    for chapter in act.text(lang).chapters:
        page = soup(site, f"{prefix(lang)}chapter-{chapter.num}")
        published += [(p["id"], text_of(p)) for p in page.select("p.para")]
        expected += [(p.id, p.text) for a in chapter.articles for p in a.paragraphs]
    assert len(expected) == sum(len(a.paragraphs) for a in act.text(lang).articles())
    assert published == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ids_are_the_same_in_both_languages(site, act, lang):
    page = soup(site, f"{prefix(lang)}chapter-4")
    assert page.select_one("h1")["id"] == "chp_4"
    heading = page.find(id="art_25")
    assert heading.name == "h2"
    caption = heading.select_one(".caption").extract()
    assert caption.get_text() == PROFILES[lang].caption(act.captions[25][lang])
    assert heading.get_text().rstrip("¶").strip() == ("Article 25" if lang == "en" else "第二十五条")
    assert page.find(id="art_25__para_2").name == "p"
    ids = [h["id"] for h in page.select("h2[id^=art_]")]
    assert ids == [f"art_{n}" for n in range(21, 29)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_page_has_metadata_and_contents(site, act, lang):
    page = soup(site, prefix(lang).rstrip("/") or ".")
    text = page.get_text(" ")
    assert act.meta.title[lang] in page.h1.get_text()
    assert act.meta.adopting_body[lang] in text
    assert [t["datetime"] for t in page.select(".act-meta time")] == ["2023-11-30", "2024-01-01"]
    assert ("30 November 2023" if lang == "en" else "2023年11月30日") in text
    assert ("1 January 2024" if lang == "en" else "2024年1月1日") in text
    links = [a["href"] for a in page.select(".act-toc li a")]
    assert len(links) == 73
    assert links[24] == "chapter-4/#art_25"
    assert len(page.select(".act-toc h3 a")) == 9


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_page_contents_heading_is_not_the_contents_title(site, lang):
    """The theme titles its contents "Table of contents" / "目录": the page's own list of chapters and
    articles must not be called the same, or the sidebar reads "Contents / Contents"."""
    page = soup(site, prefix(lang).rstrip("/") or ".")
    heading = page.find(id="contents").get_text().rstrip("¶").strip()
    titles = {t.get_text(strip=True) for t in page.select(".md-nav--secondary .md-nav__title")}
    assert heading == PROFILES[lang].words["contents_heading"]
    assert titles and heading not in titles and heading != PROFILES[lang].words["contents"]
    assert [a.get_text(strip=True) for a in page.select(".md-sidebar--secondary a")] == [heading]


def test_root_not_found_page_serves_readers_of_every_language(site, act):
    """Static hosts serve the root 404.html for every missing address, /zh/… included: it says so in every
    language, each marked with its lang, with each language's links."""
    for prefix_, own in (("", "en"), ("zh/", "zh")):
        page = BeautifulSoup((site / prefix_ / "404.html").read_text(encoding="utf-8"), "lxml")
        body = page.select_one("article")
        for code in act.langs:
            words, tag = PROFILES[code].words, PROFILES[code].tag
            block = body if code == own else body.select_one(f'section[lang="{tag}"]')
            assert block is not None, (prefix_, code)
            assert words["not_found"] in block.get_text() and words["not_found_home"] in block.get_text()
            home = f"/{act.prefix(code)}#contents"
            assert block.select_one(f'a[href="{home}"]'), (prefix_, code)
            assert block.select_one(f'a[href="/{act.prefix(code)}art/1/"]'), (prefix_, code)
        assert page.h1.get_text().rstrip("¶").strip() == PROFILES[own].words["not_found"]


TEXT_PAGES = ("index.html", "chapter-", "art", "parallel", "full")      # pages that show the act's text


@pytest.mark.parametrize("lang,words", [("en", "unofficial translation"), ("zh", "参考译文")])
def test_every_page_of_the_text_carries_the_status_once(site, lang, words):
    root = site / prefix(lang)
    pages = [p for p in root.glob("**/index.html") if p.relative_to(root).parts[0] not in ("zh", "search")]
    assert len(pages) >= 12
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        lines = page.select(".status-line")
        parts = path.relative_to(root).parts
        if parts[0].startswith(TEXT_PAGES) or parts[0] == "versions" and len(parts) > 2:   # a version's own pages
            assert len(lines) == 1 and words in lines[0].get_text().lower(), path
        else:       # the footer's line is enough
            assert lines == [], path
        assert page.select_one(".md-copyright").get_text().strip()


def test_language_switcher_is_visible_and_points_to_the_same_page(site):
    page = soup(site, "chapter-4")
    links = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
    assert links == {"en": "./", "zh-Hans": "../zh/chapter-4/"}
    assert soup(site, "zh/chapter-4").select_one('a[hreflang="en"]')["href"] == "../../chapter-4/"


def test_notes_page_lists_each_correction(site, act):
    page = soup(site, "notes")
    rows = page.select("table tbody tr")
    assert len(rows) == len(act.meta.corrections) == 3
    assert rows[0].select_one("a")["href"] == "../chapter-3/#art_20__para_2"


def tree_digest(folder):
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_failed_build_leaves_the_previous_site_untouched(tmp_path, site):
    import shutil
    previous = tmp_path / "site"
    shutil.copytree(site, previous)
    before = tree_digest(previous)
    source = copy_source(tmp_path)
    en = source / "regulation.en.txt"
    en.write_text(en.read_text(encoding="utf-8").replace("Article 30 ", "Article 31 "), encoding="utf-8")
    result = run_build(tmp_path, source, previous)
    assert result.returncode == 1
    assert "regulation.en.txt:" in result.stderr and "expected Article 30, found Article 31" in result.stderr
    assert tree_digest(previous) == before
    assert not (tmp_path / "site.new").exists()


def pages_build(tmp, act, pages: dict[str, str], nav: list[str], relaxed: bool = False):
    """MkDocs, in this process, on a few pages only, with the real mkdocs.yml (theme, plugins, strict mode and
    link validation) and the act's settings, but its own nav; ``relaxed``: links to pages left out are not errors."""
    docs = tmp / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    overrides = {"nav": nav, "not_in_nav": ""}
    if relaxed:
        overrides["validation"] = dict.fromkeys(("omitted_files", "not_found", "absolute_links", "unrecognized_links",
                                                 "anchors"), "info")
    mkdocs_build(ROOT / "mkdocs.yml", docs, tmp / "site", act, **overrides)
    return tmp / "site"


@pytest.mark.build
@pytest.mark.parametrize("anchor", ["art_999", "art_2"])
def test_a_broken_anchor_fails_the_build(tmp_path, act, anchor):
    """mkdocs.yml makes a link to a missing anchor an error (the same pages with an existing one build)."""
    pages = {"index.md": "# Home\n\n## Two {#art_2}\n", "index.zh.md": "# 首页\n\n## 二 {#art_2}\n",
             "broken.md": f"# Broken\n\n[see](index.md#{anchor})\n", "broken.zh.md": f"# 坏\n\n[见](index.md#{anchor})\n"}
    if anchor == "art_2":
        assert (pages_build(tmp_path, act, pages, ["index.md", "broken.md"]) / "broken" / "index.html").exists()
        return
    with pytest.raises(BuildFailed):
        pages_build(tmp_path, act, pages, ["index.md", "broken.md"])


@pytest.mark.build
def test_a_build_that_fails_in_mkdocs_keeps_the_previous_site(tmp_path, act, monkeypatch):
    """A failure after the PDFs have started (here: MkDocs refuses) leaves site/ as it was and no staging folder."""
    from build_scripts import build, pdf

    def refuse(*args):
        raise BuildFailed("mkdocs: Aborted with 1 warnings in strict mode!")
    monkeypatch.setattr(build, "mkdocs_build", refuse)
    def placeholder_pdfs(pool, act, out_dir, *args, **kwargs):     # the files exist; none is rendered
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        for edition in pdf.editions(act):
            (Path(out_dir) / pdf.file_name(edition)).write_bytes(b"%PDF-1.7\n")
        return []
    monkeypatch.setattr(pdf, "start_pdfs", placeholder_pdfs)
    previous = tmp_path / "site"
    (previous / "chapter-4").mkdir(parents=True)
    (previous / "index.html").write_text("home")
    (previous / "chapter-4" / "index.html").write_text("chapter 4")
    before = tree_digest(previous)
    with pytest.raises(BuildFailed):
        build.build_site(act, tmp_path / "docs", previous, ROOT / "mkdocs.yml")
    assert tree_digest(previous) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "site"]


LITERAL = "# not a heading <b>bold?</b> & *stars* _under_ [link](x) `code` {#id} \\ 1. <!-- c -->"


@pytest.mark.build
def test_text_is_published_literally(tmp_path):
    """Markup characters in the act's text appear as characters, never as markup: the generated pages as
    MkDocs renders them (chapter 1 only; no PDFs needed for that)."""
    source = copy_source(tmp_path)
    for lang, marker in (("en", "Article 1 "), ("zh", "第一条 ")):
        path = source / f"regulation.{lang}.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith(marker))
        lines.insert(at + 1, LITERAL)
        lines[at] += " <i>&amp;</i> *x*"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    act, _count = generate(source, tmp_path / "all")
    names = ["index.md", "index.zh.md", "chapter-1.md", "chapter-1.zh.md"]
    site = pages_build(tmp_path, act, {n: (tmp_path / "all" / n).read_text(encoding="utf-8") for n in names},
                       ["index.md", "chapter-1.md"], relaxed=True)
    for lang in ("en", "zh"):
        page = soup(site, f"{prefix(lang)}chapter-1")
        assert page.find(id="art_1__para_2").get_text() == LITERAL
        assert page.find(id="art_1__para_1").get_text().endswith(" <i>&amp;</i> *x*")
        assert page.find(id="art_1__para_1").find("i") is None

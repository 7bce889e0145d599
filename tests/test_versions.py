"""Versions: the currency statement on the real site, and a built three-version history (tests/amendment.py)
with point-in-time pages, the changes, links from old to current articles, pinned citations, PDFs and exports."""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
import zipfile

import pytest
from bs4 import BeautifulSoup

import amendment
from build_scripts.errors import SourceError
from build_scripts.languages import PROFILES
from build_scripts.load import load_act
from build_scripts.versions import currency
from conftest import TIMEOUT, ROOT, copy_source, run_build

LANGS = {"en": "", "zh": "zh/"}
FIRST, SECOND, CURRENT = amendment.VERSIONS


def soup(site, path) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True, timeout=TIMEOUT).stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- the real site: one version ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["", "chapter-4/", "art/25/", "full/", "parallel/chapter-4/"])
def test_every_text_page_says_which_version_and_when_last_checked(site, act, lang, page):
    language = PROFILES[lang]
    line = soup(site, LANGS[lang] + page).select(".currency-line")
    assert len(line) == 1
    text = squash(line[0].get_text())
    for value in (language.date(act.current.effective), act.current.instrument[lang], language.date(act.meta.checked)):
        assert value in text
    assert line[0].find("a")["href"].endswith("versions/")


def test_pdfs_and_exports_state_the_version(site, act):
    for lang in LANGS:
        statement = currency(act, lang)
        for value in (PROFILES[lang].date(act.current.effective), act.current.instrument[lang],
                      PROFILES[lang].date(act.meta.checked)):
            assert value in statement
        text = pdf_text(site / "downloads" / f"regulation-{lang}.pdf")
        flat = squash(text) if lang == "en" else re.sub(r"\s+", "", text)
        assert (statement if lang == "en" else re.sub(r"\s+", "", statement)) in flat
    data = json.loads((site / "downloads" / "regulation.json").read_text(encoding="utf-8"))
    assert data["version"]["effective"] == act.current.key and data["version"]["current"] is True
    assert data["version"]["checked"] == act.meta.checked.isoformat()
    assert [v["effective"] for v in data["versions"]] == [v.key for v in act.meta.versions]


def test_the_current_version_has_its_own_pinned_copy(site, act):
    key = act.current.key
    for lang, prefix in LANGS.items():
        today, pinned = soup(site, f"{prefix}art/25/"), soup(site, f"{prefix}versions/{key}/art/25/")
        ids = lambda page: [t["id"] for t in page.select(".md-content [id]") if t["id"].startswith(("art_", "chp_"))]  # noqa: E731
        assert ids(pinned) == ids(today)
        assert pinned.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert today.find("meta", attrs={"name": "robots"}) is None
    for path in ("versions/", f"versions/{key}/", f"versions/{key}/chapter-4/", f"versions/{key}/full/"):
        assert (site / path / "index.html").exists() and (site / "zh" / path / "index.html").exists()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/versions/" in sitemap and f"/versions/{key}/" not in sitemap
    # The offline copy holds today's files once: the current version's pages link to them.
    with zipfile.ZipFile(site / "downloads" / "regulation-site.zip") as archive:
        names = archive.namelist()
        assert "regulation-site/downloads/regulation-en.pdf" in names
        assert not [n for n in names if "downloads/versions/" in n]
        page = archive.read(f"regulation-site/versions/{key}/chapter-4.html").decode("utf-8")
        assert 'href="../../downloads/regulation-en.pdf#chp_4"' in page
    for prefix in LANGS.values():
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["docs"] and not [d for d in index["docs"] if re.search(r"versions/\d{4}-", d["location"])]


def test_pinned_urls_are_promised():
    promised = set((ROOT / "tests" / "published-urls.txt").read_text(encoding="utf-8").split())
    for prefix in LANGS.values():
        assert f"/{prefix}versions/2024-01-01/art/25/#art_25__para_2" in promised
        assert f"/{prefix}versions/2024-01-01/chapter-4/#art_25" in promised


# --- validation --------------------------------------------------------------------------------------------

def problems(source) -> list[str]:
    with pytest.raises(SourceError) as e:
        load_act(source)
    return [str(p) for p in e.value.problems]


def line_of(path, text) -> int:
    return 1 + next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()) if text in line)


@pytest.fixture
def history(tmp_path):
    return amendment.make(tmp_path)


def test_the_invented_history_loads(history):
    act = load_act(history)
    assert [v.key for v in act.meta.versions] == list(amendment.VERSIONS)


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("case", ["order", "folder", "language", "renumbered_target", "unaccounted", "aligned"])
def test_version_mistakes_are_reported_at_their_line(history, case):
    meta = history / "regulation.yaml"
    if case == "order":
        _edit(meta, f"effective: '{SECOND}'", "effective: '2023-12-01'")
        expected, line = "expected versions oldest first", line_of(meta, "2023-12-01")
    elif case == "folder":
        shutil.rmtree(history / "versions" / FIRST)
        expected, line = f"versions/{FIRST}/, found no such folder", line_of(meta, f"- effective: '{FIRST}'")
    elif case == "language":
        (history / "versions" / SECOND / "regulation.zh.txt").unlink()
        expected, line = "regulation.zh.txt (the zh text of the version in force from 2025-03-01)", \
            line_of(meta, f"effective: '{SECOND}'")
    elif case == "renumbered_target":
        _edit(meta, "60: 59", "60: 99")
        expected, line = "makes Article 60 into Article 99", line_of(meta, f"effective: '{CURRENT}'")
    elif case == "unaccounted":
        _edit(meta, "31: null", "30: 30")     # Article 31 of the second version is no longer said to be deleted
        expected, line = "Article 31 of the version in force from 2026-01-01 would be Articles 31, 32 of the " \
                         "version in force from 2025-03-01", line_of(meta, f"effective: '{CURRENT}'")
    else:     # the first version's Chinese Article 25 as one paragraph: it no longer aligns with the English
        path = history / "versions" / FIRST / "regulation.zh.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith("第二十五条"))
        lines[at:at + 2] = [lines[at] + lines[at + 1]]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        expected, line = "article 25 has 2 paragraph(s) here but 1 in", None
    found = problems(history)
    assert any(expected in p for p in found), found
    if line:
        assert any(p.startswith(f"{meta}:{line}: ") and expected in p for p in found), found


def test_checked_must_be_a_date_after_the_current_adoption(tmp_path):
    source = copy_source(tmp_path)
    _edit(source / "regulation.yaml", 'checked: "2026-11-26"', 'checked: "2023-01-01"')
    found = problems(source)
    assert found == [f"{source / 'regulation.yaml'}:{line_of(source / 'regulation.yaml', 'checked:')}: expected "
                     f"'checked' on or after the current version's adoption (2023-11-30), found 2023-01-01"]


# --- a built three-version history -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_version_has_the_same_page_structure(versioned, lang):
    prefix = LANGS[lang]
    for key, articles in ((FIRST, 73), (SECOND, 73), (CURRENT, 73)):
        base = versioned / prefix / "versions" / key
        assert (base / "index.html").exists() and (base / "full" / "index.html").exists()
        assert len(list((base / "art").iterdir())) == articles
        chapter = soup(versioned, f"{prefix}versions/{key}/chapter-4/")
        assert chapter.find(id="art_25__para_2") is not None and chapter.find(id="chp_4") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_an_old_version_says_so_and_links_to_the_current_article(versioned, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    page = soup(versioned, f"{prefix}versions/{SECOND}/art/40/")      # today's Article 39
    warning = page.select_one(".currency-old")
    assert warning is not None
    assert language.date(amendment_date(CURRENT, -1)) in squash(warning.get_text())
    link = warning.select_one("a.currency-current")
    assert link["href"].endswith("/art/39/") and "versions" not in link["href"]
    assert language.article_label(39) in link.get_text()
    # The warning comes before the text and before the status line.
    assert str(page).index("currency-old") < str(page).index("status-line") < str(page).index("art_40__para_1")
    # An article deleted since says so, with no link to a current text.
    gone = soup(versioned, f"{prefix}versions/{SECOND}/art/31/").select_one(".currency-old")
    assert gone.select_one("a.currency-current") is None
    assert language.w("deleted_article", effective=language.date(date(CURRENT))) in squash(gone.get_text())
    # Today's pages carry no such warning.
    assert soup(versioned, f"{prefix}art/39/").select_one(".currency-old") is None


def date(key):
    import datetime
    return datetime.date.fromisoformat(key)


def amendment_date(key, days):
    import datetime
    return date(key) + datetime.timedelta(days=days)


@pytest.mark.parametrize("lang, removed, added", [("en", "support", "strengthen"), ("zh", "支持", "加强")])
def test_the_change_view_marks_what_was_removed_and_added(versioned, lang, removed, added):
    words = PROFILES[lang].words
    changes = soup(versioned, f"{LANGS[lang]}versions/{SECOND}/art/25/").find(id="changes")
    dels, inss = changes.find_all("del"), changes.find_all("ins")
    # Only the changed word (English) or characters (Chinese), in text as well as by style.
    assert [d.get_text() for d in dels] == [f"[{words['del_mark']}{removed}{words['mark_end']}]"]
    assert [i.get_text() for i in inss] == [f"[{words['ins_mark']}{added}{words['mark_end']}]"]
    # The unchanged second paragraph is shown as it is, with nothing marked.
    assert not changes.select(".changes-text p")[1].find(["del", "ins"])
    # The first version changed nothing yet; the current version did not change Article 25.
    assert soup(versioned, f"{LANGS[lang]}versions/{FIRST}/art/25/").find(id="changes") is None
    assert soup(versioned, f"{LANGS[lang]}art/25/").find(id="changes") is None


@pytest.mark.parametrize("lang", LANGS)
def test_inserted_and_renumbered_articles_are_shown_as_such(versioned, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    inserted = soup(versioned, f"{prefix}art/60/").find(id="changes")
    assert language.words["changes_inserted"] in squash(inserted.get_text())
    moved = soup(versioned, f"{prefix}art/31/").find(id="changes")
    assert language.w("changes_renumbered", was=language.article_label(32)) in squash(moved.get_text())
    assert moved.find("del") is None                       # moved, not reworded


@pytest.mark.parametrize("lang", LANGS)
def test_each_article_lists_its_history(versioned, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    items = soup(versioned, f"{prefix}art/25/").select("#history li")
    assert [i.time["datetime"] for i in items] == list(amendment.VERSIONS)
    assert language.words["history_amended"] in items[1].get_text()
    assert items[1].find("a", string=language.words["history_changes"])["href"].endswith(
        f"versions/{SECOND}/art/25/#changes")
    assert items[2].get("aria-current") == "page"
    moved = soup(versioned, f"{prefix}art/31/").select("#history li")
    assert [a.get_text() for i in moved for a in i.find_all("a")][:1] == [language.article_label(32)]


@pytest.mark.parametrize("lang", LANGS)
def test_versions_page_lists_versions_instruments_changes_and_files(versioned, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    page = soup(versioned, f"{prefix}versions/")
    sections = [h["id"] for h in page.select(".md-content h2")]
    assert sections == [f"version-{k}" for k in reversed(amendment.VERSIONS)] + ["revisions", "sources"]
    text = squash(page.select_one(".md-content").get_text())
    for v in amendment.INSTRUMENTS:
        assert v["instrument"][lang] in text
    assert language.w("summary_deleted", list=language.article_label(31)) in text
    assert language.w("renumbered_pair", was=language.article_span(32, 60), now=language.article_span(31, 59)) in text
    links = [a["href"] for a in page.select(".md-content a")]
    assert any(h.endswith(f"{SECOND}/art/25/#changes") for h in links)
    for key in amendment.VERSIONS:
        assert any(h.endswith(f"downloads/versions/{key}/regulation-{lang}.pdf") for h in links)


def test_each_version_has_its_own_pdfs_and_exports(versioned):
    for key in amendment.VERSIONS:
        folder = versioned / "downloads" / "versions" / key
        names = sorted(p.name for p in folder.iterdir())
        assert names == sorted(["regulation-en.pdf", "regulation-zh.pdf", "regulation-bilingual.pdf",
                                "regulation.json", "regulation-en.akn.xml", "regulation-zh.akn.xml", "cite"])
        data = json.loads((folder / "regulation.json").read_text(encoding="utf-8"))
        assert data["version"]["effective"] == key and data["version"]["current"] is (key == CURRENT)
        xml = (folder / "regulation-en.akn.xml").read_text(encoding="utf-8")
        assert f"/eng@{key}" in xml and f'<FRBRdate date="{key}" name="effective"/>' in xml
        assert ('<p class="currency">Not the current text.' in xml) is (key != CURRENT)
    old = json.loads((versioned / "downloads" / "versions" / SECOND / "regulation.json").read_text(encoding="utf-8"))
    assert old["version"]["until"] == "2025-12-31"
    assert [a["num"] for c in old["texts"]["en"]["chapters"] for a in c["articles"]][30] == 31
    en_first = pdf_text(versioned / "downloads" / "versions" / FIRST / "regulation-en.pdf")
    assert "Not the current text" in squash(en_first) and "shall support the construction" in squash(en_first)
    assert "shall strengthen the construction" in squash(pdf_text(versioned / "downloads" / "regulation-en.pdf"))
    # Today's files are the current version's.
    assert (versioned / "downloads" / "regulation-en.pdf").read_bytes() == \
        (versioned / "downloads" / "versions" / CURRENT / "regulation-en.pdf").read_bytes()


def test_old_versions_are_out_of_search_and_the_sitemap(versioned):
    sitemap = (versioned / "sitemap.xml").read_text(encoding="utf-8")
    for key in amendment.VERSIONS:
        assert f"/versions/{key}/" not in sitemap
        assert soup(versioned, f"versions/{key}/art/1/").find("meta", attrs={"name": "robots"})["content"] == "noindex"
    for prefix in LANGS.values():
        index = json.loads((versioned / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert not [d for d in index["docs"] if d["location"].startswith("versions/20")]
        # The search finds today's wording, not the old one.
        text = " ".join(d["text"] for d in index["docs"])
        assert ("shall support the construction" not in text) if not prefix else ("应当支持边境地区交通" not in text)


@pytest.fixture(scope="session")
def versioned_server(versioned):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(versioned)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.mark.parametrize("lang", LANGS)
def test_copied_citation_offers_todays_and_the_pinned_link(browser, versioned, versioned_server, lang):
    prefix, language = LANGS[lang], PROFILES[lang]
    site_url = soup(versioned, ".").find("link", rel="canonical")["href"]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        def copied(path, selector):
            page.goto(f"{versioned_server}/{path}")
            page.locator(f"{selector} .cite-button").first.click()
            page.locator(f"{selector} .cite-copied").wait_for()
            return page.evaluate("navigator.clipboard.readText()").splitlines()

        pinned = language.w("pinned_label", effective=language.date(date(SECOND))) + language.words["colon"]
        # An article of an old version: today's page of the same article (renumbered), then the pinned link.
        lines = copied(f"{prefix}versions/{SECOND}/art/40/", "h1#art_40")
        assert lines[0] == language.citation(language_title(lang), 40)
        assert lines[2:] == [f"{site_url}{prefix}art/39/", f"{pinned}{site_url}{prefix}versions/{SECOND}/art/40/"]
        # A deleted article: the pinned link only.
        lines = copied(f"{prefix}versions/{SECOND}/art/31/", "h1#art_31")
        assert lines[2:] == [f"{pinned}{site_url}{prefix}versions/{SECOND}/art/31/"]
        # Today's page: today's link, then the link pinned to the current version.
        lines = copied(f"{prefix}art/25/", "#art_25__para_2")
        current = language.w("pinned_label", effective=language.date(date(CURRENT))) + language.words["colon"]
        assert lines[2:] == [f"{site_url}{prefix}art/25/#art_25__para_2",
                             f"{current}{site_url}{prefix}versions/{CURRENT}/art/25/#art_25__para_2"]
    finally:
        context.close()


def language_title(lang) -> str:
    import yaml
    return yaml.safe_load((ROOT / "source" / "regulation.yaml").read_text(encoding="utf-8"))["title"][lang]

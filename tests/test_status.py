"""What each text is, wherever it travels: titles, descriptions and link previews of every page of the text
carry its status once; where the texts come from and where the official text is published; the revision of
the translations; the sitemap's dates and language tags. Expected values are read from source/, never from
the build's own code."""
from __future__ import annotations

import datetime
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import EPOCH, ROOT

SOURCE = yaml.safe_load((ROOT / "source" / "regulation.yaml").read_text(encoding="utf-8"))
PREFIX = {"en": "", "zh": "zh/"}
# The site's names, as regulation.yaml gives them.
SITE_NAME = SOURCE["site_name"]
TEXT_PAGES = ["", "chapter-4/", "art/25/", "full/", "parallel/chapter-4/", "versions/2024-01-01/",
              "versions/2024-01-01/chapter-4/", "versions/2024-01-01/art/25/"]
OTHER_PAGES = ["glossary/", "notes/", "versions/", "about/", "downloads/", "how-to-cite/"]


def short_status(lang: str, ui: str | None = None) -> str:
    """The status of this language's text in a few words, in ``ui`` (its own language by default), as
    regulation.yaml defines it."""
    status = SOURCE["languages"][lang]["status"]
    return SOURCE["statuses"][status]["short"][ui or lang]


def head(site, path):
    page = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.select("head meta[content]")}
    return page.title.get_text(), meta, page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_of_the_text_says_what_the_text_is_once(site, lang):
    status = short_status(lang)
    other = short_status("zh" if lang == "en" else "en", lang)
    names = {SITE_NAME[lang], SOURCE["title"][lang]}
    for path in TEXT_PAGES:
        title, meta, _ = head(site, PREFIX[lang] + path)
        shown = [title, meta["og:title"], meta["og:description"], meta["description"], meta["twitter:title"],
                 meta["twitter:description"]]
        for text in shown:
            assert text.count(status) == 1, (path, text)
        # The side-by-side pages show both texts, so both statuses.
        assert all((other in text) is path.startswith("parallel/") for text in shown), path
        assert meta["og:title"] == title
        assert meta["og:url"].endswith("/" + PREFIX[lang] + path)
        assert sum(title.count(name) for name in names) == 1, title      # the tab names the act once


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_other_pages_name_the_site_once_and_claim_no_status(site, lang):
    for path in OTHER_PAGES:
        title, meta, _ = head(site, PREFIX[lang] + path)
        assert title.count(SITE_NAME[lang]) == 1, title
        assert short_status(lang) not in title
        assert "og:title" not in meta


def test_an_official_text_carries_no_status_mark(tmp_path):
    """When the official Chinese text replaces the reference translation, its titles say nothing more."""
    from build_scripts.links import Links
    from build_scripts.load import load_act
    from build_scripts.pages import Inline, chapter_page, parallel_page
    from conftest import copy_source

    source = copy_source(tmp_path)
    path = source / "regulation.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: reference-translation", "status: official"),
                    encoding="utf-8")
    act = load_act(source)
    chapter = act.text("zh").chapters[3]
    links = Links()
    page = chapter_page(links, act, "zh", chapter, Inline(links, act, "zh", {a.num for a in chapter.articles}))
    front = page.split("---")[1]
    assert 'head_title: "《内蒙古自治区促进边境地区高质量发展条例》第四章　基础设施建设"' in front
    assert "参考译文" not in front
    assert "非官方译本" in parallel_page(links, act, "zh", 4).split("---")[1]     # the English beside it still is


@pytest.mark.parametrize("page", ["about/", "zh/about/", "versions/", "zh/versions/"])
def test_sources_of_the_texts_are_stated_with_links_to_their_publishers(site, page):
    _, _, html = head(site, page)
    lang = "zh" if page.startswith("zh/") else "en"
    for key, source in SOURCE["provenance"].items():
        section = html.find(id=f"source-{key}")
        assert section is not None, key
        text = section.find_next("p").get_text()
        assert text == source["text"][lang]
        links = {a["href"]: a.get_text() for a in section.find_all_next("ul", limit=1)[0].select("a")} \
            if source.get("links") else {}
        assert links == {link["url"]: link["title"][lang] for link in source.get("links", [])}
    # The official publishers are linked by their own addresses only, never by a guessed deep link.
    official = [link["url"] for link in SOURCE["provenance"]["official"]["links"]]
    assert all(re.fullmatch(r"https?://[^/]+/", url) for url in official)


def test_json_states_sources_and_revisions(site):
    data = json.loads((site / "downloads" / "regulation.json").read_text(encoding="utf-8"))
    assert data["revision"] == SOURCE["revisions"][-1]["number"]
    assert [r["number"] for r in data["revisions"]] == [r["number"] for r in SOURCE["revisions"]]
    assert data["provenance"]["official"]["links"][0]["url"] == SOURCE["provenance"]["official"]["links"][0]["url"]
    assert data["provenance"]["draft"]["links"][0]["url"].startswith("http://www.nmgrd.gov.cn/")
    assert data["texts"]["zh"]["status_short"]["zh"] == short_status("zh")
    assert [c["en"] for c in data["revisions"][-1]["changes"]] == [c["en"] for c in SOURCE["revisions"][-1]["changes"]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_revision_is_shown_beside_the_text_and_listed_on_the_versions_page(site, lang):
    latest = SOURCE["revisions"][-1]
    day = datetime.date.fromisoformat(latest["date"])
    date = f"{day.day} {day:%B} {day.year}" if lang == "en" else f"{day.year}年{day.month}月{day.day}日"
    for path in ["chapter-4/", "art/25/", "versions/2024-01-01/art/25/"]:
        _, _, page = head(site, PREFIX[lang] + path)
        line = page.select_one(".currency-revision").get_text()
        assert str(latest["number"]) in line and date in line, (path, line)
    _, _, versions = head(site, PREFIX[lang] + "versions/")
    items = versions.select("ol.revisions > li")
    assert [li["id"] for li in items] == [f"revision-{r['number']}" for r in reversed(SOURCE["revisions"])]
    for li, revision in zip(items, reversed(SOURCE["revisions"])):
        assert [c.get_text() for c in li.select("ul li")] == [c[lang] for c in revision["changes"]]
    words = (site / "assets" / "words.js").read_text(encoding="utf-8")      # what a copied citation says
    assert date in words


def test_sitemap_dates_are_the_build_date_and_its_languages_those_of_the_pages(site):
    sitemap = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    built = datetime.datetime.fromtimestamp(EPOCH, datetime.timezone.utc).date().isoformat()
    assert {m.get_text() for m in sitemap.find_all("lastmod")} == {built}
    for url in sitemap.find_all("url")[:40]:
        loc = url.loc.get_text()
        path = loc.split("/", 3)[3]
        page = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")
        on_page = sorted((link["hreflang"], link["href"]) for link in page.select('link[rel="alternate"][hreflang]'))
        in_map = sorted((link["hreflang"], link["href"]) for link in url.find_all("link"))
        assert in_map == on_page, loc


def test_the_sitemap_lists_every_page_a_search_engine_may_index_and_no_other(site):
    """Each built page is in the sitemap exactly when it lets search engines index it: a version's own copies and
    the not-found pages (robots: noindex) are left out, every other page is listed once."""
    sitemap = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    listed = [loc.get_text().split("/", 3)[3] for loc in sitemap.find_all("loc")]
    indexable, hidden = set(), set()
    for html in site.rglob("index.html"):
        folder = html.parent.relative_to(site).as_posix()
        path = "" if folder == "." else folder + "/"
        robots = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").find("meta", attrs={"name": "robots"})
        (hidden if robots and "noindex" in robots["content"] else indexable).add(path)
    assert sorted(listed) == sorted(indexable)
    assert {"not-found/", "zh/not-found/"} <= hidden and any("versions/" in path for path in hidden)

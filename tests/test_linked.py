"""The act as linked data (schema.org JSON-LD, read as a graph with PyLD), as citations that tools read (CSL-JSON
rendered by citeproc-py, BibTeX by bibtexparser, RIS by rispy), its change feeds (feedparser) and the checksums of
its downloads (recomputed), all on the shared build."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import zipfile

import pytest
from lxml import html as lxml_html

from build_scripts.languages import PROFILES
from conftest import TIMEOUT

LANGS = {"en": "", "zh": "zh/"}
S = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def page(site, path):
    return lxml_html.parse(str(site / path / "index.html")).getroot()


def site_url(site) -> str:
    return page(site, "").xpath('//link[@rel="canonical"]/@href')[0]


# --- JSON-LD ---------------------------------------------------------------------------------------------

def _loader(url, options=None):
    """The schema.org context, without the network: its vocabulary is all the graph below needs."""
    assert url.rstrip("/") == "https://schema.org", url
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": {"@context": {"@vocab": S}}}


class Graph:
    """The triples of a page's JSON-LD, as PyLD turns it into RDF."""

    def __init__(self, data):
        from pyld import jsonld
        dataset = jsonld.to_rdf(data, {"documentLoader": _loader})
        self.triples = {(t["subject"]["value"], t["predicate"]["value"], t["object"]["value"])
                        for t in dataset["@default"]}

    def objects(self, subject, prop):
        return {o for s, p, o in self.triples if s == subject and p == prop}

    def one(self, subject, prop):
        found = self.objects(subject, prop)
        assert len(found) == 1, (subject, prop, found)
        return found.pop()

    def subject(self, prop, value):
        found = {s for s, p, o in self.triples if p == prop and o == value and not s.startswith("_:")}
        assert len(found) == 1, (prop, value, found)
        return found.pop()


def linked_data(site, path) -> tuple[Graph, str]:
    scripts = page(site, path).xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1, path
    assert "<" not in scripts[0].text           # nothing in it can close the script element
    return Graph(json.loads(scripts[0].text)), scripts[0].text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("base", ["", "versions/2024-01-01/"], ids=["today", "pinned"])
def test_article_chapter_and_act_are_linked_legislation(site, act, lang, base):
    prefix, url = LANGS[lang], site_url(site)
    g, _ = linked_data(site, f"{prefix}{base}art/25/")
    article = g.subject(S + "url", f"{url}{prefix}{base}art/25/")
    assert g.one(article, RDF_TYPE) == S + "Legislation"
    assert g.one(article, S + "name") == PROFILES[lang].citation(act.meta.title[lang], 25)
    assert g.one(article, S + "inLanguage") == PROFILES[lang].tag
    assert g.one(article, S + "legislationDate") == "2023-11-30"
    assert g.one(article, S + "legislationDateVersion") == "2024-01-01"
    assert g.one(article, S + "legislationLegalForce") == S + "InForce"
    assert g.one(article, S + "sameAs") == f"{url}{prefix}versions/2024-01-01/art/25/"
    assert g.one(g.one(article, S + "legislationPassedBy"), S + "name") == act.meta.adopting_body[lang]
    place = g.one(article, S + "legislationJurisdiction")
    assert g.one(place, S + "identifier") == "CN-NM"
    assert g.one(g.one(place, S + "containedInPlace"), S + "identifier") == "CN"
    # The status of this text, and of the other language's, in words and as a legal value.
    assert g.one(article, S + "creativeWorkStatus") == act.meta.languages[lang].label[lang]
    encoding = g.one(article, S + "encoding")
    assert g.one(encoding, RDF_TYPE) == S + "LegislationObject"
    assert g.one(encoding, S + "legislationLegalValue") == S + "UnofficialLegalValue"
    other = next(code for code in LANGS if code != lang)
    twin = g.subject(S + "url", f"{url}{LANGS[other]}{base}art/25/")
    assert g.one(twin, S + "inLanguage") == PROFILES[other].tag
    assert g.one(twin, S + "creativeWorkStatus") == act.meta.languages[other].label[lang]
    # Both texts are translations of the same work; the Chinese one is by the site's editors.
    work = g.one(article, S + "translationOfWork")
    assert work == g.one(twin, S + "translationOfWork") == f"{url}eli/cn-nm/reg/2023/11/30/border-areas-development/art_25"
    assert g.objects(work, S + "workTranslation") == {article, twin}
    zh = article if lang == "zh" else twin
    assert g.one(g.one(zh, S + "translator"), S + "name") == PROFILES[lang].words["publisher"]
    assert not g.objects(article if lang == "en" else twin, S + "translator")
    # article -> chapter -> act, for the texts and for the works.
    chapter = g.one(article, S + "isPartOf")
    assert g.one(chapter, S + "url") == f"{url}{prefix}{base}chapter-4/"
    whole = g.one(chapter, S + "isPartOf")
    assert g.one(whole, S + "url") == f"{url}{prefix}{base}"
    assert g.one(whole, S + "name") == act.meta.title[lang]
    assert g.one(g.one(work, S + "isPartOf"), S + "isPartOf") == g.one(whole, S + "translationOfWork")
    identifiers = g.objects(article, S + "identifier")
    assert f"/akn/cn-nm/act/2023-11-30/border-areas-development/{PROFILES[lang].akn}@2024-01-01/~art_25" in identifiers


@pytest.mark.parametrize("lang", LANGS)
def test_home_and_chapter_pages_list_their_parts(site, act, lang):
    prefix, url = LANGS[lang], site_url(site)
    g, _ = linked_data(site, prefix)
    home = g.subject(S + "url", f"{url}{prefix}")
    chapters = g.objects(home, S + "hasPart")
    assert {g.one(c, S + "url") for c in chapters} == {f"{url}{prefix}chapter-{n}/" for n in range(1, 10)}
    assert all(g.one(c, S + "isPartOf") == home for c in chapters)
    formats = {g.one(e, S + "encodingFormat") for e in g.objects(home, S + "encoding")}
    assert formats == {"text/html", "application/pdf", "application/akn+xml"}
    work = g.one(home, S + "translationOfWork")
    assert g.one(work, S + "legislationLegalForce") == S + "InForce"
    assert g.one(work, S + "legislationType") == PROFILES[lang].words["ld_type"]
    g, _ = linked_data(site, f"{prefix}chapter-4/")
    chapter = g.subject(S + "url", f"{url}{prefix}chapter-4/")
    articles = g.objects(chapter, S + "hasPart")
    assert sorted(g.one(a, S + "url") for a in articles) == sorted(f"{url}{prefix}art/{n}/" for n in range(21, 29))
    assert g.one(g.one(chapter, S + "isPartOf"), S + "url") == f"{url}{prefix}"


def test_json_ld_cannot_close_its_script(site):
    """main.html writes the data with Jinja's tojson, which escapes <, > and &."""
    from jinja2 import Environment
    out = Environment().from_string("{{ data | tojson }}").render(data={"name": "</script><!-- &"})
    assert "<" not in out and ">" not in out and json.loads(out)["name"] == "</script><!-- &"


# --- citations -----------------------------------------------------------------------------------------

def cite_file(site, name):
    return (site / "downloads" / "cite" / name).read_text(encoding="utf-8")


def render(items, key, locale):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    style = CitationStylesStyle("harvard-cite-them-right", locale=locale, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    citation = Citation([CitationItem(key)])
    bibliography.register(citation)
    return bibliography.cite(citation, lambda item: None), str(bibliography.bibliography()[0])


@pytest.mark.parametrize("lang,locale", [("en", "en-GB"), ("zh", "zh-CN")])
def test_csl_json_renders_with_a_csl_processor(site, act, lang, locale):
    items = json.loads(cite_file(site, f"regulation-{lang}.json"))
    assert len(items) == 74 and {i["type"] for i in items} == {"legislation"}
    assert json.loads(cite_file(site, f"{lang}/art-25.json")) == [items[25]]
    data = json.loads((site / "downloads" / "regulation.json").read_text(encoding="utf-8"))
    assert data["citations"][lang] == items
    language = PROFILES[lang]
    in_text, entry = render(items, items[25]["id"], locale)
    assert "2023" in in_text
    assert act.meta.title[lang] in entry and language.article_label(25) in entry and "2023" in entry
    assert f"{site_url(site)}{LANGS[lang]}versions/2024-01-01/art/25/" in entry
    _, whole = render(items, items[0]["id"], locale)
    assert act.meta.title[lang] in whole and "2023" in whole


@pytest.mark.parametrize("lang", LANGS)
def test_bibtex_and_ris_parse(site, act, lang):
    import bibtexparser
    import rispy
    library = bibtexparser.parse_string(cite_file(site, f"regulation-{lang}.bib"))
    assert not library.failed_blocks and len(library.entries) == 74
    entry = library.entries[25]
    assert entry.entry_type == "legislation" and entry.key == f"imar-border-areas-2023-{lang}-art25"
    assert entry["title"].strip("{}") == PROFILES[lang].citation(act.meta.title[lang], 25)
    assert entry["date"] == "2023-11-30" and entry["url"].endswith(f"{LANGS[lang]}versions/2024-01-01/art/25/")
    assert act.meta.languages[lang].label[lang] in entry["note"]
    records = rispy.loads(cite_file(site, f"regulation-{lang}.ris"))
    assert len(records) == 74 and {r["type_of_reference"] for r in records} == {"STAT"}
    record = records[25]
    assert record["title"] == PROFILES[lang].citation(act.meta.title[lang], 25)
    assert record["section"] == PROFILES[lang].article_label(25) and record["year"] == "2023"
    assert record["urls"] == [entry["url"]]
    assert rispy.loads(cite_file(site, f"{lang}/art-25.ris")) == [record]


@pytest.mark.parametrize("lang", LANGS)
def test_article_and_how_to_cite_pages_offer_the_files(site, lang):
    prefix = LANGS[lang]
    for path, wanted in ((f"{prefix}art/25/", f"cite/{lang}/art-25."), (f"{prefix}how-to-cite/", "cite/regulation-"),
                         (f"{prefix}versions/2024-01-01/art/25/", f"versions/2024-01-01/cite/{lang}/art-25.")):
        hrefs = [h for h in page(site, path).xpath("//a/@href") if wanted in h]
        assert {h.rsplit(".", 1)[1] for h in hrefs} == {"json", "bib", "ris"}, path
        for href in hrefs:
            assert (site / path / href).resolve().is_file(), (path, href)


# --- the change feeds --------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_feed_lists_every_version_and_revision(site, act, lang):
    import feedparser
    prefix, url, language = LANGS[lang], site_url(site), PROFILES[lang]
    feed = feedparser.parse((site / prefix / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.id == f"{url}{prefix}feed.xml" and feed.feed.language == language.tag
    ids = {e.id: e for e in feed.entries}
    assert len(feed.entries) == len(act.meta.versions) + len(act.meta.revisions)
    for v in act.meta.versions:
        entry = ids[f"{url}{prefix}versions/#version-{v.key}"]
        assert entry.link == f"{url}{prefix}versions/{v.key}/"
        assert v.instrument[lang] in entry.content[0].value
    for r in act.meta.revisions:
        entry = ids[f"{url}{prefix}versions/#revision-{r.number}"]
        assert entry.updated.startswith(r.date.isoformat())
        assert all(c[lang] in entry.content[0].value for c in r.changes)
    assert [e.updated for e in feed.entries] == sorted((e.updated for e in feed.entries), reverse=True)


@pytest.mark.parametrize("path", ["", "chapter-4/", "art/25/", "glossary/", "downloads/", "versions/",
                                  "versions/2024-01-01/art/25/", "zh/", "zh/art/25/", "zh/how-to-cite/"])
def test_every_page_links_the_feed_of_its_language(site, path):
    feed = "zh/feed.xml" if path.startswith("zh/") else "feed.xml"
    links = page(site, path).xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]/@href')
    assert len(links) == 1 and (site / path / links[0]).resolve() == (site / feed).resolve(), links
    if path.endswith("versions/"):
        assert page(site, path).xpath('//article//a[@type="application/atom+xml"]')


# --- checksums ---------------------------------------------------------------------------------------------

def _sums(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert all(re.fullmatch(r"[0-9a-f]{64}  \S.*", line) for line in lines)
    return {line[66:]: line[:64] for line in lines}


def test_sha256sums_list_every_download_with_its_hash(site):
    downloads = site / "downloads"
    listed = _sums((downloads / "SHA256SUMS").read_text(encoding="utf-8"))
    files = {p.relative_to(downloads).as_posix() for p in downloads.rglob("*") if p.is_file()}
    assert set(listed) == files - {"SHA256SUMS", "index.html"}
    assert {"regulation-site.zip", "regulation.json", "cite/regulation-zh.ris", "cite/en/art-25.bib",
            "versions/2024-01-01/regulation-en.pdf", "versions/2024-01-01/cite/zh/art-73.json"} <= set(listed)
    for rel, digest in listed.items():
        assert hashlib.sha256((downloads / rel).read_bytes()).hexdigest() == digest, rel
    check = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=downloads, capture_output=True, text=True, timeout=TIMEOUT)
    assert check.returncode == 0, check.stdout + check.stderr
    # The offline copy has the list of its own files.
    with zipfile.ZipFile(downloads / "regulation-site.zip") as archive:
        inner = _sums(archive.read("regulation-site/downloads/SHA256SUMS").decode())
        names = {n.removeprefix("regulation-site/downloads/") for n in archive.namelist()
                 if n.startswith("regulation-site/downloads/") and not n.endswith("/")}
        assert set(inner) == names - {"SHA256SUMS"}
        assert all(hashlib.sha256(archive.read("regulation-site/downloads/" + rel)).hexdigest() == digest
                   for rel, digest in inner.items())


@pytest.mark.parametrize("lang", LANGS)
def test_downloads_page_shows_the_sums_and_how_to_check(site, lang):
    root = page(site, f"{LANGS[lang]}downloads/")
    hrefs = root.xpath('//a[contains(@href, "SHA256SUMS")]/@href')
    assert hrefs and (site / LANGS[lang] / "downloads" / hrefs[0]).resolve() == site / "downloads" / "SHA256SUMS"
    assert "sha256sum -c --ignore-missing SHA256SUMS" in root.text_content()

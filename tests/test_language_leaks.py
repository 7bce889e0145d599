"""No interface text in the other language: every built page of each language is walked, and its visible
interface text (outside the act's text and outside anything marked with another lang) and its title,
aria-label, placeholder and alt attributes must be in the page's language."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString

from build_scripts.languages import PROFILES

ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# The act's own text and data shown as such (code, addresses) are not interface text.
SKIP = {"script", "style", "code", "pre", "kbd", "head", "svg"}
# Editorial content that quotes names in the other language: the text, notes, glossary definitions, and the
# sources of the texts (the publishers' and pages' own names).
SKIP_CLASSES = {"para", "point", "parallel-row", "editorial-notes", "editorial-notes-list", "field-note",
                "glossary-definition", "provenance-text", "provenance-links"}
# Chinese characters (and full-width punctuation) on an English page; Latin words on a Chinese page,
# except names of formats and units, which Chinese writes in Latin letters too.
OTHER_SCRIPT = {
    "en": re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"),
    "zh": re.compile(r"(?<![A-Za-z])(?!(?:PDF|JSON|XML|Akoma|Ntoso|KB|MB|zip|Natural|Earth|ID|URL|PNG|Schema|OASIS|FRBR|CSL|BibTeX|RIS|Atom|SHA|ELI|macOS|Zotero|Mendeley|EndNote|JabRef)(?![A-Za-z]))"
                     r"[A-Za-z]{2,}"),
}


ADDRESS = re.compile(r"(https?://[^\s，。）]+|/[\w/#.-]*|[\w.-]+\.(pdf|xml|json|zip)(#\w+)?)")


def page_language(site: Path, html: Path) -> str:
    rel = html.relative_to(site).as_posix()
    return next((code for code in PROFILES if code != "en" and rel.startswith(code + "/")), "en")


def _lang_of(element, page_tag: str) -> str:
    for node in [element, *element.parents]:
        if getattr(node, "get", None) and node.get("lang") and node.name != "html":
            return node["lang"]
    return page_tag


def _skipped(element) -> bool:
    for node in [element, *element.parents]:
        if node.name in SKIP or SKIP_CLASSES & set(node.get("class") or ()):
            return True
    return False


def leaks(text: str, code: str) -> list[str]:
    """Interface strings of a page in language ``code`` that are written in another language."""
    soup = BeautifulSoup(text, "lxml")
    tag, pattern = PROFILES[code].tag, OTHER_SCRIPT[code]
    found = []
    body = soup.body or soup
    for node in body.descendants:
        if isinstance(node, NavigableString) and node.parent is not None and node.strip():
            if type(node) is not NavigableString or _skipped(node.parent):
                continue
            # addresses and file names shown as such are not words of either language
            if _lang_of(node.parent, tag) == tag and pattern.search(ADDRESS.sub(" ", node)):
                found.append(f"text {node.strip()[:60]!r} in <{node.parent.name}>")
        elif getattr(node, "attrs", None) and not _skipped(node):
            for attribute in ATTRIBUTES:
                value = node.get(attribute)
                if value and _lang_of(node, tag) == tag and pattern.search(value):
                    found.append(f"{attribute}={value[:60]!r} on <{node.name}>")
    return found


def test_no_interface_text_in_the_other_language(site):
    problems = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 150
    for html in pages:
        code = page_language(site, html)
        for leak in leaks(html.read_text(encoding="utf-8"), code):
            problems.append(f"{html.relative_to(site)}: {leak}")
    assert problems == []


def test_the_walker_finds_a_leak():
    assert leaks('<html lang="zh-Hans"><body><button title="Switch to dark mode">x</button></body></html>', "zh")
    assert leaks('<html lang="en"><body><p>搜索</p></body></html>', "en")
    assert not leaks('<html lang="en"><body><p>Name <span lang="zh-Hans">阿拉善左旗</span></p></body></html>', "en")
    assert not leaks('<html lang="zh-Hans"><body><p class="para">英文 PDF text</p></body></html>', "zh")


def test_side_by_side_labels_are_in_the_page_language(site):
    """The labels for assistive technology beside the other language's text (its notes, the way back to the
    text) are the page's own words, and carry the page's lang so that they are spoken as such."""
    problems, beside = [], 0
    for html in sorted(site.glob("parallel/*/index.html")) + sorted(site.glob("*/parallel/*/index.html")):
        code = page_language(site, html)
        tag, pattern = PROFILES[code].tag, OTHER_SCRIPT[code]
        body = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").body
        labels = body.select("[aria-label]")
        beside += sum(1 for node in labels if node.find_parent(lang=lambda value: value and value != tag))
        for node in labels:
            if _lang_of(node, tag) != tag or pattern.search(node["aria-label"]):
                problems.append(f"{html.relative_to(site)}: {node['aria-label'][:60]!r} on <{node.name}>")
    assert beside > 20          # the notes beside the other language's text are checked
    assert problems == []

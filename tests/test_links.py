"""Link integrity, checked independently of MkDocs: every internal link and anchor in every built page,
both languages, resolves to a file and an element id. (`make audit` also runs LinkChecker.)"""
from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html


def pages(site: Path):
    return [p for p in sorted(site.rglob("*.html")) if "search" not in p.relative_to(site).parts]


def test_every_internal_link_and_anchor_resolves(site):
    @lru_cache(maxsize=None)
    def parsed(path: Path):         # lxml's own tree: the same elements as BeautifulSoup's, 30 times faster
        return lxml.html.fromstring(path.read_text(encoding="utf-8"))

    @lru_cache(maxsize=None)
    def ids(path: Path) -> frozenset:           # one walk per page, not one per link
        return frozenset(parsed(path).xpath("//@id"))

    def resolve(page: Path, href: str):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
            return None, None
        folder = posixpath.dirname("/" + page.relative_to(site).as_posix())
        target = posixpath.normpath(posixpath.join(folder, unquote(parts.path))) if parts.path else \
            "/" + page.relative_to(site).as_posix()
        path = site / target.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        return path, parts.fragment

    broken, checked = [], 0
    for page in pages(site):
        for tag in parsed(page).iter("a", "link"):
            href = tag.get("href")
            if href is None or tag.tag == "link" and (tag.get("rel") or "").split() not in (
                    ["prev"], ["next"], ["stylesheet"], ["icon"]):
                continue
            path, fragment = resolve(page, href)
            if path is None:
                continue
            checked += 1
            if not path.is_file():
                broken.append(f"{page.relative_to(site)}: {href} (no such file)")
                continue
            if fragment and path.suffix == ".html":
                refresh = parsed(path).xpath('//meta[@http-equiv="refresh"]/@content')
                if refresh:           # a permalink: the fragment is carried to the chapter page
                    path, _ = resolve(path, refresh[0].split("url=", 1)[1])
                if fragment not in ids(path):
                    broken.append(f"{page.relative_to(site)}: {href} (no id {fragment!r})")
    assert checked > 3000
    assert broken == []

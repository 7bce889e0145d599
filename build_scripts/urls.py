"""The list of published URLs and anchors (tests/published-urls.txt): the links the site promises to keep."""
from __future__ import annotations

from pathlib import Path


def published_urls(site) -> list[str]:
    """Every page of a built site with the ids inside its content (except editorial notes')."""
    from bs4 import BeautifulSoup

    site = Path(site)
    out = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        url = "/" if rel == "." else f"/{rel}/"
        out.append(url)
        content = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one(".md-content")
        if content is None:
            continue
        # Editorial notes are numbered in text order, so their ids move when a note is added: not promised.
        out += [f"{url}#{tag['id']}" for tag in content.find_all(id=True)
                if not tag["id"].startswith(("__", "note-"))]
    return out

"""The list of published URLs and anchors (tests/published-urls.txt): the links the site promises to keep.

    python -m tools.urls site > tests/published-urls.txt
"""
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


def main(argv=None) -> int:
    import sys
    args = sys.argv[1:] if argv is None else argv
    print("# Every published URL and anchor. Tests fail if one stops resolving; add, never remove.")
    print("# Regenerate after adding pages: python -m tools.urls site > tests/published-urls.txt")
    try:
        for line in published_urls(args[0] if args else "site"):
            print(line)
    except BrokenPipeError:       # e.g. piped into head
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

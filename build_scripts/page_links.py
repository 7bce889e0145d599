"""The links of the hand-written pages, checked against what the build makes: the pages (and the ids in them),
the downloads and the feeds. ``check`` and ``build`` both run this, so a broken link is reported as
``FILE:LINE: message`` before MkDocs (whose strict mode would stop on it) or a reader would find it."""
from __future__ import annotations

import posixpath
import re

from .errors import Problem, SourceError
from .links import page_url
from .model import Act

_MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
_HTML_LINK = re.compile(r'\b(?:href|src)="([^"]+)"')
_ID = re.compile(r'\{#([^}\s]+)[^}]*\}|\bid="([^"]+)"')
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:")


def downloads(act: Act) -> set[str]:
    """Every file the build puts in downloads/ (today's, and each version's under versions/<key>/)."""
    from . import citations
    from .build import ZIP_NAME
    from .export import JSON_NAME, akn_name
    from .pdf import editions, file_name

    def of(version_act) -> set[str]:
        names = {file_name(e) for e in editions(version_act)} | {JSON_NAME} | {akn_name(lang) for lang in act.langs}
        for lang in act.langs:
            for fmt in citations.FORMATS:
                names.add(citations.file_name(lang, fmt))
                names.update(citations.file_name(lang, fmt, a.num) for a in version_act.text(lang).articles())
        return names
    today = of(act) | {ZIP_NAME, "SHA256SUMS"}
    pinned = {f"versions/{v.key}/{name}" for v in act.meta.versions for name in of(act.at(v))}
    return {f"downloads/{name}" for name in today | pinned}


def _ids(markdown: str) -> set[str]:
    return {a or b for a, b in _ID.findall(markdown)}


def check_page_links(act: Act, pages: dict[str, str]) -> None:
    """Every link of every hand-written page leads to a page, id or file that the build makes; ``pages``: the
    rendered docs/ (name -> Markdown)."""
    from .pages import page_name
    urls = {_url(act, name): text for name, text in pages.items()}    # URL from the site root -> Markdown
    files = downloads(act) | {f"{act.prefix(lang)}feed.xml" for lang in act.langs}
    problems = []
    for page in act.pages:
        path = f"{act.source_dir}/pages/{page.lang}/{page.name}.md"
        own = pages.get(page_name(act, page.name, page.lang), page.markdown)
        here = act.prefix(page.lang) + page_url(page.name)
        for number, line in enumerate(page.markdown.splitlines(), 1):
            for link in _MARKDOWN_LINK.findall(line) + _HTML_LINK.findall(line):
                problem = _broken(act, link, page.lang, here, own, pages, urls, files)
                if problem:
                    problems.append(Problem(path, number, problem))
    if problems:
        raise SourceError(problems)


def _url(act: Act, name: str) -> str:
    """chapter-4.zh.md -> zh/chapter-4/"""
    stem = name.removesuffix(".md")
    for lang in act.langs:
        if lang != act.primary and stem.endswith(f".{lang}"):
            return act.prefix(lang) + page_url(stem.removesuffix(f".{lang}"))
    return page_url(stem)


def _broken(act, link, lang, here, own, pages, urls, files) -> str | None:
    """What is wrong with ``link`` on the page at ``here``, or None."""
    from .pages import page_name
    if _SCHEME.match(link) or link.startswith("/"):
        return None
    target, _, anchor = link.partition("#")
    if not target:
        text = own
    elif target.endswith(".md"):
        name = page_name(act, target.removesuffix(".md"), lang)
        if name not in pages:
            return f"the link {link!r} leads to no page: there is no {target} (in {lang!r})"
        text = pages[name]
    else:
        resolved = posixpath.normpath(posixpath.join(here, target)) + ("/" if target.endswith("/") else "")
        resolved = "" if resolved in ("./", ".") else resolved
        if resolved in urls:
            text = urls[resolved]
        elif resolved in files:
            return None
        else:
            return f"the link {link!r} leads to nothing the site has: /{resolved} is neither a page nor a download"
    if anchor and anchor not in _ids(text):
        return f"the link {link!r} leads to no id {anchor!r} in its page"
    return None

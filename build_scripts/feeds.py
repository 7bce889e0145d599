"""An Atom feed of changes per language (``feed.xml``, ``zh/feed.xml``): one entry for each version of the act
(``versions:`` in regulation.yaml) and one for each revision of the translations and notes (``revisions:``),
with what it changed.

Everything comes from the data: entry dates are the dates of the decisions and revisions, ids are the site
addresses of their places on the versions page, so two builds of the same source write the same feeds.
"""
from __future__ import annotations

import datetime
from pathlib import Path

from .languages import PROFILES
from .links import Links
from .model import Act

FEED_NAME = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def entries(act: Act, lang: str, site_url: str) -> list[dict]:
    """The feed's entries in ``lang``, newest first: each has id, title, date, link and a list of paragraphs."""
    from .pages import _summary       # the versions page's sentences, as plain text here
    language, words = PROFILES[lang], PROFILES[lang].words
    here = f"{site_url}{act.prefix(lang)}"
    out = []
    for v in act.meta.versions:
        made = language.w("currency_made", instrument=v.instrument[lang], adopted=language.date(v.adopted))
        changes = ["".join([s["text"], words["list_sep"].join(link["text"] for link in s["links"]), s["tail"]])
                   for s in _summary(Links(site_url), act, lang, v)]
        out.append({"id": f"{here}versions/#version-{v.key}", "date": v.adopted,
                    "title": language.w("version_title", effective=language.date(v.effective)),
                    "link": f"{here}versions/{v.key}/", "lines": [made, *changes]})
    for r in act.meta.revisions:
        out.append({"id": f"{here}versions/#revision-{r.number}", "date": r.date,
                    "title": language.w("revision_title", number=r.number, date=language.date(r.date)),
                    "link": f"{here}versions/#revision-{r.number}", "lines": [c[lang] for c in r.changes]})
    return sorted(out, key=lambda e: (e["date"], e["id"]), reverse=True)


def atom(act: Act, lang: str, site_url: str) -> bytes:
    """The Atom document for ``lang``."""
    from lxml.builder import ElementMaker
    from lxml import etree

    A = ElementMaker(namespace=ATOM, nsmap={None: ATOM})
    H = ElementMaker(namespace=XHTML, nsmap={None: XHTML})
    language, words = PROFILES[lang], PROFILES[lang].words
    here = f"{site_url}{act.prefix(lang)}"
    items = entries(act, lang, site_url)
    feed = A.feed(
        A.id(here + FEED_NAME),
        A.title(language.w("feed_title", title=act.meta.title[lang])),
        A.subtitle(words["feed_subtitle"]),
        A.updated(_stamp(max(e["date"] for e in items))),
        A.link(rel="self", type="application/atom+xml", href=here + FEED_NAME),
        A.link(rel="alternate", type="text/html", href=here + "versions/"),
        A.author(A.name(words["publisher"]), A.uri(here)),
        *(A.entry(A.id(e["id"]), A.title(e["title"]), A.updated(_stamp(e["date"])),
                  A.link(rel="alternate", type="text/html", href=e["link"]),
                  A.content(H.div(*(H.p(line) for line in e["lines"])), type="xhtml"))
          for e in items))
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", language.tag)
    return etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_feeds(site: Path, act: Act, site_url: str) -> list[Path]:
    """<prefix>feed.xml for every language into the built site; returns the paths."""
    written = []
    for lang in act.langs:
        path = Path(site) / act.prefix(lang) / FEED_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(atom(act, lang, site_url))
        written.append(path)
    return written

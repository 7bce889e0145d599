"""Where a page's links lead: every URL a page, a template or a PDF prints comes from a :class:`Links` object.

A link is given as a path from the site root in folder style (``chapter-4/#art_25``, ``zh/art/25/``,
``downloads/regulation-en.pdf``) and printed final: relative to the page it is on (``../chapter-4/#art_25``),
or absolute for what readers copy (permalinks, the address on a printout). The site is built with folder URLs;
the offline copy maps each URL to a file name (site_mkdocs.offline_copy) and changes nothing else.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field, replace
from typing import Mapping


@dataclass(frozen=True)
class Links:
    site_url: str = "/"                     # the published address, ending in "/"
    here: str = ""                          # the page's own URL from the site root: "", "chapter-4/", "zh/art/25/"
    sizes: Mapping[str, int] = field(default_factory=dict)     # downloads/... -> bytes, once the files exist

    def at(self, here: str) -> Links:
        """The same site, for the page at ``here``."""
        return replace(self, here=here)

    def to(self, path: str) -> str:
        """``path`` (from the site root, with an optional #fragment) relative to this page."""
        target, hash_, fragment = path.partition("#")
        base = self.here.rstrip("/") if self.here.endswith("/") else posixpath.dirname(self.here)
        rel = posixpath.relpath(target or ".", base or ".")
        if (target.endswith("/") or not target) and not rel.endswith("/"):
            rel += "/"
        return rel + hash_ + fragment

    def absolute(self, path: str) -> str:
        """The published URL of ``path``."""
        return self.site_url + path

    def size(self, path: str) -> int | None:
        """The size of a download in bytes, when it has been made."""
        return self.sizes.get(path.partition("#")[0])


def page_url(name: str) -> str:
    """A page's URL from its name in docs/ without the language: ``index`` -> "", ``chapter-4`` -> ``chapter-4/``."""
    return name[: -len("index")] if name == "index" or name.endswith("/index") else name + "/"

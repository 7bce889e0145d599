"""Publishing a built site/ to a static host: precompressed copies, a cache policy, then a gh-pages
branch (ghp-import) or a folder.

- ``SITE_URL`` is required and may not be the placeholder of mkdocs.yml: canonical links, hreflang
  alternates, the sitemap and copied citations all carry it.
- Every text file gets a ``.gz`` copy beside it (gzip level 9, no file name or time stamp inside, so two
  publishes of the same site are identical); hosts that serve precompressed files use them.
- ``_headers`` (the format of Netlify and Cloudflare Pages) gives files whose names carry a content hash
  a year's immutable cache, and everything else, pages first, a short one. Exactly one rule matches each
  file, so hosts that merge matching rules never combine two policies. A last rule, ``/*``, gives every response
  the security headers of security.py (a Content-Security-Policy with the hashes of the pages' inline scripts,
  nosniff, a referrer policy and a permissions policy); it sets no Cache-Control.
"""
from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

PLACEHOLDER = "border-regulations.example.org"
TEXT = {".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".map", ".md"}
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)(\.map)?$")     # Material's content-hashed assets
LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300, must-revalidate"
MARKER = "_headers"            # a folder holding this file was published here before and may be replaced


class PublishError(Exception):
    """A reason not to publish, for people."""


def site_url(environ=os.environ) -> str:
    url = environ.get("SITE_URL", "").strip()
    if not url:
        raise PublishError("SITE_URL is required: the address the site is published at, "
                           "e.g. SITE_URL=https://example.org/border-act/ make publish")
    if PLACEHOLDER in url:
        raise PublishError(f"SITE_URL is the placeholder {url!r}: give the address the site is published at")
    if not re.match(r"https?://[^/\s]+", url):
        raise PublishError(f"SITE_URL must start with https:// (or http://), found {url!r}")
    return url if url.endswith("/") else url + "/"


def check_built_for(site: Path, url: str) -> None:
    """The site in ``site`` was built for ``url`` (its home page's canonical link says so)."""
    home = (site / "index.html").read_text(encoding="utf-8")
    if f'<link rel="canonical" href="{url}"' not in home:
        raise PublishError(f"{site}/index.html: not built for SITE_URL={url} (build again with it set)")


def compress(folder: Path) -> list[Path]:
    """A .gz copy beside every text file; returns the copies."""
    made = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in TEXT:
            target = path.with_name(path.name + ".gz")
            with open(target, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                          compresslevel=9, mtime=0) as out:
                out.write(path.read_bytes())
            made.append(target)
    return made


def headers(folder: Path) -> str:
    """The _headers file for ``folder``: one rule per hashed asset, per other asset, and per top-level entry."""
    rules = []
    for path in sorted(folder.iterdir()):
        if path.name == "assets" and path.is_dir():
            for asset in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = "/" + asset.relative_to(folder).as_posix()
                rules.append((rel, LONG if HASHED.search(asset.name.removesuffix(".gz")) else SHORT))
        elif path.is_dir():
            rules.append((f"/{path.name}/*", SHORT))
        elif path.name != MARKER:
            rules.append((f"/{path.name}", SHORT))
    rules.insert(0, ("/", SHORT))
    from .security import security_headers
    every = "".join(f"  {name}: {value}\n" for name, value in security_headers(folder).items())
    return "".join(f"{pattern}\n  Cache-Control: {policy}\n" for pattern, policy in rules) + "/*\n" + every


def prepare(site: Path, target: Path) -> None:
    """``target`` becomes a copy of ``site`` with .gz copies and _headers."""
    if target.exists():
        if any(target.iterdir()) and not (target / MARKER).exists():
            raise PublishError(f"{target}: not empty and not a previous publish (no {MARKER}); "
                               "give an empty or new folder")
        shutil.rmtree(target)
    shutil.copytree(site, target)
    compress(target)
    (target / MARKER).write_text(headers(target), encoding="utf-8")


def publish(site, url: str, to: str | None, push: bool = True) -> str:
    """Publish the built ``site`` to the folder ``to``, or else to the gh-pages branch; returns where."""
    site = Path(site)
    check_built_for(site, url)
    if to:
        prepare(site, Path(to))
        return str(to)
    staging = site.with_name(site.name + ".publish")
    prepare(site, staging)
    try:
        command = [sys.executable, "-m", "ghp_import", "--no-jekyll", "-m", f"Publish {url}", str(staging)]
        if push:
            command.insert(3, "--push")
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            raise PublishError(f"ghp-import failed: {done.stderr.strip() or done.stdout.strip()}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return "gh-pages branch" + (" (pushed to origin)" if push else " (not pushed)")

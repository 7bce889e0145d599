"""Security headers for the published site: a Content-Security-Policy that lets no script run but the site's own
files and the few inline scripts the theme writes into every page (allowed one by one by their SHA-256), and the
headers that stop MIME sniffing, trim referrers and turn off browser features the site does not use.

The inline scripts are read from the built pages when publishing, so the policy follows the theme's markup:
Material writes a small bootstrap (``__md_scope``, the colour palette, content tabs), whose text differs with the
page's depth. Blocks that are data, not code (JSON-LD, Material's ``application/json`` configuration), are never
executed and need no hash. Styles may stay inline (Material and the map set ``style`` attributes); scripts may not.
"""
from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

# A <script> with one of these types (or none) is run by browsers; anything else (JSON-LD, JSON) is data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


class _InlineScripts(HTMLParser):
    """The exact text of every inline script of a page (the text the browser hashes)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found, self._open = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            attrs = dict(attrs)
            runs = (attrs.get("type") or "").strip().lower() in SCRIPT_TYPES
            self._open = [] if runs and "src" not in attrs else None

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.found.append("".join(self._open))
        if tag == "script":
            self._open = None


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.found


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def script_hashes(folder: Path) -> list[str]:
    """The CSP sources of every distinct inline script in the pages of ``folder``, sorted."""
    found = set()
    for page in sorted(Path(folder).rglob("*.html")):
        found.update(script_hash(s) for s in inline_scripts(page.read_text(encoding="utf-8")) if s.strip())
    return sorted(found)


def content_security_policy(hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes),
        "style-src 'self' 'unsafe-inline'",       # style attributes (theme, map, previews)
        "img-src 'self' data:",                    # the theme's icons are data: URLs in its CSS
        "font-src 'self'", "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'",
        "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'",
    ]).replace("'self' ;", "'self';")


def security_headers(folder: Path) -> dict[str, str]:
    """The headers every response of the site in ``folder`` gets."""
    return {
        "Content-Security-Policy": content_security_policy(script_hashes(folder)),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                              "accelerometer=(), gyroscope=(), magnetometer=()",
    }

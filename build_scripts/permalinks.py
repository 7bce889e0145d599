"""Article permalinks: /art/25/ and /zh/art/25/ send the reader to chapter-4/#art_25.

They are plain HTML files written next to the built site: they work without JavaScript (meta refresh,
canonical link), and with JavaScript they keep a fragment the reader added (/art/25/#art_25__para_2).
They are not pages of the site, so they stay out of the sitemap and the search index.
"""
from __future__ import annotations

import html

from . import labels
from .source import Act

TEMPLATE = """<!doctype html>
<html lang="{html_lang}">
<head>
<meta charset="utf-8">
<title>{label} – {title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<script>location.replace("{target}" + (location.hash || "#{anchor}"));</script>
<meta http-equiv="refresh" content="0; url={target}#{anchor}">
</head>
<body>
<p><a href="{target}#{anchor}">{label}</a></p>
</body>
</html>
"""


def redirect_pages(act: Act, site_url: str, directory_urls: bool = True) -> dict[str, str]:
    """Relative path in site/ -> HTML, for every article in every language. Without directory URLs
    (the offline copy) chapter pages are files: chapter-4.html."""
    pages = {}
    for lang, reg in act.texts.items():
        prefix = "" if lang == "en" else f"{lang}/"
        for chapter in reg.chapters:
            for article in chapter.articles:
                anchor = article.id
                pages[f"{prefix}art/{article.num}/index.html"] = TEMPLATE.format(
                    html_lang="en" if lang == "en" else "zh-Hans",
                    label=html.escape(labels.article_label(lang, article.num)),
                    title=html.escape(reg.title if lang == "en" else act.meta.title[lang]),
                    canonical=html.escape(f"{site_url}{prefix}chapter-{chapter.num}/"),
                    target=f"../../chapter-{chapter.num}" + ("/" if directory_urls else ".html"),
                    anchor=anchor)
    return pages

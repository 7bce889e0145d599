"""MkDocs hooks: small adjustments Material and mkdocs-static-i18n do not offer as settings."""
from __future__ import annotations

import re


_SITE_LINK = re.compile(r'href="site:([^"#]*)(#[^"]*)?"')


def site_url_for(path: str, directory_urls: bool) -> str:
    """Folder-style path from the site root -> the URL this build uses for it."""
    if directory_urls or not path.endswith("/") and path:
        return path
    folder = path.rstrip("/")
    if folder in ("", "zh") or folder.split("/")[-2:-1] == ["art"]:
        return f"{folder}/index.html".lstrip("/")          # language homes and permalinks
    return f"{folder}.html"


def on_page_content(html: str, page, config, files) -> str:
    """Links the renderer wrote as ``site:chapter-4/#art_25`` become relative to this page."""
    from mkdocs.utils import get_relative_url

    def relative(m):
        target = site_url_for(m.group(1), config.use_directory_urls)
        return f'href="{get_relative_url(target or ".", page.url or ".")}{m.group(2) or ""}"'

    return _SITE_LINK.sub(relative, html)


def on_post_page(output: str, page, config) -> str:
    # Material writes lang="zh"; the text is Simplified Chinese, which assistive technology,
    # fonts and search engines only know when it says so.
    return output.replace('<html lang="zh" ', '<html lang="zh-Hans" ', 1)

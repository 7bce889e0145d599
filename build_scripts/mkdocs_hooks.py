"""MkDocs hooks: small adjustments Material and mkdocs-static-i18n do not offer as settings."""
from __future__ import annotations


def on_post_page(output: str, page, config) -> str:
    # Material writes lang="zh"; the text is Simplified Chinese, which assistive technology,
    # fonts and search engines only know when it says so.
    return output.replace('<html lang="zh" ', '<html lang="zh-Hans" ', 1)

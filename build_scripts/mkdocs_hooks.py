"""MkDocs hooks: small adjustments Material and mkdocs-static-i18n do not offer as settings."""
from __future__ import annotations

from pathlib import Path

USER_DICT = ".jieba_user_dict.txt"


def on_config(config):
    # Material's `jieba_dict_user` is resolved from the working directory; load the glossary's
    # dictionary (written into docs/ by `generate`) from the docs folder instead.
    path = Path(config.docs_dir) / USER_DICT
    if path.exists():
        import jieba
        jieba.load_userdict(str(path))
    return config


def on_post_page(output: str, page, config) -> str:
    # Material writes lang="zh"; the text is Simplified Chinese, which assistive technology,
    # fonts and search engines only know when it says so.
    return output.replace('<html lang="zh" ', '<html lang="zh-Hans" ', 1)

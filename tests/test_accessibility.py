"""axe-core in Debian's Chromium: no WCAG 2.1 AA violations on the main kinds of page, both languages."""
from __future__ import annotations

import pytest

PAGES = ["", "chapter-4/", "glossary/", "zh/", "zh/chapter-4/", "zh/glossary/", "parallel/chapter-4/",
         "how-to-cite/", "zh/how-to-cite/", "art/25/", "zh/art/25/", "zh/parallel/chapter-4/", "downloads/",
         "not-found/", "zh/not-found/"]
# Every rule of these levels runs; only the violations are reported in full (listing each node that passes
# takes axe as long again on a long page such as the glossary).
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}


@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations_and_the_page_declares_its_language(page, server, path):
    page.goto(f"{server}/{path}")
    assert page.evaluate("document.documentElement.lang") == ("zh-Hans" if path.startswith("zh/") else "en")
    from axe_playwright_python.sync_playwright import Axe     # here: the quick loop imports this module too
    results = Axe().run(page, options=OPTIONS)
    violations = results.response["violations"]
    report = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in violations]
    assert report == []


def test_chinese_names_in_english_pages_are_marked(page, server):
    page.goto(f"{server}/glossary/")
    names = page.locator('dl[data-entry="alxa-left-banner"] [lang="zh-Hans"]')
    assert names.first.text_content() == "阿拉善左旗"
    assert page.locator('h4#alxa-left-banner [lang="zh-Hans"]').inner_text() == "阿拉善左旗"

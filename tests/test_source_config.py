"""The navigation, the languages and the site's names come from source/: a new chapter or a new hand-written page
reaches the navigation with no edit of mkdocs.yml (pages only, in-process; the real build checks MkDocs takes it).
The new chapter is added to the small act (tests/small_source/): any act will do, and its pages render in a fraction
of the real act's time."""
from __future__ import annotations

import pathspec
from mkdocs.utils.yaml import yaml_load

from build_scripts.links import Links
from build_scripts.load import load_act
from build_scripts.pages import render
from build_scripts.site_mkdocs import site_config

from conftest import ROOT, SMALL_SOURCE, copy_source

CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def nav_pages(nav) -> list[str]:
    out = []
    for item in nav:
        out += nav_pages(next(iter(item.values()))) if isinstance(item, dict) else [item]
    return out


def test_mkdocs_yml_holds_no_data_of_the_act():
    assert not {"nav", "not_in_nav", "site_name", "site_description", "copyright"} & set(CONFIG)
    assert "languages" not in CONFIG["plugins"]["i18n"]


def test_a_tenth_chapter_and_a_new_page_need_no_edit_of_mkdocs_yml(tmp_path):
    """The small act (two chapters) grown to ten, one article each, and given a new hand-written page."""
    from build_scripts.languages import PROFILES
    source = copy_source(tmp_path, SMALL_SOURCE)
    first = max(load_act(source).captions) + 1
    chapters = range(3, 11)
    for lang, chapter, article in (("en", "{c} Further Provisions {n}", "{a} Text of chapter {n}."),
                                   ("zh", "{c} 补充规定{n}", "{a}　第{n}章的条文。")):
        language = PROFILES[lang]
        lines = [line for n, a in zip(chapters, range(first, first + len(chapters)))
                 for line in (chapter.format(c=language.chapter_label(n), n=n),
                              article.format(a=language.article_label(a), n=n))]
        path = source / f"regulation.{lang}.txt"
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    captions = source / "captions.yaml"
    captions.write_text(captions.read_text(encoding="utf-8") + "".join(
        f"{a}: {{en: Chapter {n}, zh: 第{n}章}}\n" for n, a in zip(chapters, range(first, first + len(chapters)))),
        encoding="utf-8")
    for lang, title in (("en", "Contact"), ("zh", "联系")):
        (source / "pages" / lang / "contact.md").write_text(f"# {title} {{#contact}}\n\nText.\n", encoding="utf-8")
    act = load_act(source)
    config = site_config(act, CONFIG)
    pages = render(act, Links())
    listed = nav_pages(config["nav"])
    assert [name for name in listed if name.startswith("chapter-")] == [f"chapter-{n}.md" for n in range(1, 11)]
    assert listed[-1] == "contact.md"
    assert all(name in pages for name in listed)
    # every other page is left out of the navigation on purpose (MkDocs' own reading of not_in_nav)
    outside = pathspec.GitIgnoreSpec.from_lines(config["not_in_nav"].splitlines())
    in_nav = {name.replace(".md", f".{code}.md") if code != act.primary else name for name in listed for code in act.langs}
    assert [name for name in pages if name not in in_nav and not outside.match_file(name)] == []
    assert [name for name in in_nav if name in pages and outside.match_file(name)] == []
    last = first + len(chapters) - 1
    assert {"parallel/chapter-10.md", f"art/{last}.md", f"art/{last}.zh.md", "full.zh.md"} <= set(pages) - in_nav
    assert [lang["locale"] for lang in config["plugins"]["i18n"]["languages"]] == list(act.langs)
    assert {lang["site_name"] for lang in config["plugins"]["i18n"]["languages"]} == set(act.meta.site_name.values())
    assert config["plugins"]["search"] == CONFIG["plugins"]["search"]

"""The boundary to MkDocs, Material for MkDocs and mkdocs-static-i18n: the only module that knows them.

Together with ``mkdocs.yml`` and ``overrides/`` (CSS, JavaScript, blocks of Material's main.html, and the
sitemap template, which leaves out pages marked noindex and names languages by their BCP 47 tags), this is
everything a move to another site generator would replace. The pages themselves come in as plain Markdown files in docs/ (pages.py), their links final. What comes from source/ (the
navigation, the languages, their site names, footers and theme words) is configured (:func:`site_config`); what
cannot be is edited once per page on the parsed page (:class:`MaterialPage`, :func:`edit_page`), and the build
fails, naming the page and the element, when Material's markup lacks what an edit expects. After the build
(:func:`post_build`):

- ``<html lang>`` and ``hreflang`` use each language's BCP 47 tag, alternates become absolute URLs;
- Material's single search index is split per language (Lunr's format), and each language's pages
  are pointed at their own half (the ``base`` of Material's page configuration);
- the heading links' title, which mkdocs.yml sets once, in each page's language;
- one "page not found" page per language (``404.html``, ``zh/404.html``) from the generated ``not-found`` pages;
- robots.txt, and for the offline copy (which has no sitemap) the iframe-worker shim Material's offline search
  needs (and links to the current version's own downloads lead to today's identical files, which the offline copy
  holds once).

The offline copy (downloads/regulation-site.zip) is derived from the online build by :func:`offline_copy`,
with the changes Material's offline plugin would make, instead of a second MkDocs build.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import re
import shutil
import sys
from pathlib import Path
from html import escape
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import urlsplit

from .languages import PROFILES
from .model import Act
from .runlog import note
from .pages import NOT_IN_NAV
from .versions import revision_text

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"     # the offline copy's polyfill (offline_copy)
USER_DICT = ".jieba_user_dict.txt"     # in docs/; a dot-file, so MkDocs does not publish it
FREQUENCY = 100000                      # high enough that jieba keeps each word whole
WORDS_JS = "assets/words.js"            # interface strings for site.js, from the language profiles

# Patterns start with literal text where they can: a leading \s* or alternation is tried at every position.
# Strings mkdocs.yml gives the theme once, in English -> the language profile's word for them.
HEADERLINK = "Link to this heading"       # mkdocs.yml's toc permalink_title: Python-Markdown's, one for all languages
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:")
NOT_FOUND = "not-found/"     # the generated page each language's 404.html is made from
# Material's sidebars, the site's navigation (every chapter, on every page) and the page's contents: edit_page
# changes nothing in them and leaves them unparsed (at 180 chapters they hold two thirds of a page's tags). Should
# Material write them otherwise, the whole page is parsed: slower, the same result.
NAVIGATION = ('<div class="md-sidebar md-sidebar--primary"', '<div class="md-content"')


class BuildFailed(Exception):
    """MkDocs stopped (strict mode turns its warnings into this), or its output lacks what the build edits."""


class Tag(NamedTuple):
    name: str
    attrs: dict
    start: int          # where the start tag begins and ends in the page's text
    end: int


class MaterialPage(HTMLParser):
    """A built page, parsed once into its start tags (with their exact place) and the places of its end tags. Edits
    replace a located tag's attribute or insert text at a located place, so that everything else keeps its bytes;
    :meth:`one` fails the build, naming the page and the element, when Material's markup lacks what is expected."""

    def __init__(self, name: str, text: str, skip: tuple[str, str] | None = None):
        """``skip``: the start tags (as written) of an element and of the element after it, whose text is left
        unparsed when both are found and the <div>s between them balance; its tags are then not in ``tags``."""
        super().__init__(convert_charrefs=True)
        self.name, self.text = name, text
        self.tags: list[Tag] = []
        self.ends: list[tuple[str, int]] = []
        self._edits: list[tuple[int, int, str]] = []
        self._gap = self._skipped(skip) if skip else (len(text), 0)
        fed = text[:self._gap[0]] + text[self._gap[0] + self._gap[1]:]
        self._lines = [0]
        for line in fed.splitlines(keepends=True):
            self._lines.append(self._lines[-1] + len(line))
        self.feed(fed)
        self.close()

    def _skipped(self, skip: tuple[str, str]) -> tuple[int, int]:
        """(where the skipped text starts, its length); nothing is skipped when it cannot be found whole."""
        start = self.text.find(skip[0])
        end = self.text.find(skip[1], start) if start >= 0 else -1
        if end < 0 or self.text.count("<div", start, end) != self.text.count("</div>", start, end):
            return len(self.text), 0
        return start, end - start

    def _offset(self) -> int:
        line, column = self.getpos()
        at = self._lines[line - 1] + column
        return at + self._gap[1] if at >= self._gap[0] else at

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        self.tags.append(Tag(tag, {k: v if v is not None else "" for k, v in attrs}, start,
                             start + len(self.get_starttag_text())))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.ends.append((tag, self._offset()))

    def find(self, name: str, **attrs) -> list[Tag]:
        """The start tags ``name`` whose attributes have these values (``class_`` for class; None: present)."""
        want = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        return [t for t in self.tags if t.name == name and all(
            k in t.attrs and (v is None or t.attrs[k] == v) for k, v in want.items())]

    def one(self, name: str, what: str, **attrs) -> Tag:
        found = self.find(name, **attrs)
        if not found:
            shown = "".join(f' {k.rstrip("_").replace("_", "-")}="{v}"' if v else f" {k}" for k, v in attrs.items())
            raise BuildFailed(f"{self.name}: Material's markup has no <{name}{shown}> ({what}); "
                              "the build's edit of it needs updating")
        return found[0]

    def end_of(self, tag: Tag) -> int:
        """Where the element ``tag`` opens is closed: its first end tag (for an element holding none of its kind)."""
        return next(at for name, at in self.ends if name == tag.name and at >= tag.end)

    def set(self, tag: Tag, attr: str, value: str, extra: str = "") -> None:
        """Give ``attr`` of ``tag`` a new value (and put ``extra`` attributes after it)."""
        old = f'{attr}="{escape(tag.attrs[attr])}"'
        at = self.text.find(old, tag.start, tag.end)
        if at < 0:
            raise BuildFailed(f"{self.name}: <{tag.name} {attr}> is not written as {old}")
        self._edits.append((at, at + len(old), f'{attr}="{escape(value)}"{extra}'))

    def replace(self, start: int, end: int, text: str) -> None:
        self._edits.append((start, end, text))

    def result(self) -> str:
        parts, at = [], 0
        for start, end, new in sorted(self._edits):
            assert start >= at, f"{self.name}: two edits of the same text at {start}"
            parts += [self.text[at:start], new]
            at = end
        return "".join(parts) + self.text[at:]


# --- before the build: files MkDocs reads from docs/ ----------------------------------------------------

def extra_files(act: Act) -> dict[str, str]:
    """Files for docs/ besides the pages: jieba's user dictionary and the interface strings for site.js."""
    words = {PROFILES[lang].tag: {k[3:]: v for k, v in PROFILES[lang].words.items() if k.startswith("js_")}
             for lang in act.langs}
    for lang in act.langs:
        words[PROFILES[lang].tag]["cite_details"] = cite_details(act, lang)
    return {USER_DICT: user_dictionary(act),
            WORDS_JS: "window.SITE_WORDS = " + json.dumps(words, ensure_ascii=False, sort_keys=True) + ";\n"
                      + "window.SITE_ACT = " + json.dumps(act_outline(act), ensure_ascii=False, sort_keys=True) + ";\n"}


def cite_details(act: Act, lang: str) -> str:
    """What a copied citation says about the text: its status and dates, in the page's language."""
    language = PROFILES[lang]
    return language.w("cite_details", status=act.meta.languages[lang].label[lang], revision=revision_text(act, lang),
                      adopted=language.date(act.meta.adopted), effective=language.date(act.meta.effective))


def act_outline(act: Act) -> dict:
    """What the go-to-article box and the search hook need without the search index: the paragraph count of
    each article, and per language the article labels with their captions and the paragraph numbers."""
    articles = list(act.text(act.primary).articles())
    most = max(len(a.paragraphs) for a in articles)
    return {"paragraphs": {a.num: len(a.paragraphs) for a in articles},
            "labels": {PROFILES[lang].tag: {
                "articles": {a.num: [PROFILES[lang].article_label(a.num),
                                     PROFILES[lang].caption(act.captions[a.num][lang]) if a.num in act.captions else ""]
                             for a in articles},
                "paragraphs": [PROFILES[lang].paragraph_num(n) for n in range(1, most + 1)]}
                for lang in act.langs}}


def user_dictionary(act: Act) -> str:
    """Words jieba must keep whole in the languages it segments: glossary names, chapter and article labels."""
    words = []
    for lang in act.langs:
        if PROFILES[lang].spaced:      # a language with spaces needs no segmentation
            continue
        if act.glossary:
            for entry in act.glossary.entries:
                words += [entry.name[lang], *entry.match[lang]]
                words += [getattr(entry, f)[lang] for f in ("parent", "seat") if getattr(entry, f)]
        reg = act.text(lang)
        words += [PROFILES[lang].chapter_label(c.num) for c in reg.chapters]
        words += [PROFILES[lang].article_label(a.num) for a in reg.articles()]
    unique = dict.fromkeys(w.strip("“”") for w in words if w and " " not in w)
    return "".join(f"{word} {FREQUENCY} n\n" for word in unique)


# --- the build ----------------------------------------------------------------------------------------

PALETTE = ("theme_palette_auto", "theme_palette_light", "theme_palette_dark")   # mkdocs.yml's theme.palette, in order


def site_config(act: Act, configured: dict) -> dict:
    """What mkdocs.yml would otherwise repeat from source/: the navigation (the chapters, the generated pages, the
    hand-written ones in regulation.yaml's order) and the pages left out of it, the languages with their site
    names and descriptions (a page without its own description gets the act's title), footers and words for the
    theme (mkdocs-static-i18n's per-language settings) and their tags for the sitemap (overrides/sitemap.xml),
    over the ``plugins`` and ``extra`` that mkdocs.yml (``configured``) sets."""
    plugins, extra = configured.get("plugins") or {}, configured.get("extra") or {}
    primary = PROFILES[act.primary].words
    hand = sorted({page.name for page in act.pages},
                  key=lambda name: (act.meta.navigation.index(name) if name in act.meta.navigation
                                    else len(act.meta.navigation), name))
    nav = ["index.md", {primary["nav_text"]: [f"chapter-{c.num}.md" for c in act.text(act.primary).chapters]},
           *(["glossary.md"] if act.glossary else []), "notes.md", "versions.md", *(f"{name}.md" for name in hand)]
    languages = []
    for code in act.langs:
        words = PROFILES[code].words
        language = {"locale": code, "name": PROFILES[code].name, "default": code == act.primary, "build": True,
                    "site_name": act.meta.site_name[code], "site_description": act.meta.title[code],
                    "theme": {"palette": [{"toggle": {"name": words[key]}} for key in PALETTE]}}
        if code in act.meta.copyright:
            language["copyright"] = act.meta.copyright[code]
        if code != act.primary:
            language["nav_translations"] = {primary["nav_text"]: words["nav_text"]}
        languages.append(language)
    plugins = {**plugins, "i18n": {**plugins["i18n"], "languages": languages}}
    extra = {**extra, "hreflang": {code: PROFILES[code].tag for code in act.langs}, "x_default": act.primary}
    return {"nav": nav, "not_in_nav": "\n".join(NOT_IN_NAV), "site_name": act.meta.site_name[act.primary],
            "site_description": act.meta.title[act.primary],
            "plugins": plugins, "extra": extra,
            **({"copyright": act.meta.copyright[act.primary]} if act.primary in act.meta.copyright else {})}


def mkdocs_build(config_file, docs_dir, site_dir, act: Act, moment=None, **overrides) -> str:
    """mkdocs build --strict, with the settings that come from source/ (:func:`site_config`) and any further
    ``overrides`` of mkdocs.yml's settings (tests build a few pages with their own nav); warnings are printed
    and raise BuildFailed. Returns the site URL. ``moment`` (the build's date) becomes the sitemap's lastmod:
    MkDocs reads it from SOURCE_DATE_EPOCH."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if moment is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    mkdocs_log = logging.getLogger("mkdocs")
    if not mkdocs_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
        mkdocs_log.addHandler(handler)
        mkdocs_log.setLevel(logging.WARNING)
    import jieba  # Material's search segments Chinese with it; keep its progress chatter quiet.
    jieba.setLogLevel(logging.WARNING)
    # Material resolves `jieba_dict_user` from the working directory; load the dictionary from docs/.
    user_dict = Path(docs_dir) / USER_DICT
    if user_dict.exists():
        jieba.load_userdict(str(user_dict))

    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as f:
        configured = yaml_load(f) or {}
    note("mkdocs", site_dir)
    config = load_config(str(config_file), docs_dir=str(Path(docs_dir).resolve()),
                         site_dir=str(Path(site_dir).resolve()), strict=True,
                         **{**site_config(act, configured), **overrides})
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except Abort as e:
        raise BuildFailed(f"mkdocs: {e}") from None
    finally:
        config.plugins.on_shutdown()
    return config.site_url or "/"


def configured_site_url(config_file) -> str:
    """The address the site is built for, as MkDocs will see it: ``site_url`` in mkdocs.yml, where SITE_URL
    (the !ENV tag) overrides the default; read before the MkDocs build, for the PDFs that render alongside it."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as f:
        url = (yaml_load(f) or {}).get("site_url") or ""
    return url if not url or url.endswith("/") else url + "/"


# --- after the build -------------------------------------------------------------------------------------

def site_url_for(path: str, directory_urls: bool) -> str:
    """Folder-style path from the site root -> the URL this build uses for it (``chapter-4.html`` offline)."""
    if directory_urls or not path.endswith("/") and path:
        return path
    folder = path.rstrip("/")
    if folder == "" or "/" not in folder and folder in PROFILES:
        return f"{folder}/index.html".lstrip("/")          # language homes
    return f"{folder}.html"


def _page_url(site: Path, html: Path, directory_urls: bool) -> str:
    rel = html.relative_to(site).as_posix()
    if directory_urls and rel.endswith("index.html"):
        return rel[: -len("index.html")]
    return rel


def post_build(site: Path, act: Act, site_url: str, offline: bool, reuse: dict | None = None) -> None:
    """Adjust every built page (see the module docstring), then split the search index."""
    edit_pages(site, act, site_url, offline, reuse)
    finish_site(site, act, site_url, offline)


def edit_pages(site: Path, act: Act, site_url: str, offline: bool, reuse: dict | None = None) -> None:
    """Each built page parsed once and edited (:func:`edit_page`); needs nothing but the pages, so the online
    site and the offline copy can be edited at the same time, in two processes. ``reuse``: the edited pages of
    the previous build of the same site (the preview's), by name and MkDocs' text: a page MkDocs wrote exactly
    as then gets the same edits again without being parsed; updated with this build's."""
    directory_urls = not offline
    prefixes = {act.prefix(lang): lang for lang in act.langs if act.prefix(lang)}
    done = {}
    for html in sorted(site.rglob("*.html")):
        name = html.relative_to(site).as_posix()
        text = html.read_text(encoding="utf-8")
        key = (name, hashlib.sha256(text.encode("utf-8")).digest()) if reuse is not None else None
        edited = reuse.get(key) if key else None
        if edited is None:
            page_url = _page_url(site, html, directory_urls)
            lang = next((code for prefix, code in prefixes.items() if page_url.startswith(prefix)), act.primary)
            page = MaterialPage(name, text, skip=NAVIGATION)
            edit_page(page, act, lang, site, page_url, site_url)
            edited = page.result()
        if key:
            done[key] = edited
        if edited != text:
            html.write_text(edited, encoding="utf-8")
    if reuse is not None:
        reuse.clear()
        reuse.update(done)


def finish_site(site: Path, act: Act, site_url: str, offline: bool) -> None:
    """After the pages' edits: the search index split per language, the 404 pages and robots.txt online, the
    iframe-worker shim offline."""
    split_index(site, act, offline=offline)
    if not offline:
        for lang in act.langs:
            _not_found(site, act.prefix(lang), site_url)
    if offline:
        if not SHIM.exists():
            raise BuildFailed(f"{SHIM}: missing; run 'npm ci' (make setup does) to install iframe-worker")
        shutil.copyfile(SHIM, site / SHIM_TARGET)
    else:
        (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n")


def _not_found(site: Path, prefix: str, site_url: str) -> None:
    """<prefix>404.html from <prefix>not-found/: served for any missing address, so its links are absolute."""
    source = site / prefix / NOT_FOUND / "index.html"
    if not source.exists():
        return
    here = urlsplit(site_url).path + prefix + NOT_FOUND

    def absolute(value: str) -> str:
        target = posixpath.normpath(posixpath.join(here, value.split("#")[0] or "."))
        if value.split("#")[0].endswith("/") or value.split("#")[0] in ("", "."):
            target = target.rstrip("/") + "/"
        return target + ("#" + value.split("#", 1)[1] if "#" in value else "")

    page = MaterialPage(f"{prefix}{NOT_FOUND}index.html", source.read_text(encoding="utf-8"))
    for tag in page.tags:
        for attr in ("href", "src"):
            value = tag.attrs.get(attr)
            if value is not None and not _SCHEME.match(value) and not value.startswith(("/", "#")):
                page.set(tag, attr, absolute(value))
    config = page.one("script", "Material's page configuration", id="__config")
    end = page.end_of(config)
    data = json.loads(page.text[config.end:end])
    for key in ("base", "search"):
        if isinstance(data.get(key), str):
            data[key] = absolute(data[key])
    page.replace(config.end, end, json.dumps(data, ensure_ascii=False, sort_keys=True))
    (site / prefix / "404.html").write_text(page.result(), encoding="utf-8")


def edit_page(page: MaterialPage, act: Act, lang: str, site: Path, page_url: str, site_url: str) -> None:
    """What Material cannot be configured to write, on one page of ``lang``: the BCP 47 tags of the page and of
    the language menu, the theme's strings in the page's language, absolute alternates with an x-default, the
    side-by-side view in the language menu, and the search index of the page's language."""
    language = PROFILES[lang]
    page.set(page.one("html", "the page's language", lang=None), "lang", language.tag)
    menu = page.one("ul", "the language menu", class_="md-select__list")
    for link in page.find("a", class_="md-select__link", hreflang=None):
        code = link.attrs["hreflang"]
        if code not in PROFILES:
            raise BuildFailed(f"{page.name}: the language menu offers {code!r}, which has no language profile")
        page.set(link, "hreflang", PROFILES[code].tag, f' lang="{PROFILES[code].tag}"')
    _headerlinks(page, language)
    _alternates(page, site, page_url, act, site_url)
    parallel = page.find("a", class_="view-parallel", href=None)
    if parallel:
        _parallel_choice(page, menu, parallel[0].attrs["href"], act, language)
    if act.prefix(lang):
        config = page.one("script", "Material's page configuration", id="__config")
        end = page.end_of(config)
        page.replace(config.end, end, _search_base(page.text[config.end:end], act.prefix(lang)))


def _headerlinks(page: MaterialPage, language) -> None:
    """The title of the heading links, which mkdocs.yml can give only once, in the page's language."""
    for tag in page.find("a", class_="headerlink"):
        if tag.attrs.get("title") != HEADERLINK:
            raise BuildFailed(f"{page.name}: a heading link (<a class=\"headerlink\">) is not titled {HEADERLINK!r} "
                              "(mkdocs.yml, toc.permalink_title); its words in each language need updating")
        page.set(tag, "title", language.words["theme_headerlink"])


def _alternates(page: MaterialPage, site: Path, page_url: str, act: Act, site_url: str) -> None:
    """Material's per-page alternates, as absolute URLs with BCP 47 tags and an x-default; none on a page
    that has no counterpart in the other languages (they would point at a different page)."""
    found = page.find("link", rel="alternate", hreflang=None)
    if not found:
        return
    links = []
    for tag in found:
        href, code = tag.attrs["href"], tag.attrs["hreflang"]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url) if not page_url.endswith("/")
                                                   else page_url, href)).lstrip("./")
        target = "" if target in (".", "") else target.rstrip("/") + "/"
        links.append((code, target))
    bare = {t.removeprefix(act.prefix(code)) for code, t in links if code in PROFILES}
    keep = len(bare) == 1 and all((site / t / "index.html").exists() for _c, t in links)
    out = []
    if keep:
        for code, target in links:
            tag = PROFILES[code].tag if code in PROFILES else code
            out.append(f'<link rel="alternate" href="{site_url}{target}" hreflang="{tag}">')
            if code == act.primary:
                out.append(f'<link rel="alternate" href="{site_url}{target}" hreflang="x-default">')
    # The first link becomes the new ones, the others go, each with the white space before it.
    for i, tag in enumerate(found):
        start = len(page.text[:tag.start].rstrip())
        page.replace(start, tag.end, "\n" + "\n".join(out) if out and i == 0 else "")


def _parallel_choice(page: MaterialPage, menu: Tag, href: str, act: Act, language) -> None:
    """On a page that links to its side-by-side view, the view as a further choice of Material's language menu:
    "English + 中文" (every language) after the languages (site.js carries the #fragment over, as for the languages)."""
    names = [f'<span lang="{PROFILES[code].tag}">{PROFILES[code].name}</span>' for code in act.langs]
    label = language.words["view_together"].join(names)
    item = (f'  <li class="md-select__item">\n            <a href="{href}" class="md-select__link" '
            f'data-view="parallel">{label}</a>\n          </li>\n        ')
    end = page.end_of(menu)
    page.replace(end, end, item)


def _search_base(config_json: str, prefix: str) -> str:
    config = json.loads(config_json)
    config["base"] = config["base"].rstrip("/") + "/" + prefix
    return json.dumps(config, ensure_ascii=False, sort_keys=True)


# Search (Material's Lunr index, Chinese segmented by jieba with \u200b between words).
CAPTION_FIELD = "caption"          # mkdocs.yml: plugins.search.fields.caption, its weight
_ARTICLE_SECTION = re.compile(r"chapter-\d+/#art_(\d+)$")
# jieba leaves 第 alone before digits or a letter (第25条, 第N条, 第3版). A lone 第 is a prefix of every article number,
# and Material's query segmentation then reduces 第二十五条 to 第, which every page matches: keep it in one word
# with the number and the counter after it.
_LONE_ORDINAL = re.compile("(?:^|(?<=\u200b))第\u200b([0-9A-Za-z]+)\u200b([\u4e00-\u9fff])")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _whole_ordinals(text: str) -> str:
    return _LONE_ORDINAL.sub("第\\1\\2", text)


def _segmented(text: str) -> str:
    """Chinese words between \u200b, as Material's search plugin writes the text it indexes (with jieba)."""
    import jieba
    jieba.setLogLevel(logging.WARNING)
    return _HAN.sub(lambda m: "\u200b" + "\u200b".join(jieba.cut(m.group(0))) + "\u200b", text).strip("\u200b")


def split_index(site: Path, act: Act, offline: bool = False) -> dict[str, int]:
    """Rewrite the merged Lunr index as one index per language, in <prefix>search/; returns their sizes.

    Each article's section also gets a ``caption`` field with its captions in every language, so that a query in
    either language finds the article (weighted in mkdocs.yml); ordinals such as 第25条 stay one word."""
    site = Path(site)
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    halves = {lang: [] for lang in act.langs}
    captions = {num: _segmented(" ".join(by_lang[code] for code in act.langs if code in by_lang))
                for num, by_lang in act.captions.items()}
    for doc in merged["docs"]:
        lang = next((code for code in act.langs if act.prefix(code) and doc["location"].startswith(act.prefix(code))),
                    act.primary)
        doc = dict(doc, location=doc["location"][len(act.prefix(lang)):])
        if "\u200b" in doc["title"] or "\u200b" in doc["text"]:
            doc.update(title=_whole_ordinals(doc["title"]), text=_whole_ordinals(doc["text"]))
        article = _ARTICLE_SECTION.match(doc["location"])
        if article and int(article.group(1)) in captions and CAPTION_FIELD in merged["config"]["fields"]:
            doc[CAPTION_FIELD] = captions[int(article.group(1))]
        halves[lang].append(doc)
    sizes = {}
    for lang, docs in halves.items():
        folder = site / act.prefix(lang) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"config": merged["config"], "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if offline:   # read from a <script> where fetch() cannot reach files
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
        sizes[lang] = len(data.encode("utf-8"))
    return sizes


# --- the offline copy, derived from the online build -------------------------------------------------------
# What Material's offline plugin changes compared with the online build (material/plugins/offline): file names
# instead of folder URLs (use_directory_urls: false), the iframe-worker shim as a polyfill, and the search index
# as a script. Rather than run MkDocs a second time, the online build is copied with exactly those changes.

_SCOPE_START = '__md_scope=new URL("'      # in Material's inline script: the site root, relative to the page


def _offline_path(rel: str) -> str:
    """chapter-4/index.html -> chapter-4.html; the homes (index.html, zh/index.html) and files stay."""
    if not rel.endswith("index.html"):
        return rel
    return site_url_for(rel[: -len("index.html")], directory_urls=False)


def _offline_url(url: str, page_dir: str, new_dir: str, pinned: str = "") -> str:
    """A relative URL of the online page in ``page_dir`` -> the same target from the offline page in ``new_dir``;
    the downloads in the folder ``pinned`` (the current version's copies) are today's."""
    path, hash_, fragment = url.partition("#")
    if not path or path.startswith("/") or re.match(r"[a-z][a-z0-9+.-]*:", path):
        return url
    target = posixpath.normpath(posixpath.join(page_dir or ".", path))
    target = "" if target == "." else target
    if pinned and target.startswith(pinned):
        target = "downloads/" + target[len(pinned):]
    if path.endswith(("/", "/.", "/..")) or path in (".", ".."):          # a page, by its folder URL
        target = site_url_for(f"{target}/" if target else "", directory_urls=False)
    return posixpath.relpath(target, new_dir or ".") + hash_ + fragment


def offline_copy(online: Path, offline: Path, act: Act, site_url: str, part: tuple[int, int] = (0, 1)) -> None:
    """The online build (before :func:`post_build`) as Material's offline plugin would have built it. ``part``
    (i, n): only every n-th file from the i-th, so that n processes can share the work (each file's copy depends
    on that file alone)."""
    online, offline = Path(online), Path(offline)
    root = urlsplit(site_url).path
    pinned = f"downloads/versions/{act.current.key}/"
    for path in sorted(p for p in online.rglob("*") if p.is_file())[part[0]::part[1]]:
        rel = path.relative_to(online).as_posix()
        if rel.startswith("sitemap.xml") or rel == "404.html":
            continue        # for search engines and a server's missing addresses: a copy on disk has neither
        new_rel = _offline_path(rel)
        target = offline / new_rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".html":
            page = MaterialPage(rel, path.read_text(encoding="utf-8"))
            page_dir, new_dir = posixpath.dirname(rel), posixpath.dirname(new_rel)
            # root-relative links (the language switch on some pages) become relative: file:// has no root
            fix = lambda u: _offline_url(posixpath.relpath(u, root + page_dir) + "/" * u.endswith("/")  # noqa: E731
                                         if u.startswith(root) and not u.startswith("//") else u, page_dir, new_dir, pinned)
            _offline_page(page, fix, page_dir, new_dir, site_url)
            target.write_text(page.result(), encoding="utf-8")
        elif rel == "search/search_index.json":
            index = json.loads(path.read_text(encoding="utf-8"))
            for doc in index["docs"]:
                doc["location"] = _offline_location(doc["location"])
            target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        else:
            shutil.copyfile(path, target)


def _offline_page(page: MaterialPage, fix, page_dir: str, new_dir: str, site_url: str) -> None:
    """One page's URLs as the offline copy needs them: every href and src (``fix``), this site's absolute URLs,
    the site root Material's inline script computes (``__md_scope``) and its page configuration; and the
    iframe-worker shim before the head's end."""
    for tag in page.tags:
        for attr, value in tag.attrs.items():
            new = fix(value) if attr in ("href", "src") else value
            if attr in ("href", "content") and new.startswith(("http://", "https://")):
                new = _offline_absolute(new, site_url)
            if new != value:
                page.set(tag, attr, new)
    for script in page.find("script"):
        if "src" in script.attrs:
            continue
        at = page.text.find(_SCOPE_START, script.end, page.end_of(script))
        if at >= 0:
            start = at + len(_SCOPE_START)
            end = page.text.index('"', start)
            page.replace(start, end, _offline_dir(page.text[start:end], page_dir, new_dir))
    config = page.one("script", "Material's page configuration", id="__config")
    end = page.end_of(config)
    page.replace(config.end, end, _offline_config(page.text[config.end:end], page_dir, new_dir, fix))
    shim = fix(posixpath.relpath(SHIM_TARGET, page_dir or "."))
    head = page.end_of(page.one("head", "the page's head"))
    page.replace(head, head, f'  <script src="{shim}"></script>\n  ')


def _offline_dir(url: str, page_dir: str, new_dir: str) -> str:
    """A folder URL relative to the page (Material's site root, ``..``) from the page's new place."""
    target = posixpath.normpath(posixpath.join(page_dir, url))
    return posixpath.relpath("." if target == "." else target, new_dir or ".")


def _offline_config(config_json: str, page_dir: str, new_dir: str, fix) -> str:
    config = json.loads(config_json)
    config["base"] = _offline_dir(config["base"], page_dir, new_dir)
    config["search"] = fix(config["search"])
    return json.dumps(config)


def _offline_absolute(url: str, site_url: str) -> str:
    if not url.startswith(site_url):
        return url
    path, hash_, fragment = url[len(site_url):].partition("#")
    return site_url + site_url_for(path, directory_urls=False) + hash_ + fragment


def _offline_location(location: str) -> str:
    path, hash_, fragment = location.partition("#")
    return site_url_for(path, directory_urls=False) + hash_ + fragment

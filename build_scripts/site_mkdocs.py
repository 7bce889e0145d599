"""The boundary to MkDocs, Material for MkDocs and mkdocs-static-i18n: the only module that knows them.

Together with ``mkdocs.yml`` and ``overrides/`` (CSS, JavaScript, no copies of
Material's templates), this is everything a move to another site generator would replace. The pages
themselves come in as plain Markdown files in docs/ (pages.py); what MkDocs makes of them is adjusted
afterwards, by :func:`post_build`, on the built HTML:

- ``site:chapter-4/#art_25`` links become relative links that suit the build (folder URLs online,
  file names in the offline copy); ``data-permalink="site:art/25/"`` becomes the absolute published URL;
- ``<html lang>`` and ``hreflang`` use each language's BCP 47 tag, alternates become absolute URLs;
- Material's single search index is split per language (Lunr's format), and each language's pages
  are pointed at their own half (the ``base`` of Material's page configuration);
- the theme's own strings that mkdocs.yml sets once (heading link, colour scheme toggle) in each page's
  language; download links marked ``data-size`` get the file's size;
- one "page not found" page per language (``404.html``, ``zh/404.html``) from the generated ``not-found`` pages;
- robots.txt, and for the offline copy the iframe-worker shim Material's offline search needs (and links to the
  current version's own downloads led to today's identical files, which the offline copy holds once).

The offline copy (downloads/regulation-site.zip) is derived from the online build by :func:`offline_copy`,
with the changes Material's offline plugin would make, instead of a second MkDocs build.
"""
from __future__ import annotations

import gzip
import json
import logging
import os
import posixpath
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .languages import PROFILES
from .model import Act
from .runlog import note
from .versions import revision_text

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"     # the offline copy's polyfill (offline_copy)
USER_DICT = ".jieba_user_dict.txt"     # in docs/; a dot-file, so MkDocs does not publish it
FREQUENCY = 100000                      # high enough that jieba keeps each word whole
WORDS_JS = "assets/words.js"            # interface strings for site.js, from the language profiles

_SITE_LINK = re.compile(r'href="site:([^"#]*)(#[^"]*)?"')
_PERMALINK = re.compile(r'data-(permalink|current|pinned)="site:([^"]*)"')
# Patterns start with literal text where they can: a leading \s* or alternation is tried at every position.
_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')
_HTML_LANG = re.compile(r'<html lang="([^"]*)"')
_SELECT_LANG = re.compile(r'(<a href="[^"]*" hreflang=")([^"]*)(" class="md-select__link")')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
# Strings mkdocs.yml gives the theme once, in English -> the language profile's word for them.
THEME_WORDS = {"Link to this heading": "theme_headerlink", "Switch to light mode": "theme_palette_auto",
               "Switch to dark mode": "theme_palette_light", "Switch to system preference": "theme_palette_dark"}
_THEME_ATTR = re.compile(r'="(' + "|".join(map(re.escape, THEME_WORDS)) + ')"')    # after title or aria-label
_SIZED = re.compile(r'<a href="site:([^"#]*)(#[^"]*)?" data-size>(.*?)</a>', re.S)
_VIEW_PARALLEL = re.compile(r'<a class="view-parallel" href="(site:[^"]*)"')
_SELECT_LIST = '<ul class="md-select__list">'
_RELATIVE_ATTR = re.compile(r'\b(href|src)="(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)"')
NOT_FOUND = "not-found/"     # the generated page each language's 404.html is made from


class BuildFailed(Exception):
    """MkDocs stopped (strict mode turns its warnings into this)."""


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

def mkdocs_build(config_file, docs_dir, site_dir, moment=None) -> str:
    """mkdocs build --strict; warnings are printed and raise BuildFailed. Returns the site URL. ``moment``
    (the build's date) becomes the sitemap's lastmod: MkDocs reads it from SOURCE_DATE_EPOCH."""
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

    note("mkdocs", site_dir)
    config = load_config(str(config_file), docs_dir=str(Path(docs_dir).resolve()),
                         site_dir=str(Path(site_dir).resolve()), strict=True)
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


def _relative(target: str, page_url: str) -> str:
    base = posixpath.dirname(page_url) if not page_url.endswith("/") else page_url.rstrip("/")
    rel = posixpath.relpath(target or ".", base or ".")
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return rel


def post_build(site: Path, act: Act, site_url: str, offline: bool) -> None:
    """Adjust every built page (see the module docstring), then split the search index."""
    directory_urls = not offline
    prefixes = {act.prefix(lang): lang for lang in act.langs if act.prefix(lang)}
    for html in sorted(site.rglob("*.html")):
        page_url = _page_url(site, html, directory_urls)
        lang = next((code for prefix, code in prefixes.items() if page_url.startswith(prefix)), act.primary)
        text = html.read_text(encoding="utf-8")
        original = text
        if offline:     # the current version's own files are today's, kept once in the offline copy
            text = text.replace(f'"site:downloads/versions/{act.current.key}/', '"site:downloads/')
        text = _parallel_choice(text, act, lang, page_url)
        text = _SIZED.sub(lambda m: _sized_link(site, lang, m), text)
        text = _SITE_LINK.sub(lambda m: 'href="{}{}"'.format(
            _relative(site_url_for(m.group(1), directory_urls), page_url), m.group(2) or ""), text)
        text = _PERMALINK.sub(lambda m: f'data-{m.group(1)}="{site_url}{m.group(2)}"', text)
        text = _HTML_LANG.sub(f'<html lang="{PROFILES[lang].tag}"', text, count=1)
        text = _SELECT_LANG.sub(lambda m: m.group(1) + PROFILES[m.group(2)].tag + '" lang="'
                                + PROFILES[m.group(2)].tag + m.group(3) if m.group(2) in PROFILES else m.group(0), text)
        text = _THEME_ATTR.sub(lambda m: _theme_word(m, lang), text)
        text = _alternates(text, site, page_url, act, site_url)
        if act.prefix(lang):
            text = _CONFIG.sub(lambda m: m.group(1) + _search_base(m.group(2), act.prefix(lang)) + m.group(3), text,
                               count=1)
        if text != original:
            html.write_text(text, encoding="utf-8")
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
        _prune_sitemap(site, site_url, act)


_URL_ENTRY = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)


_SITEMAP_ALTERNATE = re.compile(r'<xhtml:link rel="alternate" hreflang="([^"]*)" href="([^"]*)"/>')


def _prune_sitemap(site: Path, site_url: str, act: Act) -> None:
    """The sitemap without the versions' own copies of pages (``noindex``: today's pages hold the text), with
    the same hreflang tags as the pages (BCP 47, and x-default for the primary language)."""
    path = site / "sitemap.xml"
    if not path.exists():
        return
    pinned = re.compile(re.escape(site_url) + r"(?:[a-z-]+/)?versions/[^/]+/")

    def alternate(m):
        code, href = m.groups()
        if code not in PROFILES:
            return m.group(0)
        link = f'<xhtml:link rel="alternate" hreflang="{PROFILES[code].tag}" href="{href}"/>'
        if code == act.primary:
            link += f'\n        <xhtml:link rel="alternate" hreflang="x-default" href="{href}"/>'
        return link
    text = _URL_ENTRY.sub(lambda m: "" if pinned.match(m.group(1)) else m.group(0), path.read_text(encoding="utf-8"))
    text = _SITEMAP_ALTERNATE.sub(alternate, text)
    path.write_text(text, encoding="utf-8")
    with open(site / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as out:
        out.write(text.encode("utf-8"))


def file_size(lang: str, size: int) -> str:
    """154 KB / 2.7 MB, as the language writes it."""
    if size >= 1024 * 1024:
        return PROFILES[lang].w("megabytes", n=f"{size / 1024 / 1024:.1f}")
    return PROFILES[lang].w("kilobytes", n=max(1, round(size / 1024)))


def _sized_link(site: Path, lang: str, m) -> str:
    """A download link with the file's size after its text (the files exist only after the build)."""
    path = site / m.group(1)
    text = m.group(3)
    if path.is_file():
        text = PROFILES[lang].w("file_size", text=text, size=file_size(lang, path.stat().st_size))
    return f'<a href="site:{m.group(1)}{m.group(2) or ""}">{text}</a>'


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

    text = source.read_text(encoding="utf-8")
    text = _RELATIVE_ATTR.sub(lambda m: f'{m.group(1)}="{absolute(m.group(2))}"', text)

    def config(m):
        data = json.loads(m.group(2))
        for key in ("base", "search"):
            if isinstance(data.get(key), str):
                data[key] = absolute(data[key])
        return m.group(1) + json.dumps(data, ensure_ascii=False, sort_keys=True) + m.group(3)
    text = _CONFIG.sub(config, text, count=1)
    (site / prefix / "404.html").write_text(text, encoding="utf-8")


def _alternates(text: str, site: Path, page_url: str, act: Act, site_url: str) -> str:
    """Material's per-page alternates, as absolute URLs with BCP 47 tags and an x-default; none on a page
    that has no counterpart in the other languages (they would point at a different page)."""
    found = _ALTERNATE.findall(text)
    if not found:
        return text
    links = []
    for href, code in found:
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
    pieces, end = [], 0
    for i, m in enumerate(_ALTERNATE.finditer(text)):
        pieces.append(text[end:m.start()].rstrip())
        if out and i == 0:
            pieces.append("\n" + "\n".join(out))
        end = m.end()
    return "".join(pieces) + text[end:]


def _parallel_choice(text: str, act: Act, lang: str, page_url: str) -> str:
    """On a page that links to its side-by-side view, the view as a third choice of Material's language menu:
    "English + 中文" after the languages (site.js carries the #fragment over, as for the languages)."""
    link = _VIEW_PARALLEL.search(text)
    if not link:
        return text
    start = text.find(_SELECT_LIST)
    end = text.find("</ul>", start)
    if start < 0 or end < 0:
        raise BuildFailed(f"{page_url}: Material's language menu ({_SELECT_LIST}) is missing; "
                          "the side-by-side view cannot be offered there")
    first, second = (f'<span lang="{PROFILES[code].tag}">{PROFILES[code].name}</span>' for code in act.langs[:2])
    label = PROFILES[lang].w("view_both", first=first, second=second)
    item = (f'  <li class="md-select__item">\n            <a href="{link.group(1)}" class="md-select__link" '
            f'data-view="parallel">{label}</a>\n          </li>\n        ')
    return text[:end] + item + text[end:]


def _theme_word(m, lang: str) -> str:
    """A theme string in a title or aria-label attribute, in the page's language."""
    if not m.string.endswith(("title", "aria-label"), 0, m.start()):
        return m.group(0)
    return f'="{PROFILES[lang].words[THEME_WORDS[m.group(1)]]}"'


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

_URL_ATTR = re.compile(r'((?:href|src)=")([^"]*)(")')
_SCOPE = re.compile(r'(__md_scope=new URL\(")([^"]*)("\s*,\s*location\))')
_ABSOLUTE = re.compile(r'((?:href|content)=")(https?://[^"]*)(")')
_LOC = re.compile(r"(<loc>)([^<]*)(</loc>)")


def _offline_path(rel: str) -> str:
    """chapter-4/index.html -> chapter-4.html; the homes (index.html, zh/index.html) and files stay."""
    if not rel.endswith("index.html"):
        return rel
    return site_url_for(rel[: -len("index.html")], directory_urls=False)


def _offline_url(url: str, page_dir: str, new_dir: str) -> str:
    """A relative URL of the online page in ``page_dir`` -> the same target from the offline page in ``new_dir``."""
    path, hash_, fragment = url.partition("#")
    if not path or path.startswith("/") or re.match(r"[a-z][a-z0-9+.-]*:", path):
        return url
    target = posixpath.normpath(posixpath.join(page_dir or ".", path))
    target = "" if target == "." else target
    if path.endswith(("/", "/.", "/..")) or path in (".", ".."):          # a page, by its folder URL
        target = site_url_for(f"{target}/" if target else "", directory_urls=False)
    return posixpath.relpath(target, new_dir or ".") + hash_ + fragment


def offline_copy(online: Path, offline: Path, act: Act, site_url: str) -> None:
    """The online build (before :func:`post_build`) as Material's offline plugin would have built it."""
    online, offline = Path(online), Path(offline)
    root = urlsplit(site_url).path
    for path in sorted(online.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(online).as_posix()
        new_rel = _offline_path(rel)
        target = offline / new_rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            page_dir, new_dir = posixpath.dirname(rel), posixpath.dirname(new_rel)
            if rel == "404.html":      # served at any depth, so MkDocs writes its URLs from the server root
                fix = lambda u: root + _offline_url(u[len(root):], "", "") if u.startswith(root) else u  # noqa: E731
                page_dir = new_dir = None
            else:      # root-relative links (the language switch on some pages) become relative: file:// has no root
                fix = lambda u: _offline_url(posixpath.relpath(u, root + (page_dir or "")) + "/" * u.endswith("/")  # noqa: E731
                                             if u.startswith(root) and not u.startswith("//") else u, page_dir, new_dir)
            text = _URL_ATTR.sub(lambda m: m.group(1) + fix(m.group(2)) + m.group(3), text)
            if page_dir is not None:
                text = _SCOPE.sub(lambda m: m.group(1) + _offline_dir(m.group(2), page_dir, new_dir) + m.group(3), text)
            text = _CONFIG.sub(lambda m: m.group(1) + _offline_config(m.group(2), page_dir, new_dir, fix)
                               + m.group(3), text, count=1)
            text = _ABSOLUTE.sub(lambda m: m.group(1) + _offline_absolute(m.group(2), site_url) + m.group(3), text)
            shim = fix(posixpath.relpath(SHIM_TARGET, page_dir or "."))
            text = text.replace("</head>", f'  <script src="{shim}"></script>\n  </head>', 1)
            target.write_text(text, encoding="utf-8")
        elif rel == "search/search_index.json":
            index = json.loads(path.read_text(encoding="utf-8"))
            for doc in index["docs"]:
                doc["location"] = _offline_location(doc["location"])
            target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        elif rel == "sitemap.xml":
            text = _LOC.sub(lambda m: m.group(1) + _offline_absolute(m.group(2), site_url) + m.group(3),
                            path.read_text(encoding="utf-8"))
            text = _ABSOLUTE.sub(lambda m: m.group(1) + _offline_absolute(m.group(2), site_url) + m.group(3), text)
            target.write_text(text, encoding="utf-8")
            with open(offline / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as out:
                out.write(text.encode("utf-8"))
        elif rel == "sitemap.xml.gz":
            continue        # written with sitemap.xml
        else:
            shutil.copyfile(path, target)


def _offline_dir(url: str, page_dir: str, new_dir: str) -> str:
    """A folder URL relative to the page (Material's site root, ``..``) from the page's new place."""
    target = posixpath.normpath(posixpath.join(page_dir, url))
    return posixpath.relpath("." if target == "." else target, new_dir or ".")


def _offline_config(config_json: str, page_dir: str, new_dir: str, fix) -> str:
    config = json.loads(config_json)
    if page_dir is not None:
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

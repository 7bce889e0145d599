"""Citations that reference managers read: CSL-JSON (type ``legislation``), BibTeX (biblatex's ``@legislation``)
and RIS (``STAT``), for the act and for each article, in each language.

One item per language and text: the act, and every article. Each names the act (and the article) in that
language's citation format, the adopting body as author, the adoption date, the version (when it took effect)
and the status of the text with the translation revision; its address is the page pinned to the version, which
never changes. ``write_citations`` puts the files of one version into ``<folder>/cite/``:
``regulation-<lang>.{json,bib,ris}`` (the act and all its articles) and ``<lang>/art-<n>.{json,bib,ris}``
(one article); ``regulation.json`` carries the same CSL items.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .languages import PROFILES
from .model import Act
from .versions import revision_text

FOLDER = "cite"
FORMATS = ("json", "bib", "ris")       # CSL-JSON, BibTeX, RIS
KEY = "imar-border-areas-{year}"       # the act's citation key; articles and languages are appended


def _key(act: Act, lang: str, article: int | None) -> str:
    key = f"{KEY.format(year=act.meta.adopted.year)}-{lang}"
    return f"{key}-art{article}" if article else key


def _pinned(act: Act, lang: str, article: int | None, site_url: str | None) -> str | None:
    if site_url is None:
        return None
    path = f"{act.prefix(lang)}versions/{act.shown.key}/" + (f"art/{article}/" if article else "")
    return site_url + path


def csl_item(act: Act, lang: str, article: int | None = None, site_url: str | None = None) -> dict:
    """One CSL-JSON item: the act (``article`` None) or one of its articles, in ``lang``."""
    language, meta = PROFILES[lang], act.meta
    version = meta.languages[lang]
    title = meta.title[lang]
    adopted = meta.adopted
    item = {
        "id": _key(act, lang, article), "type": "legislation",
        "title": language.citation(title, article) if article else title,
        "title-short": language.paragraph_ref(article) if article else meta.short_title[lang],
        "author": [{"literal": meta.adopting_body[lang]}],
        "authority": meta.adopting_body[lang],
        "jurisdiction": language.words["ld_jurisdiction"],
        "genre": language.words["ld_type"],
        "issued": {"date-parts": [[adopted.year, adopted.month, adopted.day]]},
        "version": language.w("pinned_label", effective=language.date(act.shown.effective)),
        "language": language.tag,
        # What a copied citation says about the text (its status, revision and dates).
        "note": language.w("cite_details", status=version.label[lang], revision=revision_text(act, lang),
                           adopted=language.date(adopted), effective=language.date(meta.effective)),
    }
    if article:
        item["section"] = language.article_label(article)
        item["chapter-number"] = str(act.text(lang).chapter_of(article).num)
    url = _pinned(act, lang, article, site_url)
    if url:
        item["URL"] = url
    return item


def csl_items(act: Act, lang: str, site_url: str | None = None) -> list[dict]:
    """The act and then every article, in ``lang``."""
    return [csl_item(act, lang, None, site_url)] + [csl_item(act, lang, a.num, site_url)
                                                     for a in act.text(lang).articles()]


# --- BibTeX --------------------------------------------------------------------------------------------

_TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
        "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_TEX_CHARS = re.compile("[" + re.escape("".join(_TEX)) + "]")


def tex(text: str) -> str:
    """Text safe inside a braced BibTeX field."""
    return _TEX_CHARS.sub(lambda m: _TEX[m.group(0)], text)


def bibtex(items: list[dict]) -> str:
    """biblatex ``@legislation`` entries (a type that biblatex reads as ``@misc`` in its standard styles)."""
    out = []
    for item in items:
        year, month, day = item["issued"]["date-parts"][0]
        fields = [("title", "{" + tex(item["title"]) + "}"),          # double braces keep its capitals
                  ("author", "{" + tex(item["author"][0]["literal"]) + "}"),
                  ("date", f"{year:04d}-{month:02d}-{day:02d}"), ("year", str(year)),
                  ("version", tex(item["version"])), ("type", tex(item["genre"])),
                  ("location", tex(item["jurisdiction"])), ("language", item["language"]),
                  ("note", tex(item["note"]))]
        if "section" in item:
            fields.append(("chapter", tex(item["section"])))
        if "URL" in item:
            fields.append(("url", item["URL"]))
        out.append(f"@legislation{{{item['id']},\n" + ",\n".join(f"  {k} = {{{v}}}" for k, v in fields) + "\n}\n")
    return "\n".join(out)


# --- RIS -----------------------------------------------------------------------------------------------

def ris(items: list[dict]) -> str:
    """RIS records of type STAT (statute), one per item."""
    out = []
    for item in items:
        year, month, day = item["issued"]["date-parts"][0]
        lines = [("TY", "STAT"), ("ID", item["id"]), ("TI", item["title"]), ("AU", item["author"][0]["literal"]),
                 ("PY", str(year)), ("DA", f"{year:04d}/{month:02d}/{day:02d}/"), ("ET", item["version"]),
                 ("CY", item["jurisdiction"]), ("LA", item["language"]), ("N1", item["note"])]
        if "section" in item:
            lines.append(("SE", item["section"]))
        if "URL" in item:
            lines.append(("UR", item["URL"]))
        out.append("".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines) + "ER  - \n")
    return "\n".join(out)


def _csl_json(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


RENDER = {"json": _csl_json, "bib": bibtex, "ris": ris}


def file_name(lang: str, fmt: str, article: int | None = None) -> str:
    """Path of a citation file inside a version's downloads folder."""
    return f"{FOLDER}/{lang}/art-{article}.{fmt}" if article else f"{FOLDER}/regulation-{lang}.{fmt}"


def write_citations(act: Act, folder, site_url: str) -> list[Path]:
    """Every citation file of the version ``act`` shows, under ``folder``/cite/; returns the paths written."""
    written = []
    for lang in act.langs:
        items = csl_items(act, lang, site_url)
        for fmt in FORMATS:
            files = {file_name(lang, fmt): items}
            files.update({file_name(lang, fmt, item_num): [item] for item_num, item in
                          zip((a.num for a in act.text(lang).articles()), items[1:])})
            for name, chosen in files.items():
                path = Path(folder) / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(RENDER[fmt](chosen), encoding="utf-8")
                written.append(path)
    return written


def links(to, lang: str, folder: str, article: int | None = None) -> list[dict]:
    """Links to the citation files of ``article`` (or the act) for a page in ``lang``, made final by ``to`` (the
    page's Links); ``folder`` is where this version's downloads are (pages.downloads_folder)."""
    labels = {"json": "CSL-JSON", "bib": "BibTeX", "ris": "RIS"}
    return [{"href": to.to(f"{folder}{file_name(lang, fmt, article)}"), "text": labels[fmt], "format": fmt}
            for fmt in FORMATS]

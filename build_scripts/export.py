"""Model -> data: the JSON download, Akoma Ntoso 3.0 XML per language, and JSON -> model again.

    python -m build_scripts.export --source source --out DIR

writes DIR/regulation.json (schemas/regulation.schema.json describes it), DIR/regulation-en.akn.xml and
DIR/regulation-zh.akn.xml. The XML eIds are the site's anchors (chp_4, art_25, art_25__para_2, ...).
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from . import labels
from .glossary import find
from .model import Article, Chapter, Paragraph, Point, Regulation, article_id, chapter_id, paragraph_id
from .numerals import to_chinese
from .parse import GRAMMARS
from .source import build_moment

FORMAT_VERSION = 1
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN_PLACE = "cn-nm"                      # ISO 3166-2 code of Inner Mongolia, as AKN URIs spell it
AKN_NUMBER = "border-areas-development"  # the work's short name in its URI
AKN_LANG = {"en": "eng", "zh": "zho"}    # ISO 639-2 codes, as AKN expression URIs use
JSON_NAME = "regulation.json"


def akn_name(lang: str) -> str:
    return f"regulation-{lang}.akn.xml"


def work_uri(meta) -> str:
    return f"/akn/{AKN_PLACE}/act/{meta.adopted.isoformat()}/{AKN_NUMBER}"


def expression_uri(meta, lang: str) -> str:
    return f"{work_uri(meta)}/{AKN_LANG[lang]}@{meta.adopted.isoformat()}"


# --- JSON ---------------------------------------------------------------------------------------

def regulation_json(reg, occurrences=None) -> dict:
    """One language version as plain data (``check --json``). Given ``occurrences`` (from glossary.find),
    every paragraph and item also lists the glossary terms found in its text."""
    by_target: dict[str, list] = {}
    for o in occurrences or ():
        by_target.setdefault(o.target, []).append({"entry": o.entry, "start": o.start, "end": o.end, "text": o.text})

    def node(n, **children):
        out = {"id": n.id, "num": n.num, "text": n.text, "line": n.line, **children}
        if occurrences is not None:
            out["occurrences"] = by_target.get(n.id, [])
        return out

    return {
        "lang": reg.lang,
        "file": reg.path,
        "title": reg.title,
        "adoption": reg.adoption,
        "chapters": [{
            "id": c.id, "num": c.num, "title": c.title, "line": c.line,
            "articles": [{
                "id": a.id, "num": a.num, "line": a.line,
                "paragraphs": [node(p, points=[node(i) for i in p.points]) for p in a.paragraphs],
            } for a in c.articles],
        } for c in reg.chapters],
    }


def _note_target(note) -> str:
    if note.article is not None:
        return paragraph_id(note.article, note.paragraph) if note.paragraph else article_id(note.article)
    return chapter_id(note.chapter)


def export_json(act) -> dict:
    """Both language versions with their metadata and glossary occurrences, plus the glossary itself."""
    meta = act.meta
    texts = {}
    for lang, reg in act.texts.items():
        version = meta.versions[lang]
        data = regulation_json(reg, find(act.glossary, reg) if act.glossary else ())
        chapters = data.pop("chapters")
        texts[lang] = {**data, "file": version.file, "status": version.status, "status_label": version.label,
                       "notice": version.notice, "chapters": chapters}
    return {
        "format_version": FORMAT_VERSION,
        "work": work_uri(meta),
        "title": meta.title,
        "adopting_body": meta.adopting_body,
        "adopted": meta.adopted.isoformat(),
        "effective": meta.effective.isoformat(),
        "texts": texts,
        "corrections": [{"lang": c.lang, "target": paragraph_id(c.article, c.paragraph), "from": c.old, "to": c.new,
                         "reason": c.reason} for c in meta.corrections],
        "notes": [{"lang": n.lang, "target": _note_target(n), "text": n.text} for n in meta.notes],
        "glossary": [{"id": e.id, "group": e.group, "name": e.name, "definition": e.definition}
                     for e in (act.glossary.entries if act.glossary else ())],
    }


def act_from_json(data: dict, source_dir="source") -> dict[str, Regulation]:
    """The model again, one Regulation per language, from export_json's output (paths under ``source_dir``)."""
    def regulation(lang, t):
        return Regulation(lang=lang, path=str(Path(source_dir) / t["file"]), title=t["title"], adoption=t["adoption"],
                          chapters=tuple(chapter(c) for c in t["chapters"]))

    def chapter(c):
        return Chapter(num=c["num"], title=c["title"], line=c["line"], articles=tuple(
            Article(num=a["num"], line=a["line"], paragraphs=tuple(paragraph(a["num"], p) for p in a["paragraphs"]))
            for a in c["articles"]))

    def paragraph(article, p):
        return Paragraph(article=article, num=p["num"], text=p["text"], line=p["line"], points=tuple(
            Point(article=article, paragraph=p["num"], num=i["num"], text=i["text"], line=i["line"])
            for i in p["points"]))

    return {lang: regulation(lang, t) for lang, t in data["texts"].items()}


# --- Akoma Ntoso 3.0 ----------------------------------------------------------------------------

def paragraph_num(lang: str, num: int) -> str:
    return f"({num})" if lang == "en" else f"第{to_chinese(num)}款"


def akn_xml(act, lang: str, generated: datetime.date | None = None) -> bytes:
    """One language version as an Akoma Ntoso 3.0 <act> document (UTF-8 bytes)."""
    from lxml import etree
    from lxml.builder import ElementMaker

    E = ElementMaker(namespace=AKN_NS, nsmap={None: AKN_NS})
    meta, reg, version = act.meta, act.texts[lang], act.meta.versions[lang]
    work, expr = work_uri(meta), expression_uri(meta, lang)
    generated = generated or build_moment(act).date()

    def frbr(level, this, uri, date, author, *properties):
        return E(level, E.FRBRthis(value=this), E.FRBRuri(value=uri),
                 E.FRBRdate(date=date.isoformat(), name="Generation"), E.FRBRauthor(href=author), *properties)

    def paragraph(p):
        if not p.points:
            return E.paragraph(E.num(paragraph_num(lang, p.num)), E.content(E.p(p.text)), eId=p.id)
        return E.paragraph(E.num(paragraph_num(lang, p.num)), E.intro(E.p(p.text)),
                           *(E.point(E.num(GRAMMARS[lang].point_label(i.num)), E.content(E.p(i.text)), eId=i.id)
                             for i in p.points), eId=p.id)

    doc = E.akomaNtoso(E.act(
        E.meta(
            E.identification(
                frbr("FRBRWork", f"{work}/!main", work, meta.adopted, "#author",
                     E.FRBRcountry(value=AKN_PLACE), E.FRBRnumber(value=AKN_NUMBER),
                     E.FRBRname(value=meta.title["zh"]), E.FRBRprescriptive(value="true")),
                frbr("FRBRExpression", f"{expr}/!main", expr, meta.adopted, "#author",
                     E.FRBRauthoritative(value="true" if version.status == "official" else "false"),
                     E.FRBRlanguage(language=AKN_LANG[lang])),
                frbr("FRBRManifestation", f"{expr}/!main.xml", f"{expr}.akn", generated, "#publisher",
                     E.FRBRformat(value="application/akn+xml")),
                source="#publisher"),
            E.lifecycle(E.eventRef(eId="e_adopted", date=meta.adopted.isoformat(), source="#original",
                                   type="generation"),
                        E.eventRef(eId="e_effective", date=meta.effective.isoformat(), source="#original"),
                        source="#publisher"),
            E.temporalData(E.temporalGroup(E.timeInterval(start="#e_effective", refersTo="#inforce"),
                                           eId="period_1"), source="#publisher"),
            E.references(
                E.original(eId="original", href=expression_uri(meta, "zh"), showAs=meta.title["zh"]),
                E.TLCOrganization(eId="author", href=f"/ontology/organization/{AKN_PLACE}/standing-committee",
                                  showAs=meta.adopting_body[lang]),
                E.TLCOrganization(eId="publisher", href="/ontology/organization/border-regulations-site",
                                  showAs="Editors of this website" if lang == "en" else "本网站编辑"),
                E.TLCConcept(eId="inforce", href="/ontology/concept/inforce",
                             showAs="In force" if lang == "en" else "施行"),
                source="#publisher"),
        ),
        E.preface(E.longTitle(E.p(reg.title)), E.p(reg.adoption, {"class": "adoption"})),
        E.body(*(E.chapter(
            E.num(labels.chapter_label(lang, c.num)), E.heading(c.title),
            *(E.article(E.num(labels.article_label(lang, a.num)), *(paragraph(p) for p in a.paragraphs), eId=a.id)
              for a in c.articles),
            eId=c.id) for c in reg.chapters)),
        name="act"))
    return etree.tostring(doc, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --- Files and command line ---------------------------------------------------------------------

def write_exports(act, out_dir) -> list[Path]:
    """regulation.json and regulation-<lang>.akn.xml into ``out_dir``; returns the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / JSON_NAME
    path.write_text(json.dumps(export_json(act), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written = [path]
    for lang in act.texts:
        path = out_dir / akn_name(lang)
        path.write_bytes(akn_xml(act, lang))
        written.append(path)
    return written


def main(argv=None) -> int:
    from .source import load_act_or_exit

    parser = argparse.ArgumentParser(prog="python -m build_scripts.export", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", default="source")
    parser.add_argument("--out", required=True, help="folder to write the files into")
    args = parser.parse_args(argv)
    act = load_act_or_exit(args.source)
    for path in write_exports(act, args.out):
        print(f"{path}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Model -> data: the JSON download, Akoma Ntoso 3.0 XML per language, and JSON -> model again.

``python -m build_scripts export --out DIR`` writes DIR/regulation.json (schemas/regulation.schema.json describes it), DIR/regulation-en.akn.xml and
DIR/regulation-zh.akn.xml. The XML eIds are the site's anchors (chp_4, art_25, art_25__para_2, ...).
"""
from __future__ import annotations

import datetime
import json
from pathlib import Path

from .languages import PROFILES
from .model import Act, split_at_notes, Article, Chapter, Paragraph, Point, Regulation, article_id, chapter_id, paragraph_id
from .versions import currency, until

FORMAT_VERSION = 1
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN_PLACE = "cn-nm"                      # ISO 3166-2 code of Inner Mongolia, as AKN URIs spell it
AKN_NUMBER = "border-areas-development"  # the work's short name in its URI
JSON_NAME = "regulation.json"


def akn_name(lang: str) -> str:
    return f"regulation-{lang}.akn.xml"


def work_uri(meta) -> str:
    return f"/akn/{AKN_PLACE}/act/{meta.adopted.isoformat()}/{AKN_NUMBER}"


def expression_uri(meta, lang: str, version=None) -> str:
    """The expression of a language in a version, dated by when that version took effect (the current one's
    when no version is given)."""
    return f"{work_uri(meta)}/{PROFILES[lang].akn}@{(version or meta.versions[-1]).key}"


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


def export_json(act: Act, site_url: str | None = None) -> dict:
    """Every language version with its metadata, glossary occurrences, captions and notes, plus the glossary and
    the citations of the act and its articles (CSL-JSON; with their addresses when ``site_url`` is known)."""
    from .citations import csl_items
    meta = act.meta
    texts = {}
    for lang, reg in act.texts.items():
        version = meta.languages[lang]
        data = regulation_json(reg, act.occurrences.get(lang, ()) if act.glossary else ())
        chapters = data.pop("chapters")
        for chapter in chapters:
            for article in chapter["articles"]:
                caption = act.captions.get(article["num"], {}).get(lang)
                if caption:
                    article["caption"] = caption
        texts[lang] = {**data, "file": version.file, "status": version.status, "status_label": version.label,
                       "notice": version.notice, "chapters": chapters}
        if version.short:
            texts[lang]["status_short"] = version.short
    return {
        "format_version": FORMAT_VERSION,
        "work": work_uri(meta),
        "title": meta.title,
        "adopting_body": meta.adopting_body,
        "adopted": meta.adopted.isoformat(),
        "effective": meta.effective.isoformat(),
        "version": _version_json(act, act.shown),
        "versions": [_version_json(act, v) for v in meta.versions],
        "texts": texts,
        "revision": meta.revision.number,
        "revisions": [{"number": r.number, "date": r.date.isoformat(), "changes": list(r.changes)}
                      for r in meta.revisions],
        "provenance": {key: {"text": p.text, "links": [{"title": link.title, "url": link.url} for link in p.links]}
                       for key, p in meta.provenance.items()},
        "corrections": [{"lang": c.lang, "target": paragraph_id(c.article, c.paragraph), "from": c.old, "to": c.new,
                         "reason": c.reason} for c in meta.corrections if c.version == act.shown.key],
        "observations": [{"lang": n.lang, "target": _note_target(n), "text": n.text} for n in meta.observations],
        "notes": [{"id": n.id, "lang": n.lang, "num": n.num, "target": n.target, "phrase": n.phrase, "text": n.text}
                  for n in act.notes],
        "glossary": [{"id": e.id, "group": e.group, "name": e.name, "definition": e.definition}
                     for e in (act.glossary.entries if act.glossary else ())],
        "citations": {lang: csl_items(act, lang, site_url) for lang in act.langs},
    }


def _version_json(act: Act, version) -> dict:
    last = until(act, version)
    out = {"effective": version.key, "adopted": version.adopted.isoformat(), "instrument": version.instrument,
           "current": version == act.current, "until": last.isoformat() if last else None,
           "statement": {lang: currency(act.at(version), lang) for lang in act.langs}}
    if version == act.current:
        out["checked"] = act.meta.checked.isoformat()
    return out


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

def akn_xml(act: Act, lang: str, generated: datetime.date) -> bytes:
    """One language version as an Akoma Ntoso 3.0 <act> document (UTF-8 bytes)."""
    from lxml import etree
    from lxml.builder import ElementMaker

    E = ElementMaker(namespace=AKN_NS, nsmap={None: AKN_NS})
    meta, reg, version = act.meta, act.texts[lang], act.meta.languages[lang]
    work, expr = work_uri(meta), expression_uri(meta, lang, act.shown)
    shown = meta.versions[:meta.versions.index(act.shown) + 1]     # this version and those before it
    language = PROFILES[lang]
    notes = act.notes_for(lang)
    original = act.primary if act.meta.languages[act.primary].status == "official" else next(
        (code for code, v in act.meta.languages.items() if v.status == "official"), lang)

    def frbr(level, this, uri, date, author, *properties, name="Generation"):
        return E(level, E.FRBRthis(value=this), E.FRBRuri(value=uri),
                 E.FRBRdate(date=date.isoformat(), name=name), E.FRBRauthor(href=author), *properties)

    def text_with_notes(place, text):
        """The text, with a noteRef after each note's phrase (or at the end)."""
        out = []
        for piece, note in split_at_notes(text, act.notes_at(lang, place)):
            out.append(piece)
            if note:
                out.append(E.noteRef(href=f"#{note.id}", marker=str(note.num), placement="bottom"))
        return out

    def paragraph(p):
        if not p.points:
            return E.paragraph(E.num(language.paragraph_num(p.num)), E.content(E.p(*text_with_notes(p.id, p.text))),
                               eId=p.id)
        return E.paragraph(E.num(language.paragraph_num(p.num)), E.intro(E.p(*text_with_notes(p.id, p.text))),
                           *(E.point(E.num(language.point_label(i.num)), E.content(E.p(i.text)), eId=i.id)
                             for i in p.points), eId=p.id)

    def heading(target_id, text):
        return E.heading(*text_with_notes(target_id, text))

    editorial = [E.notes(*(E.note(E.p(n.text), eId=n.id, marker=str(n.num), placement="bottom") for n in notes),
                         source="#publisher")] if notes else []

    doc = E.akomaNtoso(E.act(
        E.meta(
            E.identification(
                frbr("FRBRWork", f"{work}/!main", work, meta.adopted, "#author",
                     E.FRBRcountry(value=AKN_PLACE), E.FRBRnumber(value=AKN_NUMBER),
                     E.FRBRname(value=meta.title[original]), E.FRBRprescriptive(value="true")),
                frbr("FRBRExpression", f"{expr}/!main", expr, act.shown.effective, "#author",
                     E.FRBRauthoritative(value="true" if version.status == "official" else "false"),
                     E.FRBRlanguage(language=PROFILES[lang].akn), name="effective"),
                frbr("FRBRManifestation", f"{expr}/!main.xml", f"{expr}.akn", generated, "#publisher",
                     E.FRBRformat(value="application/akn+xml")),
                source="#publisher"),
            E.lifecycle(E.eventRef(eId="e_adopted", date=meta.adopted.isoformat(), source="#original",
                                   type="generation"),
                        *(E.eventRef(eId=f"e_amended_{i}", date=v.adopted.isoformat(), source=f"#amendment_{i}",
                                     type="amendment") for i, v in enumerate(shown[1:], 1)),
                        E.eventRef(eId="e_effective", date=act.shown.effective.isoformat(),
                                   source=f"#amendment_{len(shown) - 1}" if len(shown) > 1 else "#original"),
                        source="#publisher"),
            E.temporalData(E.temporalGroup(E.timeInterval(start="#e_effective", refersTo="#inforce"),
                                           eId="period_1"), source="#publisher"),
            E.references(
                E.original(eId="original", href=expression_uri(meta, original, meta.versions[0]),
                           showAs=meta.title[original]),
                *(E.passiveRef(eId=f"amendment_{i}", href=f"{work}/amendment/{v.key}", showAs=v.instrument[lang])
                  for i, v in enumerate(shown[1:], 1)),
                E.TLCOrganization(eId="author", href=f"/ontology/organization/{AKN_PLACE}/standing-committee",
                                  showAs=meta.adopting_body[lang]),
                E.TLCOrganization(eId="publisher", href="/ontology/organization/border-regulations-site",
                                  showAs=language.words["publisher"]),
                E.TLCConcept(eId="inforce", href="/ontology/concept/inforce", showAs=language.words["in_force"]),
                source="#publisher"),
            *editorial,
        ),
        E.preface(E.longTitle(E.p(reg.title)), E.p(reg.adoption, {"class": "adoption"}),
                  E.p(currency(act, lang), {"class": "currency"})),
        E.body(*(E.chapter(
            E.num(language.chapter_label(c.num)), heading(c.id, c.title),
            *(E.article(E.num(language.article_label(a.num)), *(paragraph(p) for p in a.paragraphs), eId=a.id)
              for a in c.articles),
            eId=c.id) for c in reg.chapters)),
        name="act"))
    return etree.tostring(doc, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --- Files and command line ---------------------------------------------------------------------

def write_exports(act: Act, out_dir, moment: datetime.datetime, site_url: str | None = None) -> list[Path]:
    """regulation.json and regulation-<lang>.akn.xml into ``out_dir``; returns the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / JSON_NAME
    path.write_text(json.dumps(export_json(act, site_url), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written = [path]
    for lang in act.texts:
        path = out_dir / akn_name(lang)
        path.write_bytes(akn_xml(act, lang, moment.date()))
        written.append(path)
    return written

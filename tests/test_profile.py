"""A new interface language needs no code changes: a toy third profile (tests/toy_profile/toy.py) plus
its data in a copy of an act's source is enough for every page, the PDF HTML, the exports and the site's words.
The act is the small one (tests/small_source/): every kind of page and source file, and of glossary fact, note
and correction, for five articles; the real act would only give the same pages more often."""
from __future__ import annotations

import datetime
import json
import re
import shutil
import sys

import pytest
import yaml

from conftest import SMALL_SOURCE, copy_source

sys.path.insert(0, str(SMALL_SOURCE.parent / "toy_profile"))
from toy import CODE, TOY, toy_text  # noqa: E402

from build_scripts import languages  # noqa: E402


def _add_toy(value):
    """Every {en: …, zh: …} mapping in the YAML gets the toy language too (the English text, marked)."""
    if isinstance(value, dict):
        value = {k: _add_toy(v) for k, v in value.items()}
        if "en" in value and "zh" in value and isinstance(value["en"], str):
            value[CODE] = f"⟨{value['en']}⟩"
        if "match_en" in value:
            value[f"match_{CODE}"] = value["match_en"]
        return value
    if isinstance(value, list):
        return [_add_toy(v) for v in value]
    return value


def _rewrite_yaml(path, change):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    path.write_text(yaml.dump(change(data), Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                              sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def toy_act(tmp_path_factory):
    """The small act with a third language, registered only for these tests."""
    languages.register(TOY)
    try:
        source = copy_source(tmp_path_factory.mktemp("toy"), SMALL_SOURCE)
        (source / f"regulation.{CODE}.txt").write_text(toy_text((source / "regulation.en.txt").read_text("utf-8")),
                                                        encoding="utf-8")

        def regulation(data):
            data = _add_toy(data)
            data["languages"][CODE] = {"file": f"regulation.{CODE}.txt", "status": "unofficial-translation"}
            return data
        _rewrite_yaml(source / "regulation.yaml", regulation)
        for name in ("glossary.yaml", "captions.yaml"):
            _rewrite_yaml(source / name, _add_toy)
        shutil.copytree(source / "pages" / "en", source / "pages" / CODE)
        (source / f"notes.{CODE}.yaml").write_text(
            "- at: art_2__para_2\n  phrase: border areas\n  text: ⟨A toy note.⟩\n", encoding="utf-8")
        from build_scripts.load import load_act
        yield load_act(source)
    finally:
        languages.PROFILES.pop(CODE, None)


@pytest.fixture(scope="module")
def toy_docs(toy_act, tmp_path_factory):
    from build_scripts.pages import render
    from build_scripts.site_mkdocs import extra_files
    return render(toy_act), extra_files(toy_act)


def test_the_toy_text_is_read_with_its_own_grammar(toy_act):
    reg = toy_act.text(CODE)
    assert toy_act.langs == ("en", "zh", CODE)
    assert len(reg.chapters) == len(toy_act.text("en").chapters)
    assert [len(a.paragraphs) for a in reg.articles()] == [len(a.paragraphs) for a in toy_act.text("en").articles()]
    assert toy_act.prefix(CODE) == f"{CODE}/"


def test_every_page_exists_in_the_toy_language(toy_act, toy_docs):
    pages, _extra = toy_docs
    english = {name for name in pages if not re.search(r"\.\w+\.md$", name) and not name.startswith("parallel/")}
    for name in english:
        assert name.replace(".md", f".{CODE}.md") in pages, name


def test_toy_pages_use_the_toy_labels_and_words(toy_docs):
    pages, _extra = toy_docs
    chapter = pages[f"chapter-1.{CODE}.md"]
    assert "# KAP 1 — General Provisions {#chp_1}" in chapter
    assert "## § 2 " in chapter and "§ 2 Abs. 2" in chapter
    # Every page offers every language: the PDFs, and the side-by-side view's columns.
    assert "⟨Download: ⟩" in chapter and all(f"⟨PDF, ⟨{name}⟩⟩" in chapter for name in ("Toy", "English", "Chinese"))
    assert all(f"regulation-{code}.pdf" in pages["chapter-1.md"] for code in ("en", "zh", CODE))
    parallel = pages[f"parallel/chapter-1.{CODE}.md"]
    assert all(f'lang="{tag}"' in parallel for tag in ("en", "zh-Hans", TOY.tag))
    article = pages[f"art/5.{CODE}.md"]
    assert "§ 5" in article and "Article 5" not in article
    home = pages[f"index.{CODE}.md"]
    assert "30.11.2023" in home and "KAP 1 — " in home
    glossary = pages[f"glossary.{CODE}.md"]
    assert "⟨Glossary⟩" in glossary and "§ 2 Abs. 2" in glossary
    assert "⟨Notes on the text⟩" in pages[f"notes.{CODE}.md"]


def test_no_english_or_chinese_interface_word_leaks_into_toy_pages(toy_docs):
    from build_scripts.languages import CHINESE, ENGLISH
    pages, _extra = toy_docs
    generated = {name: text for name, text in pages.items()
                 if name.endswith(f".{CODE}.md") and not any(name.startswith(p) for p in ("about", "downloads", "how-to"))}
    assert len(generated) >= 20
    chinese = [w for w in CHINESE.words.values() if re.search(r"[\u4e00-\u9fff]{2}", w)]
    act_text = (SMALL_SOURCE / "regulation.en.txt").read_text(encoding="utf-8")   # the toy text's source
    english = [w for w in ENGLISH.words.values() if len(w) >= 8 and "{" not in w and '"' not in w
               and w not in act_text]
    for name, text in generated.items():
        # Glossary notes and definitions are editorial content that quotes names in other languages.
        text = re.sub(r'<dd class="field-note">.*?</dd>|<p class="glossary-definition">.*?</p>', "", text, flags=re.S)
        # Side-by-side pages show the other language's headings on purpose, marked with their language;
        # so does the page for a missing address, in every language (hosts serve one for all of them).
        if name.startswith(("parallel/", "not-found.")):
            text = re.sub(r'<(span|p|div|section)\b[^>]*? lang="(en|zh-Hans)"[^>]*>.*?</\1>', "", text, flags=re.S)
        headings = [re.sub(r"⟨[^⟩]*⟩", "", line) for line in text.splitlines() if line.startswith("#")]
        assert not [h for h in headings if re.search(r"Chapter [IVX]|Article \d|第.{1,4}[章条]", h)], name
        assert not [w for w in chinese if w in text], name
        words_only = re.sub(r'(class|id)="[^"]*"', "", text)            # CSS classes and ids out
        while "⟨" in words_only:                                          # toy words out, nested ones too
            words_only, count = re.subn(r"⟨[^⟨⟩]*⟩", "", words_only)
            if not count:
                break
        unmarked = [w for w in english if w in words_only]
        assert not unmarked, (name, unmarked)


def test_toy_words_reach_the_scripts_and_the_note_is_placed(toy_act, toy_docs):
    _pages, extra = toy_docs
    words = json.loads(re.match(r"window\.SITE_WORDS = (.*?);\n", extra["assets/words.js"]).group(1))
    assert words["x-toy"]["copy"] == "⟨Copy citation and link: ⟩"
    assert [n.id for n in toy_act.notes_for(CODE)] == [f"note-{CODE}-1"]


def test_pdf_and_exports_follow_the_toy_profile(toy_act):
    from build_scripts.export import akn_xml
    from build_scripts.pdf import document, editions

    assert CODE in editions(toy_act)
    moment = datetime.datetime(2023, 11, 30, tzinfo=datetime.timezone.utc)
    html = document(toy_act, CODE, moment, "https://example.org/act/")
    assert 'lang="x-toy"' in html and "KAP 2 — " in html and "⟨Contents⟩" in html
    assert "⟨unofficial translation⟩" in html and 'href="https://example.org/act/xx/art/5/"' in html
    xml = akn_xml(toy_act, CODE, moment)
    assert f"/und@{toy_act.meta.versions[-1].key}".encode() in xml and "KAP 2".encode() in xml


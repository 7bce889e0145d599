"""A rebuild reuses unchanged outputs (PDFs by a hash of their inputs) but is never stale: after one word of
one paragraph changes, every output that held the old word holds the new one instead, and only the PDFs
that do not contain that paragraph are reused byte for byte."""
from __future__ import annotations

import re
import subprocess
import zipfile

import pytest

from conftest import copy_source, run_build

NEW = "Zyxwvutsr"


def _flat(text: str) -> str:
    """Text without spaces and hyphens, so that words broken across PDF lines still compare."""
    return re.sub(r"[\s\u00ad\u200b-]+", "", text)


def unique_phrase(source) -> tuple[str, str]:
    """(phrase, word): the words from "shall" in Article 25(1) in English, as few as make a phrase that occurs
    nowhere else in source/ (and outside any glossary term, so no link splits it), and the verb after "shall",
    which the test changes."""
    text = (source / "regulation.en.txt").read_text(encoding="utf-8")
    words = next(line for line in text.splitlines() if line.startswith("Article 25 ")).split(" ")
    everything = _flat("\n".join(p.read_text(encoding="utf-8") for p in source.rglob("*") if p.is_file()))
    start = words.index("shall")
    for length in range(3, 8):
        phrase = " ".join(words[start:start + length])
        if everything.count(_flat(phrase)) == 1:
            return phrase, words[start + 1]
    raise AssertionError("no unique phrase after 'shall' in Article 25(1)")


def texts(site):
    """Every output as flat text: files, the offline zip's members, the PDFs' extracted text."""
    out = {}
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix == ".gz":
            continue
        name = path.relative_to(site).as_posix()
        if path.suffix == ".pdf":       # poppler, in the order of the content (as pypdf reads it, 20 times faster)
            out[name] = _flat(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                                             check=True).stdout)
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    out[f"{name}!{member}"] = _flat(archive.read(member).decode("utf-8", "replace"))
        else:
            out[name] = _flat(path.read_bytes().decode("utf-8", "replace"))
    return out


@pytest.fixture(scope="module")
def rebuilt(site, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rebuild")
    source = copy_source(tmp)
    phrase, word = unique_phrase(source)
    path = source / "regulation.en.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(phrase, phrase.replace(f" {word} ", f" {NEW} ")),
                    encoding="utf-8")
    result = run_build(tmp, source)
    assert result.returncode == 0, result.stderr
    return _flat(phrase), _flat(phrase.replace(f" {word} ", f" {NEW} ")), tmp / "site"


@pytest.mark.build
def test_every_output_with_the_old_word_has_the_new_one(site, rebuilt):
    old, new, new_site = rebuilt
    before, after = texts(site), texts(new_site)
    had = {name for name, text in before.items() if old in text}
    assert {"chapter-4/index.html", "art/25/index.html", "parallel/chapter-4/index.html", "search/search_index.json",
            "downloads/regulation.json", "downloads/regulation-en.akn.xml", "downloads/regulation-en.pdf",
            "downloads/regulation-bilingual.pdf", "downloads/regulation-site.zip!regulation-site/chapter-4.html",
            } <= had
    for name in had:
        assert old not in after[name] and new in after[name], name
    assert {name for name, text in after.items() if new in text} == had


@pytest.mark.build
def test_only_the_pdf_without_the_paragraph_is_reused(site, rebuilt):
    _old, _new, new_site = rebuilt
    same = [name for name in ("regulation-en.pdf", "regulation-zh.pdf", "regulation-bilingual.pdf")
            if (site / "downloads" / name).read_bytes() == (new_site / "downloads" / name).read_bytes()]
    assert same == ["regulation-zh.pdf"]

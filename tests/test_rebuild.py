"""A rebuild reuses unchanged outputs (PDFs by a hash of their inputs) but is never stale: after one word of
one paragraph changes, every output that held the old word holds the new one instead, and only the PDFs
that do not contain that paragraph are reused byte for byte."""
from __future__ import annotations

import re
import zipfile

import pytest
from pypdf import PdfReader

from conftest import ROOT, copy_source, run_build

NEW = "Zyxwvutsr"


def unique_word(source) -> str:
    """A word of Article 25(1) in English that occurs nowhere else in source/."""
    text = (source / "regulation.en.txt").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("Article 25 "))
    everything = "\n".join(p.read_text(encoding="utf-8") for p in source.rglob("*") if p.is_file())
    return next(w for w in re.findall(r"[A-Za-z]{6,}", line)
                if len(re.findall(rf"\b{w}\b", everything, re.IGNORECASE)) == 1)


def texts(site):
    """Every output as searchable text: files, the offline zip's members, the PDFs' extracted text."""
    out = {}
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix == ".gz":
            continue
        name = path.relative_to(site).as_posix()
        if path.suffix == ".pdf":
            out[name] = re.sub(r"[\s\u00ad-]+", "", "".join(page.extract_text() for page in PdfReader(path).pages))
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    out[f"{name}!{member}"] = archive.read(member).decode("utf-8", "replace")
        else:
            out[name] = path.read_bytes().decode("utf-8", "replace")
    return out


@pytest.fixture(scope="module")
def rebuilt(site, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rebuild")
    source = copy_source(tmp)
    old = unique_word(source)
    path = source / "regulation.en.txt"
    path.write_text(re.sub(rf"\b{old}\b", NEW, path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_build(tmp, source)
    assert result.returncode == 0, result.stderr
    return old, tmp / "site"


@pytest.mark.build
def test_every_output_with_the_old_word_has_the_new_one(site, rebuilt):
    old, new_site = rebuilt
    before, after = texts(site), texts(new_site)
    had = {name for name, text in before.items() if old in text}
    assert {"chapter-4/index.html", "art/25/index.html", "parallel/chapter-4/index.html", "search/search_index.json",
            "downloads/regulation.json", "downloads/regulation-en.akn.xml", "downloads/regulation-en.pdf",
            "downloads/regulation-bilingual.pdf", "downloads/regulation-site.zip!regulation-site/chapter-4.html",
            } <= had
    for name in had:
        assert old not in after[name] and NEW in after[name], name
    assert {name for name, text in after.items() if NEW in text} == had


@pytest.mark.build
def test_only_the_pdf_without_the_paragraph_is_reused(site, rebuilt):
    _old, new_site = rebuilt
    same = [name for name in ("regulation-en.pdf", "regulation-zh.pdf", "regulation-bilingual.pdf")
            if (site / "downloads" / name).read_bytes() == (new_site / "downloads" / name).read_bytes()]
    assert same == ["regulation-zh.pdf"]

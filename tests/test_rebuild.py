"""A rebuild reuses unchanged outputs (PDFs by a hash of their inputs) but is never stale: after one word of
one paragraph changes, every output that held the old word holds the new one instead, the PDF without that
paragraph comes from the cache (the build says so in RUN_LOG) and the others are made again; and every output
the edit did not touch is byte for byte what the first build made (builds repeat exactly)."""
from __future__ import annotations

import datetime
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import zipfile
from types import SimpleNamespace

import pytest

from conftest import EPOCH, ROOT, TIMEOUT, copy_source, made_once, run_build

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


@functools.lru_cache(maxsize=None)      # each site read once per process
def texts(site):
    """Every output as flat text: files, the offline zip's members, the PDFs' extracted text."""
    out = {}
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix == ".gz":
            continue
        name = path.relative_to(site).as_posix()
        if path.suffix == ".pdf":       # poppler, in the order of the content (as pypdf reads it, 20 times faster)
            out[name] = _flat(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                                             check=True, timeout=TIMEOUT).stdout)
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    out[f"{name}!{member}"] = _flat(archive.read(member).decode("utf-8", "replace"))
        else:
            out[name] = _flat(path.read_bytes().decode("utf-8", "replace"))
    return out


@pytest.fixture(scope="session")
def rebuilt(site, act, tmp_path_factory):
    """The real source with one word changed, built once per run (by whichever process asks first) with a
    PDF cache that holds exactly the shared build's PDFs, as a rebuild after `make site` finds it."""
    from build_scripts import pdf
    from build_scripts.site_mkdocs import configured_site_url
    with made_once(tmp_path_factory, "rebuild") as (folder, make):
        if make:
            cache = folder / "cache" / "pdf"
            cache.mkdir(parents=True)
            moment = datetime.datetime.fromtimestamp(EPOCH, datetime.timezone.utc)
            for edition in pdf.editions(act):
                html = pdf.document(act, edition, moment, configured_site_url(ROOT / "mkdocs.yml"))
                shutil.copyfile(site / "downloads" / pdf.file_name(edition), cache / f"{pdf.content_key(html)}.pdf")
            source = copy_source(folder)
            phrase, word = unique_phrase(source)
            path = source / "regulation.en.txt"
            path.write_text(path.read_text(encoding="utf-8").replace(phrase, phrase.replace(f" {word} ", f" {NEW} ")),
                            encoding="utf-8")
            log = os.environ.get("RUN_LOG") or str(folder / "run.log")
            result = run_build(folder, source, env={"BUILD_CACHE": str(folder / "cache"), "RUN_LOG": log})
            assert result.returncode == 0, result.stderr
            made = str(folder / "site.downloads") + os.sep
            pdfs = [line.split(" ", 1) for line in open(log, encoding="utf-8").read().splitlines()
                    if line.split(" ", 1)[-1].startswith(made)]
            (folder / "done").write_text(json.dumps({"phrase": phrase, "word": word, "pdfs": pdfs}))
    done = json.loads((folder / "done").read_text())
    phrase, word = done["phrase"], done["word"]
    return SimpleNamespace(old=_flat(phrase), new=_flat(phrase.replace(f" {word} ", f" {NEW} ")), site=folder / "site",
                           pdfs={os.path.basename(path): event for event, path in done["pdfs"]})


@pytest.mark.build
def test_every_output_with_the_old_word_has_the_new_one(site, rebuilt):
    old, new, new_site = rebuilt.old, rebuilt.new, rebuilt.site
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
def test_only_the_pdf_without_the_paragraph_is_reused(rebuilt):
    """Counted, not compared: the build reports each PDF it copied from the cache and each it rendered."""
    assert rebuilt.pdfs == {"regulation-zh.pdf": "pdf-reused", "regulation-en.pdf": "pdf-rendered",
                            "regulation-bilingual.pdf": "pdf-rendered"}


def digests(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_outputs_the_edit_did_not_touch_are_byte_identical(site, rebuilt):
    """Two builds with the same SOURCE_DATE_EPOCH repeat every output the one-word edit leaves alone: pages,
    sitemap, the other language's search index and PDF, and the other files of downloads/. (The PDFs of an
    unchanged input are rendered afresh and compared in test_pdf; the zip's fixed dates and order below.)"""
    first, second = digests(site), digests(rebuilt.site)
    assert first.keys() == second.keys()
    different = {name for name in first if first[name] != second[name]}
    touched = {name.split("!")[0] for name, text in texts(site).items() if rebuilt.old in text}
    # Besides the files that hold the word: the checksums and the downloads pages (sizes) of the files that do.
    derived = {"downloads/SHA256SUMS", "downloads/index.html", "zh/downloads/index.html"}
    assert different - touched <= derived, different - touched
    for name in ("sitemap.xml", "sitemap.xml.gz", "zh/search/search_index.json", "zh/chapter-4/index.html",
                 "downloads/regulation-zh.pdf", "downloads/regulation-zh.akn.xml", "chapter-3/index.html"):
        assert name in first and name not in different, name


def test_the_offline_zip_repeats_exactly_whatever_the_files_dates_and_modes(tmp_path):
    """The offline copy's zip depends on the files' contents and the build's date only: entries in sorted order
    under one top folder, each dated with the build's date and readable by everyone, whatever the files'
    modification times, permissions or the order the file system lists them in."""
    from build_scripts.build import zip_folder
    moment = datetime.datetime.fromtimestamp(EPOCH, datetime.timezone.utc)
    folder = tmp_path / "copy"
    for name, text in (("zh/index.html", "中文"), ("index.html", "home"), ("assets/site.css", "p {}")):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    zip_folder(folder, tmp_path / "first.zip", "regulation-site", moment)
    for i, path in enumerate(sorted(folder.rglob("*.*"))):
        os.utime(path, (1e9 + i, 1e9 + i))
        path.chmod(0o600 + i)
    zip_folder(folder, tmp_path / "second.zip", "regulation-site", moment)
    assert (tmp_path / "first.zip").read_bytes() == (tmp_path / "second.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "second.zip") as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == ["regulation-site/assets/site.css", "regulation-site/index.html",
                                               "regulation-site/zh/index.html"]
        assert {i.date_time for i in infos} == {moment.timetuple()[:6]}
        assert {i.external_attr >> 16 for i in infos} == {0o644}
        assert archive.read("regulation-site/zh/index.html").decode("utf-8") == "中文"

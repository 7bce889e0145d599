"""Everything in source/, read and checked once: the Act (model.py) that every renderer reads.

Every file is validated here, for ``check`` and ``build`` alike: the text files, regulation.yaml,
glossary.yaml, captions.yaml, notes.<lang>.yaml and the hand-written pages. All problems found in one
stage are reported together as ``FILE:LINE: message``.
"""
from __future__ import annotations

from pathlib import Path

from .annotations import load_captions, load_notes, notes_path
from .errors import Problem, SourceError
from .glossary import check_against_text, check_same_places, find, load_glossary
from .meta import load_metadata, text_path
from .model import Act, HandPage
from .parse import parse
from .validate import apply_corrections, check_alignment, check_observations
from .versions import check_lineage


def load_act(source_dir="source") -> Act:
    source_dir = Path(source_dir)
    if not (source_dir / "regulation.yaml").is_file():
        what = "folder" if source_dir.is_dir() else "source folder, which does not exist,"
        raise SourceError([Problem(str(source_dir / "regulation.yaml"), 1,
                                   f"missing: every source {what} needs regulation.yaml (titles, dates, languages)")])
    meta = load_metadata(source_dir / "regulation.yaml")
    texts, problems = {}, []
    for lang in meta.languages:
        try:
            texts[lang] = apply_corrections(parse(text_path(meta, lang), lang), meta)
        except SourceError as e:
            problems.extend(e.problems)
    if problems:
        raise SourceError(problems)
    check_observations(texts, meta)
    langs = list(texts)
    for other in langs[1:]:
        check_alignment(texts[langs[0]], texts[other])
    history = {**load_earlier(meta, langs), meta.versions[-1].key: texts}
    check_lineage(meta, history)

    glossary, occurrences = None, {}
    if (source_dir / "glossary.yaml").exists():
        glossary = load_glossary(source_dir / "glossary.yaml", tuple(texts))
        check_against_text(glossary, texts)
        occurrences = {lang: find(glossary, reg) for lang, reg in texts.items()}
        check_same_places(glossary, occurrences)
    captions = {}
    if (source_dir / "captions.yaml").exists():
        captions = load_captions(source_dir / "captions.yaml", texts)
    notes = []
    for lang, reg in texts.items():
        if notes_path(source_dir, lang).exists():
            notes += load_notes(notes_path(source_dir, lang), reg)
    return Act(meta=meta, texts=texts, source_dir=source_dir, glossary=glossary, occurrences=occurrences,
               captions=captions, notes=tuple(notes), pages=load_pages(source_dir / "pages", langs), history=history)


def load_earlier(meta, langs) -> dict[str, dict]:
    """The texts of the versions before the current one with the corrections listed for them, each aligned
    across languages like the current text."""
    history, problems = {}, []
    for version in meta.versions[:-1]:
        folder = Path(meta.path).parent / version.folder
        if not folder.is_dir():
            problems.append(Problem(meta.path, version.line, f"expected the texts of the version in force from "
                                                             f"{version.key} in {folder}/, found no such folder"))
            continue
        texts = {}
        for lang in langs:
            path = text_path(meta, lang, version)
            if not path.is_file():
                problems.append(Problem(meta.path, version.line, f"expected {path} (the {lang} text of the version "
                                                                 f"in force from {version.key}), found no such file"))
                continue
            try:
                texts[lang] = apply_corrections(parse(path, lang), meta, version.key)
            except SourceError as e:
                problems.extend(e.problems)
        if len(texts) == len(langs):
            try:
                for other in langs[1:]:
                    check_alignment(texts[langs[0]], texts[other])
            except SourceError as e:
                problems.extend(e.problems)
        history[version.key] = texts
    if problems:
        raise SourceError(problems)
    return history


def load_pages(folder: Path, langs: list[str]) -> tuple[HandPage, ...]:
    """Hand-written pages: pages/<lang>/<name>.md, the same names in every language."""
    pages, problems = [], []
    if not folder.exists():
        return ()
    names = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        if sub.name not in langs:
            problems.append(Problem(str(sub), 1, f"expected a folder named for a language ({', '.join(langs)}), "
                                                 f"found {sub.name!r}"))
            continue
        names[sub.name] = set()
        for page in sorted(sub.glob("*.md")):
            names[sub.name].add(page.stem)
            raw = page.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                problems.append(Problem(str(page), raw[:e.start].count(b"\n") + 1,
                                        f"expected UTF-8 text, found the byte 0x{raw[e.start]:02x} ({e.reason})"))
                continue
            if not any(line.startswith("# ") for line in text.splitlines()):
                problems.append(Problem(str(page), 1, "expected a title line '# Title {#id}', found none"))
            pages.append(HandPage(lang=sub.name, name=page.stem, markdown=text))
    every = set().union(*names.values()) if names else set()
    for lang, here in names.items():
        for name in sorted(every - here):
            problems.append(Problem(str(folder / lang / f"{name}.md"), 1,
                                    f"expected this page in every language, found it missing in {lang!r}"))
    if problems:
        raise SourceError(problems)
    return tuple(pages)

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


def load_act(source_dir="source") -> Act:
    source_dir = Path(source_dir)
    meta = load_metadata(source_dir / "regulation.yaml")
    texts, problems = {}, []
    for lang in meta.versions:
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
               captions=captions, notes=tuple(notes), pages=load_pages(source_dir / "pages", langs))


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
            text = page.read_text(encoding="utf-8")
            if not any(line.startswith("# ") for line in text.splitlines()):
                problems.append(Problem(str(page), 1, "expected a title line '# Title {#id}', found none"))
            pages.append(HandPage(lang=sub.name, name=page.stem, markdown=text))
            names[sub.name].add(page.stem)
    every = set().union(*names.values()) if names else set()
    for lang, here in names.items():
        for name in sorted(every - here):
            problems.append(Problem(str(folder / lang / f"{name}.md"), 1,
                                    f"expected this page in every language, found it missing in {lang!r}"))
    if problems:
        raise SourceError(problems)
    return tuple(pages)

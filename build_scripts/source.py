"""Everything in source/, read and checked: metadata plus both language versions, corrections applied."""
from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError
from .glossary import Glossary, check_against_text, load_glossary
from .meta import LANGS, Metadata, load_metadata, text_path
from .model import Regulation
from .parse import parse
from .validate import apply_corrections, check_alignment, check_notes


@dataclass(frozen=True)
class Act:
    meta: Metadata
    texts: dict          # lang -> Regulation, with editorial corrections applied
    source_dir: Path
    glossary: Glossary | None = None

    def text(self, lang: str) -> Regulation:
        return self.texts[lang]


def build_moment(act: Act) -> datetime.datetime:
    """The time stamped into PDFs and archives: SOURCE_DATE_EPOCH when set, else midnight UTC of the
    adoption date, so that two builds of the same source are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    return datetime.datetime.combine(act.meta.adopted, datetime.time(), datetime.timezone.utc)


def load_act(source_dir="source") -> Act:
    source_dir = Path(source_dir)
    meta = load_metadata(source_dir / "regulation.yaml")
    texts, problems = {}, []
    for lang in LANGS:
        try:
            texts[lang] = apply_corrections(parse(text_path(meta, lang), lang), meta)
        except SourceError as e:
            problems.extend(e.problems)
    if problems:
        raise SourceError(problems)
    check_notes(texts, meta)
    check_alignment(texts["en"], texts["zh"])
    glossary = None
    if (source_dir / "glossary.yaml").exists():
        glossary = load_glossary(source_dir / "glossary.yaml")
        check_against_text(glossary, texts)
    return Act(meta=meta, texts=texts, source_dir=source_dir, glossary=glossary)


def load_act_or_exit(source_dir="source") -> Act:
    """For command-line entry points: the act, or its problems on stderr and exit status 1."""
    import sys
    try:
        return load_act(source_dir)
    except SourceError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        raise SystemExit(1) from None

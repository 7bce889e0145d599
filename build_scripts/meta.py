"""source/regulation.yaml -> Metadata: titles, dates, language versions and their status, corrections."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, SourceError
from .yamlsrc import check_keys, load

LANGS = ("en", "zh")


@dataclass(frozen=True)
class Version:
    lang: str
    file: str            # path of the text file, relative to the source folder
    status: str
    label: dict          # interface language -> name of the status
    notice: dict         # interface language -> notice shown on every page of this version


@dataclass(frozen=True)
class Correction:
    lang: str
    article: int
    paragraph: int
    old: str
    new: str
    reason: dict
    line: int            # line in regulation.yaml


@dataclass(frozen=True)
class Note:
    lang: str
    chapter: int | None
    article: int | None
    paragraph: int | None
    text: dict
    line: int


@dataclass(frozen=True)
class Metadata:
    path: str
    title: dict
    adopting_body: dict
    adopted: datetime.date
    effective: datetime.date
    versions: dict       # lang -> Version
    corrections: tuple[Correction, ...]
    notes: tuple[Note, ...]


def _bilingual(path, entry, key, problems):
    value = entry.get(key)
    if not isinstance(value, dict) or any(not isinstance(value.get(lang), str) or not value.get(lang).strip()
                                          for lang in LANGS):
        line = entry.key_lines.get(key, entry.line) if hasattr(entry, "key_lines") else 1
        problems.append(Problem(path, line, f"expected {key!r} with non-empty 'en' and 'zh' texts, found {value!r}"))
        return {}
    return {lang: value[lang].strip() for lang in LANGS}


def _date(path, entry, key, problems):
    try:
        return datetime.date.fromisoformat(str(entry.get(key)))
    except ValueError:
        problems.append(Problem(path, entry.key_lines.get(key, entry.line),
                                f"expected {key!r} as a date YYYY-MM-DD, found {entry.get(key)!r}"))
        return None


def _int(path, entry, key, problems, optional=False):
    value = entry.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        problems.append(Problem(path, entry.key_lines.get(key, entry.line),
                                f"expected {key!r} as a positive whole number, found {value!r}"))
        return None
    return value


def load_metadata(path) -> Metadata:
    path = str(path)
    data = load(path)
    problems: list[Problem] = []
    if not check_keys(path, data, ["title", "adopting_body", "adopted", "effective", "languages", "statuses"],
                      ["corrections", "notes"], problems, "regulation.yaml"):
        raise SourceError(problems)
    title = _bilingual(path, data, "title", problems)
    body = _bilingual(path, data, "adopting_body", problems)
    adopted, effective = _date(path, data, "adopted", problems), _date(path, data, "effective", problems)

    statuses = data.get("statuses") or {}
    versions = {}
    languages = data.get("languages") or {}
    for lang in LANGS:
        entry = languages.get(lang) if isinstance(languages, dict) else None
        if entry is None:
            problems.append(Problem(path, getattr(languages, "line", data.line), f"languages: missing {lang!r}"))
            continue
        if not check_keys(path, entry, ["file", "status"], [], problems, f"languages.{lang}"):
            continue
        status = entry.get("status")
        if status not in statuses:
            problems.append(Problem(path, entry.key_lines.get("status", entry.line),
                                    f"expected a status defined under 'statuses' ({', '.join(statuses)}), "
                                    f"found {status!r}"))
            continue
        definition = statuses[status]
        check_keys(path, definition, ["label", "notice"], [], problems, f"statuses.{status}")
        versions[lang] = Version(lang=lang, file=str(entry["file"]), status=status,
                                 label=_bilingual(path, definition, "label", problems),
                                 notice=_bilingual(path, definition, "notice", problems))

    corrections = []
    for entry in data.get("corrections") or []:
        if not check_keys(path, entry, ["lang", "article", "paragraph", "from", "to", "reason"], [],
                          problems, "correction"):
            continue
        if entry["lang"] not in LANGS:
            problems.append(Problem(path, entry.line, f"expected lang 'en' or 'zh', found {entry['lang']!r}"))
        corrections.append(Correction(lang=entry["lang"], article=_int(path, entry, "article", problems),
                                      paragraph=_int(path, entry, "paragraph", problems),
                                      old=str(entry["from"]), new=str(entry["to"]),
                                      reason=_bilingual(path, entry, "reason", problems), line=entry.line))
    notes = []
    for entry in data.get("notes") or []:
        if not check_keys(path, entry, ["lang", "text"], ["chapter", "article", "paragraph"], problems, "note"):
            continue
        notes.append(Note(lang=entry["lang"], chapter=_int(path, entry, "chapter", problems, True),
                          article=_int(path, entry, "article", problems, True),
                          paragraph=_int(path, entry, "paragraph", problems, True),
                          text=_bilingual(path, entry, "text", problems), line=entry.line))
    if problems:
        raise SourceError(problems)
    return Metadata(path=path, title=title, adopting_body=body, adopted=adopted, effective=effective,
                    versions=versions, corrections=tuple(corrections), notes=tuple(notes))


def text_path(meta: Metadata, lang: str) -> Path:
    return Path(meta.path).parent / meta.versions[lang].file

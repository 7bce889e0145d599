"""source/regulation.yaml -> Metadata: titles, dates, language versions and their status, corrections."""
from __future__ import annotations

from pathlib import Path

from .errors import Problem, SourceError
from .languages import PROFILES
from .model import Correction, Metadata, Observation, Version
from .yaml_lines import check_keys, date_field, int_field, items, load, text_field, texts_field


def load_metadata(path) -> Metadata:
    path = str(path)
    data = load(path)
    problems: list[Problem] = []
    required = ["title", "adopting_body", "adopted", "effective", "languages", "statuses"]
    check_keys(path, data, required, ["short_title", "corrections", "observations"], problems, "regulation.yaml")
    if not isinstance(data, dict) or any(key not in data for key in ("languages", "statuses")):
        raise SourceError(problems)

    languages = data["languages"]
    if not isinstance(languages, dict) or not languages:
        raise SourceError([Problem(path, data.line_of("languages"),
                                   f"expected 'languages' as a mapping of language codes, found {languages!r}")])
    langs = []
    for lang in languages:
        if lang not in PROFILES:
            problems.append(Problem(path, languages.line_of(lang), f"no language profile for {lang!r}: expected "
                                                                   f"one of {', '.join(PROFILES)}"))
        else:
            langs.append(lang)
    if not langs:
        raise SourceError(problems)

    title = texts_field(path, data, "title", langs, problems)
    short_title = texts_field(path, data, "short_title", langs, problems, optional=True) or title
    body = texts_field(path, data, "adopting_body", langs, problems)
    adopted, effective = date_field(path, data, "adopted", problems), date_field(path, data, "effective", problems)

    statuses = data["statuses"]
    if not isinstance(statuses, dict):
        raise SourceError(problems + [Problem(path, data.line_of("statuses"),
                                              f"expected 'statuses' as a mapping, found {statuses!r}")])
    for status, definition in statuses.items():
        check_keys(path, definition, ["label", "notice"], [], problems, f"statuses.{status}", statuses.line_of(status))
    versions = {}
    for lang in langs:
        entry = languages[lang]
        if not check_keys(path, entry, ["file", "status"], [], problems, f"languages.{lang}", languages.line_of(lang)):
            continue
        status = entry.get("status")
        if status not in statuses:
            problems.append(Problem(path, entry.line_of("status"),
                                    f"expected a status defined under 'statuses' ({', '.join(map(str, statuses))}), "
                                    f"found {status!r}"))
            continue
        definition = statuses[status]
        if not isinstance(definition, dict):
            continue            # reported above
        file = text_field(path, entry, "file", problems)
        if file and not (Path(path).parent / file).is_file():
            problems.append(Problem(path, entry.line_of("file"), f"expected a text file, found no file {file!r}"))
        versions[lang] = Version(lang=lang, file=file, status=status,
                                 label=texts_field(path, definition, "label", langs, problems),
                                 notice=texts_field(path, definition, "notice", langs, problems))

    corrections = []
    for line, entry in items(_list(path, data, "corrections", problems)):
        if not check_keys(path, entry, ["lang", "article", "paragraph", "from", "to", "reason"], [],
                          problems, "correction", line):
            continue
        for key in ("from", "to"):
            if not isinstance(entry[key], str):
                problems.append(Problem(path, entry.line_of(key), f"expected {key!r} as a text, found {entry[key]!r}"))
        if not isinstance(entry["lang"], str) or entry["lang"] not in langs:
            problems.append(Problem(path, entry.line_of("lang"),
                                    f"expected lang as one of {', '.join(langs)}, found {entry['lang']!r}"))
        corrections.append(Correction(lang=entry["lang"], article=int_field(path, entry, "article", problems),
                                      paragraph=int_field(path, entry, "paragraph", problems),
                                      old=str(entry["from"]), new=str(entry["to"]),
                                      reason=texts_field(path, entry, "reason", langs, problems), line=entry.line))
    observations = []
    for line, entry in items(_list(path, data, "observations", problems)):
        if not check_keys(path, entry, ["lang", "text"], ["chapter", "article", "paragraph"], problems, "observation",
                          line):
            continue
        if not isinstance(entry["lang"], str) or entry["lang"] not in langs:
            problems.append(Problem(path, entry.line_of("lang"),
                                    f"expected lang as one of {', '.join(langs)}, found {entry['lang']!r}"))
        observations.append(Observation(lang=entry["lang"], chapter=int_field(path, entry, "chapter", problems, True),
                                        article=int_field(path, entry, "article", problems, True),
                                        paragraph=int_field(path, entry, "paragraph", problems, True),
                                        text=texts_field(path, entry, "text", langs, problems), line=entry.line))
    if problems:
        raise SourceError(problems)
    return Metadata(path=path, title=title, short_title=short_title, adopting_body=body, adopted=adopted, effective=effective,
                    versions=versions, corrections=tuple(corrections), observations=tuple(observations))


def _list(path, data, key, problems) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        problems.append(Problem(path, data.line_of(key), f"expected {key!r} as a list (- entry …), found {value!r}"))
        return []
    return value


def text_path(meta: Metadata, lang: str) -> Path:
    return Path(meta.path).parent / meta.versions[lang].file

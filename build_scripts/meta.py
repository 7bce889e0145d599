"""source/regulation.yaml -> Metadata: titles, dates, language versions and their status, corrections."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from .errors import Problem, SourceError
from .languages import PROFILES
from .model import Correction, LanguageVersion, Link, Metadata, Observation, Provenance, Revision, Version
from .yaml_lines import check_keys, date_field, int_field, items, load, text_field, texts_field, texts_value


def load_metadata(path) -> Metadata:
    path = str(path)
    data = load(path)
    problems: list[Problem] = []
    required = ["title", "adopting_body", "adopted", "effective", "versions", "checked", "languages", "statuses",
                "provenance", "revisions"]
    check_keys(path, data, required, ["short_title", "site_name", "copyright", "navigation", "corrections",
                                      "observations"], problems, "regulation.yaml")
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
    site_name = texts_field(path, data, "site_name", langs, problems, optional=True) or short_title
    copyright = texts_field(path, data, "copyright", langs, problems, optional=True) or {}
    navigation = data.get("navigation", [])
    if not isinstance(navigation, list) or not all(isinstance(name, str) for name in navigation):
        problems.append(Problem(path, data.line_of("navigation"),
                                f"expected 'navigation' as a list of page names, found {navigation!r}"))
        navigation = []
    body = texts_field(path, data, "adopting_body", langs, problems)
    adopted, effective = date_field(path, data, "adopted", problems), date_field(path, data, "effective", problems)

    statuses = data["statuses"]
    if not isinstance(statuses, dict):
        raise SourceError(problems + [Problem(path, data.line_of("statuses"),
                                              f"expected 'statuses' as a mapping, found {statuses!r}")])
    for status, definition in statuses.items():
        # "short" may be the empty text, which check_keys counts as missing: its presence is checked here
        if check_keys(path, definition, ["label", "notice"], ["short"], problems, f"statuses.{status}",
                      statuses.line_of(status)) and "short" not in definition:
            problems.append(Problem(path, statuses.line_of(status),
                                    f"statuses.{status} is missing 'short' (\"\" for a text that needs none)"))
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
        versions[lang] = LanguageVersion(lang=lang, file=file, status=status,
                                 label=texts_field(path, definition, "label", langs, problems),
                                 notice=texts_field(path, definition, "notice", langs, problems),
                                 short=_short(path, definition, langs, problems))

    history = _versions(path, data, langs, adopted, effective, problems)
    keys = [v.key for v in history]
    corrections = []
    for line, entry in items(_list(path, data, "corrections", problems)):
        if not check_keys(path, entry, ["lang", "article", "paragraph", "from", "to", "reason"], ["version"],
                          problems, "correction", line):
            continue
        for key in ("from", "to"):
            if not isinstance(entry[key], str):
                problems.append(Problem(path, entry.line_of(key), f"expected {key!r} as a text, found {entry[key]!r}"))
        if not isinstance(entry["lang"], str) or entry["lang"] not in langs:
            problems.append(Problem(path, entry.line_of("lang"),
                                    f"expected lang as one of {', '.join(langs)}, found {entry['lang']!r}"))
        version = str(entry.get("version") or (keys[-1] if keys else ""))
        if "version" in entry and version not in keys[:-1]:
            problems.append(Problem(path, entry.line_of("version"), f"expected the correction's 'version' as the "
                                    f"effective date of an earlier version ({', '.join(keys[:-1]) or 'there is none'}), "
                                    f"found {entry['version']!r}"))
        corrections.append(Correction(lang=entry["lang"], article=int_field(path, entry, "article", problems),
                                      paragraph=int_field(path, entry, "paragraph", problems),
                                      old=str(entry["from"]), new=str(entry["to"]),
                                      reason=texts_field(path, entry, "reason", langs, problems), line=entry.line,
                                      version=version))
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
    checked = date_field(path, data, "checked", problems) if "checked" in data else None
    if checked and history and checked < history[-1].adopted:
        problems.append(Problem(path, data.line_of("checked"), f"expected 'checked' on or after the current version's "
                                                               f"adoption ({history[-1].adopted}), found {checked}"))
    provenance = _provenance(path, data, langs, problems)
    revisions = _revisions(path, data, langs, problems)
    if problems:
        raise SourceError(problems)
    return Metadata(path=path, title=title, short_title=short_title, adopting_body=body, adopted=adopted, effective=effective,
                    languages=versions, corrections=tuple(corrections), observations=tuple(observations),
                    versions=tuple(history), checked=checked, provenance=provenance, revisions=revisions,
                    site_name=site_name, copyright=copyright, navigation=tuple(navigation))


def _provenance(path, data, langs, problems) -> dict[str, Provenance]:
    """``provenance:``: where the official text is published (``official``, required), the draft the notes
    cite (``draft``) and where each language's text comes from (its code), each a statement and links."""
    value = data.get("provenance")
    if not isinstance(value, dict):
        problems.append(Problem(path, data.line_of("provenance"), f"expected 'provenance' as a mapping of "
                                                                  f"official, draft and language codes, found {value!r}"))
        return {}
    if "official" not in value:
        problems.append(Problem(path, data.line_of("provenance"), "expected 'official' under 'provenance': where "
                                                                  "the official text is published"))
    out = {}
    for key, entry in value.items():
        if key not in ("official", "draft", *langs):
            problems.append(Problem(path, value.line_of(key), f"expected official, draft or a language code "
                                                              f"({', '.join(langs)}) under 'provenance', found {key!r}"))
            continue
        if not check_keys(path, entry, ["text"], ["links"], problems, f"provenance.{key}", value.line_of(key)):
            continue
        links = []
        for line, link in items(_list(path, entry, "links", problems)):
            if not check_keys(path, link, ["title", "url"], [], problems, "link", line):
                continue
            url = link["url"]
            if not isinstance(url, str) or not url.startswith(("http://", "https://")) or " " in url:
                problems.append(Problem(path, link.line_of("url"), f"expected an http:// or https:// address, "
                                                                   f"found {url!r}"))
                continue
            links.append(Link(title=texts_field(path, link, "title", langs, problems), url=url))
        out[key] = Provenance(key=key, text=texts_field(path, entry, "text", langs, problems), links=tuple(links))
    return out


def _revisions(path, data, langs, problems) -> tuple[Revision, ...]:
    """``revisions:`` of the translations and editorial layers, oldest first, numbered 1, 2, 3 …, with dates
    that do not go back, each with a list of what it changed."""
    entries = _list(path, data, "revisions", problems)
    if not entries:
        problems.append(Problem(path, data.line_of("revisions"), "expected at least one revision under 'revisions'"))
    out = []
    for line, entry in items(entries):
        if not check_keys(path, entry, ["number", "date", "changes"], [], problems, "revision", line):
            continue
        number, day = int_field(path, entry, "number", problems), date_field(path, entry, "date", problems)
        if number is not None and number != len(out) + 1:
            problems.append(Problem(path, entry.line_of("number"), f"expected revision number {len(out) + 1} "
                                                                   f"(revisions are numbered 1, 2, 3 … oldest first), "
                                                                   f"found {number!r}"))
        if day and out and out[-1].date and day < out[-1].date:
            problems.append(Problem(path, entry.line_of("date"), f"expected a date on or after revision "
                                                                 f"{out[-1].number}'s ({out[-1].date}), found {day}"))
        changes = [texts_value(path, change_line, "a change", change, langs, problems)
                   for change_line, change in items(_list(path, entry, "changes", problems))]
        changes = [c for c in changes if c]
        if not changes:
            problems.append(Problem(path, entry.line_of("changes"), "expected at least one change in the revision"))
        out.append(Revision(number=number or len(out) + 1, date=day, changes=tuple(changes)))
    return tuple(out)


def _versions(path, data, langs, adopted, effective, problems) -> list[Version]:
    """``versions:``, oldest first: the first is the act as adopted, the last the current text (in source/
    itself); each earlier one's files are in versions/<effective>/."""
    entries = _list(path, data, "versions", problems)
    out = []
    for n, (line, entry) in enumerate(items(entries)):
        if not check_keys(path, entry, ["effective", "adopted", "instrument"], ["renumbered"], problems, "version", line):
            continue
        version = Version(effective=date_field(path, entry, "effective", problems),
                          adopted=date_field(path, entry, "adopted", problems),
                          instrument=texts_field(path, entry, "instrument", langs, problems),
                          renumbered=_renumbered(path, entry, problems), folder="", line=entry.line)
        if None in (version.effective, version.adopted):
            continue
        if version.adopted > version.effective:
            problems.append(Problem(path, entry.line_of("adopted"), f"expected the adoption ({version.adopted}) on or "
                                                                    f"before the effective date ({version.effective})"))
        if out and version.effective <= out[-1].effective:
            problems.append(Problem(path, entry.line_of("effective"), f"expected versions oldest first: "
                                    f"{version.effective} comes after {out[-1].effective}"))
        if n == 0 and version.renumbered:
            problems.append(Problem(path, entry.line_of("renumbered"),
                                    "expected no 'renumbered' in the first version: there is no earlier one"))
        if n == 0 and None not in (adopted, effective) and (version.adopted, version.effective) != (adopted, effective):
            problems.append(Problem(path, entry.line, f"expected the first version to be the act as adopted "
                                    f"(adopted {adopted}, effective {effective}), found adopted {version.adopted}, "
                                    f"effective {version.effective}"))
        out.append(version)
    last = len(entries) - 1
    return [dataclasses.replace(v, folder="" if i == last else f"versions/{v.key}") for i, v in enumerate(out)]


def _renumbered(path, entry, problems) -> dict[int, int | None]:
    """``renumbered: {31: null, 32: 31}``: previous version's article number -> this version's, or null."""
    value = entry.get("renumbered") or {}
    good = isinstance(value, dict) and all(
        isinstance(k, int) and not isinstance(k, bool) and k > 0
        and (v is None or isinstance(v, int) and not isinstance(v, bool) and v > 0) for k, v in value.items())
    if not good:
        problems.append(Problem(path, entry.line_of("renumbered"), f"expected 'renumbered' as a mapping from article "
                                f"numbers to article numbers or null (deleted), found {value!r}"))
        return {}
    targets = [v for v in value.values() if v is not None]
    for v in sorted({v for v in targets if targets.count(v) > 1}):
        problems.append(Problem(path, entry.line_of("renumbered"), f"expected each new number once in 'renumbered', "
                                                                   f"found {v} more than once"))
    return dict(value)


def _short(path, definition, langs, problems) -> dict[str, str]:
    """A status's ``short`` form, written after the title (PDF title and footer): a text for each language, or
    an empty text ("") for a status that needs none (the official text)."""
    value = definition.get("short")
    if value is None:
        return {}               # reported with the status
    if isinstance(value, str) and not value.strip():
        return {lang: "" for lang in langs}
    return texts_field(path, definition, "short", langs, problems) or {}


def _list(path, data, key, problems) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        problems.append(Problem(path, data.line_of(key), f"expected {key!r} as a list (- entry …), found {value!r}"))
        return []
    return value


def text_path(meta: Metadata, lang: str, version: Version | None = None) -> Path:
    """The text file of ``lang`` in ``version`` (the current text when None)."""
    folder = Path(meta.path).parent / (version.folder if version else "")
    return folder / meta.languages[lang].file

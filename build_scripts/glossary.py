"""The glossary of banners, bodies and terms, and where each occurs in the text (a layer keyed by id).

Finding occurrences is a pure function of the glossary and the text: longest term first, whole words
(for English), never inside another match. Headings are not searched; only paragraphs and items.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Problem, SourceError
from .meta import LANGS
from .yamlsrc import check_keys, load

GROUPS = ("border_areas", "bodies", "terms")
_BILINGUAL = ("kind", "parent", "seat", "borders", "definition", "note")
_REQUIRED = ("id", "en", "zh", "definition")
_OPTIONAL = ("pinyin", "kind", "parent", "seat", "borders", "coords", "other_spellings",
             "match_en", "match_zh", "note", "unconfirmed")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Entry:
    id: str
    group: str
    name: dict                   # lang -> name
    match: dict                  # lang -> tuple of strings searched for in that language's text
    definition: dict
    pinyin: str | None = None
    kind: dict | None = None
    parent: dict | None = None
    seat: dict | None = None
    borders: dict | None = None
    coords: dict | None = None   # lat, lon, approximate
    other_spellings: tuple = ()
    note: dict | None = None
    unconfirmed: tuple = ()      # field names the checked facts do not confirm
    line: int = 0


@dataclass(frozen=True)
class Glossary:
    path: str
    entries: tuple[Entry, ...]

    def entry(self, entry_id: str) -> Entry:
        return next(e for e in self.entries if e.id == entry_id)


@dataclass(frozen=True)
class Occurrence:
    entry: str        # glossary entry id
    target: str       # paragraph or item id
    start: int
    end: int
    text: str


def load_glossary(path) -> Glossary:
    path = str(path)
    data = load(path)
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise SourceError([Problem(path, 1, f"expected the groups {', '.join(GROUPS)}, found {type(data).__name__}")])
    for key in data:
        if key not in GROUPS:
            problems.append(Problem(path, data.key_lines[key],
                                    f"unknown group {key!r}: expected one of {', '.join(GROUPS)}"))
    entries, seen_ids, seen_matches = [], {}, {}
    for group in GROUPS:
        for raw in data.get(group) or []:
            if not check_keys(path, raw, _REQUIRED, _OPTIONAL, problems, f"{group} entry"):
                continue
            line = raw.line
            entry_id = str(raw.get("id", ""))
            if not _ID.fullmatch(entry_id):
                problems.append(Problem(path, line, f"expected an id of lowercase letters, digits and hyphens, "
                                                    f"found {entry_id!r}"))
            if entry_id in seen_ids:
                problems.append(Problem(path, line, f"duplicate id {entry_id!r} (first at line {seen_ids[entry_id]})"))
            seen_ids.setdefault(entry_id, line)
            for key in _BILINGUAL:
                value = raw.get(key)
                if value is not None and (not isinstance(value, dict) or set(value) != set(LANGS)):
                    problems.append(Problem(path, raw.key_lines.get(key, line),
                                            f"expected {key!r} with 'en' and 'zh', found {value!r}"))
            match = {}
            for lang in LANGS:
                strings = raw.get(f"match_{lang}") or []
                if not isinstance(strings, list) or not all(isinstance(s, str) and s.strip() for s in strings):
                    problems.append(Problem(path, raw.key_lines.get(f"match_{lang}", line),
                                            f"expected match_{lang} as a list of texts, found {strings!r}"))
                    strings = []
                for s in strings:
                    key = (lang, s.lower())
                    if key in seen_matches:
                        problems.append(Problem(path, raw.key_lines.get(f"match_{lang}", line),
                                                f"{s!r} is already matched by the entry at line {seen_matches[key]}"))
                    seen_matches.setdefault(key, line)
                match[lang] = tuple(strings)
            unconfirmed = tuple(raw.get("unconfirmed") or ())
            for name in unconfirmed:
                if name not in raw:
                    problems.append(Problem(path, raw.key_lines.get("unconfirmed", line),
                                            f"unconfirmed names {name!r}, which this entry does not have"))
            entries.append(Entry(
                id=entry_id, group=group, name={"en": str(raw["en"]), "zh": str(raw["zh"])}, match=match,
                definition=raw["definition"], pinyin=raw.get("pinyin"),
                **{k: raw.get(k) for k in ("kind", "parent", "seat", "borders", "coords", "note")},
                other_spellings=tuple(raw.get("other_spellings") or ()), unconfirmed=unconfirmed, line=line))
    if problems:
        raise SourceError(problems)
    return Glossary(path=path, entries=tuple(entries))


def _pattern(lang: str, term: str) -> re.Pattern:
    if lang == "en":
        return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
    return re.compile(re.escape(term))


def find(glossary: Glossary, regulation) -> tuple[Occurrence, ...]:
    """Every occurrence of every entry in the paragraphs and items of one language version."""
    lang = regulation.lang
    terms = sorted(((term, entry.id) for entry in glossary.entries for term in entry.match.get(lang, ())),
                   key=lambda t: -len(t[0]))
    patterns = [(_pattern(lang, term), entry_id) for term, entry_id in terms]
    found = []
    for target in _targets(regulation):
        here: list[Occurrence] = []
        for pattern, entry_id in patterns:
            for m in pattern.finditer(target.text):
                if all(m.end() <= o.start or m.start() >= o.end for o in here):
                    here.append(Occurrence(entry_id, target.id, m.start(), m.end(), m.group()))
        found += sorted(here, key=lambda o: o.start)
    return tuple(found)


def _targets(regulation):
    for paragraph in regulation.paragraphs():
        yield paragraph
        yield from paragraph.points


def appears_in(occurrences) -> dict[str, tuple[str, ...]]:
    """entry id -> the ids of the paragraphs (and items) it occurs in, in text order, each once."""
    result: dict[str, list[str]] = {}
    for o in occurrences:
        targets = result.setdefault(o.entry, [])
        if o.target not in targets:
            targets.append(o.target)
    return {k: tuple(v) for k, v in result.items()}


def first_per_article(occurrences) -> tuple[Occurrence, ...]:
    """The occurrences worth a link: the first of each entry in each article (the rest would be noise)."""
    seen, keep = set(), []
    for o in occurrences:
        key = (o.entry, o.target.split("__")[0])
        if key not in seen:
            seen.add(key)
            keep.append(o)
    return tuple(keep)


def check_against_text(glossary: Glossary, texts: dict) -> None:
    """Each listed variant must occur in its language's text; otherwise it is stale or mistyped."""
    problems = []
    paragraphs = {lang: [t.text for t in _targets(reg)] for lang, reg in texts.items()}
    for entry in glossary.entries:
        for lang, strings in entry.match.items():
            for s in strings:
                if not any(_pattern(lang, s).search(text) for text in paragraphs[lang]):
                    problems.append(Problem(glossary.path, entry.line,
                                            f"{entry.id}: match_{lang} {s!r} never occurs in {texts[lang].path}"))
    if problems:
        raise SourceError(problems)

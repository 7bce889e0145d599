"""The glossary of banners, bodies and terms, and where each occurs in the text (a layer keyed by id).

Finding occurrences is a pure function of the glossary and the text: longest term first, whole words
(for English), never inside another match. Headings are not searched; only paragraphs and items.
"""
from __future__ import annotations

import functools
import re

from .errors import Problem, SourceError
from .languages import PROFILES
from .model import Entry, Glossary, Occurrence
from .yaml_lines import bool_field, check_keys, items, kind, list_field, load, number_field, text_field, texts_field

GROUPS = ("border_areas", "bodies", "terms")
_FACTS = ("kind", "parent", "seat", "borders")          # texts in every language
_REQUIRED = ("id", "definition")
_OPTIONAL = ("pinyin", "kind", "parent", "seat", "borders", "coords", "other_spellings", "note", "unconfirmed",
             "everyday")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def load_glossary(path, langs: tuple[str, ...]) -> Glossary:
    """Read and check glossary.yaml: every entry has a name, match strings and texts in each of ``langs``."""
    path = str(path)
    data = load(path)
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise SourceError([Problem(path, 1, f"expected the groups {', '.join(GROUPS)}, found {kind(data)}")])
    for key in data:
        if key not in GROUPS:
            problems.append(Problem(path, data.line_of(key),
                                    f"unknown group {key!r}: expected one of {', '.join(GROUPS)}"))
    entries, seen_ids, seen_matches = [], {}, {}
    names = [*langs, *(f"match_{lang}" for lang in langs)]
    for group in GROUPS:
        raws = data.get(group)
        raws = [] if raws is None else raws
        if not isinstance(raws, list):
            problems.append(Problem(path, data.line_of(group), f"expected {group!r} as a list of entries, found {raws!r}"))
            continue
        for line, raw in items(raws):
            if not check_keys(path, raw, [*_REQUIRED, *langs], [*_OPTIONAL, *names], problems, f"{group} entry", line):
                continue
            line = raw.line
            entry_id = raw.get("id", "")
            if not isinstance(entry_id, str) or not _ID.fullmatch(entry_id):
                problems.append(Problem(path, raw.line_of("id"), f"expected an id of lowercase letters, digits and "
                                                                 f"hyphens, found {entry_id!r}"))
            if entry_id in seen_ids:
                problems.append(Problem(path, line, f"duplicate id {entry_id!r} (first at line {seen_ids[entry_id]})"))
            seen_ids.setdefault(entry_id, line)
            name = {lang: text_field(path, raw, lang, problems) for lang in langs}
            facts = {key: texts_field(path, raw, key, langs, problems, optional=True) for key in (*_FACTS, "note")}
            match = {}
            for lang in langs:
                strings = list_field(path, raw, f"match_{lang}", problems)
                for s in strings:
                    key = (lang, s.lower())
                    if key in seen_matches:
                        problems.append(Problem(path, raw.line_of(f"match_{lang}"),
                                                f"{s!r} is already matched by the entry at line {seen_matches[key]}"))
                    seen_matches.setdefault(key, line)
                match[lang] = strings
            if group == "border_areas":
                _on_the_map(path, raw, facts, problems)
            unconfirmed = list_field(path, raw, "unconfirmed", problems)
            for field_name in unconfirmed:
                if field_name not in raw:
                    problems.append(Problem(path, raw.line_of("unconfirmed"),
                                            f"unconfirmed names {field_name!r}, which this entry does not have"))
            entries.append(Entry(
                id=entry_id, group=group, name=name, match=match,
                definition=texts_field(path, raw, "definition", langs, problems),
                pinyin=text_field(path, raw, "pinyin", problems, optional=True),
                coords=_coords(path, raw, problems), other_spellings=list_field(path, raw, "other_spellings", problems),
                unconfirmed=unconfirmed, everyday=bool_field(path, raw, "everyday", problems), line=line, **facts))
    if problems:
        raise SourceError(problems)
    return Glossary(path=path, entries=tuple(entries))


def _on_the_map(path, raw, facts, problems) -> None:
    """A border area is listed under its parent (banner, city or league) on the glossary page and drawn on the map:
    it needs a parent, and coordinates within the map's frame."""
    from .border_map import LAT_MAX, LAT_MIN, LON_MAX, LON_MIN
    if not facts["parent"]:
        problems.append(Problem(path, raw.line, f"expected 'parent' for the border area {raw.get('id')!r}: the "
                                                "glossary lists the border areas under their parents"))
    coords = raw.get("coords")
    if isinstance(coords, dict) and all(isinstance(coords.get(k), (int, float)) for k in ("lat", "lon")):
        if not (LAT_MIN < coords["lat"] < LAT_MAX and LON_MIN < coords["lon"] < LON_MAX):
            problems.append(Problem(path, raw.line_of("coords"), f"expected coordinates on the map "
                                    f"({LAT_MIN}-{LAT_MAX} N, {LON_MIN}-{LON_MAX} E), found {coords['lat']}, {coords['lon']}"))


def _coords(path, raw, problems) -> dict | None:
    value = raw.get("coords")
    if value is None:
        return None
    if not check_keys(path, value, ["lat", "lon"], ["approximate"], problems, "coords", raw.line_of("coords")):
        return None
    lat = number_field(path, value, "lat", problems, -90, 90)
    lon = number_field(path, value, "lon", problems, -180, 180)
    approximate = bool_field(path, value, "approximate", problems)
    return None if lat is None or lon is None else {"lat": lat, "lon": lon, "approximate": approximate}


@functools.lru_cache(maxsize=4096)
def _pattern(lang: str, term: str) -> re.Pattern:
    """Where the language separates words with spaces, a term matches whole words, in any case. A part in
    [brackets] is the term itself (the group ``term``); the rest only tells where it is the term."""
    before, _, rest = term.partition("[")
    core, _, after = rest.partition("]")
    if rest:
        term = re.escape(before) + f"(?P<term>{re.escape(core)})" + re.escape(after)
    else:
        term = f"(?P<term>{re.escape(term)})"
    if PROFILES[lang].spaced:
        return re.compile(rf"(?<!\w){term}(?!\w)", re.IGNORECASE)
    return re.compile(term)


def _literal(lang: str, term: str) -> str:
    """The text any match of the term contains (lower case where the match ignores case): a paragraph
    without it need not be searched."""
    return _searchable(lang, term.replace("[", "").replace("]", ""))


def _searchable(lang: str, text: str) -> str:
    """Text as a term's literal is looked for in it: lower case where matches ignore case."""
    return text.lower() if PROFILES[lang].spaced else text


def find(glossary: Glossary, regulation) -> tuple[Occurrence, ...]:
    """Every occurrence of every entry in the paragraphs and items of one language version."""
    lang = regulation.lang
    terms = sorted(((term, entry.id) for entry in glossary.entries for term in entry.match.get(lang, ())),
                   key=lambda t: -len(t[0]))
    patterns = [(_pattern(lang, term), _literal(lang, term), entry_id) for term, entry_id in terms]
    found = []
    for target in _targets(regulation):
        here: list = []       # (whole match, entry id): no two overlap
        searchable = _searchable(lang, target.text)
        for pattern, literal, entry_id in patterns:
            if literal not in searchable:
                continue
            for m in pattern.finditer(target.text):
                if all(m.end() <= o.start() or m.start() >= o.end() for o, _ in here):
                    here.append((m, entry_id))
        found += [Occurrence(entry_id, target.id, target.article, m.start("term"), m.end("term"), m.group("term"))
                  for m, entry_id in sorted(here, key=lambda x: x[0].start())]
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


def links(occurrences, page_of, section_of, everyday=frozenset()) -> tuple[Occurrence, ...]:
    """The occurrences worth a link: an everyday entry once per page, any other entry once per section
    (both given as functions of an occurrence); more would be noise."""
    seen, keep = set(), []
    for o in occurrences:
        key = (o.entry, page_of(o) if o.entry in everyday else section_of(o))
        if key not in seen:
            seen.add(key)
            keep.append(o)
    return tuple(keep)


def check_against_text(glossary: Glossary, texts: dict) -> None:
    """Each listed variant must occur in its language's text; otherwise it is stale or mistyped."""
    problems = []
    paragraphs = {lang: [(t.text, _searchable(lang, t.text)) for t in _targets(reg)] for lang, reg in texts.items()}
    for entry in glossary.entries:
        for lang, strings in entry.match.items():
            for s in strings:
                literal = _literal(lang, s)
                if not any(literal in searchable and _pattern(lang, s).search(text)
                           for text, searchable in paragraphs[lang]):
                    problems.append(Problem(glossary.path, entry.line,
                                            f"{entry.id}: match_{lang} {s!r} never occurs in {texts[lang].path}"))
    if problems:
        raise SourceError(problems)


def check_same_places(glossary: Glossary, occurrences: dict) -> None:
    """Each entry appears in the same paragraphs in every language; the problem names those that differ."""
    places = {lang: appears_in(found) for lang, found in occurrences.items()}
    langs = list(places)
    problems = []
    for entry in glossary.entries:
        sets = {lang: set(places[lang].get(entry.id, ())) for lang in langs}
        first = langs[0]
        for lang in langs[1:]:
            if sets[lang] != sets[first]:
                only_a, only_b = sorted(sets[first] - sets[lang]), sorted(sets[lang] - sets[first])
                problems.append(Problem(glossary.path, entry.line, f"{entry.id}: appears in different paragraphs: "
                                        f"only in {first}: {', '.join(only_a) or 'none'}; "
                                        f"only in {lang}: {', '.join(only_b) or 'none'} "
                                        f"(add the missing wording to match_{first} or match_{lang})"))
    if problems:
        raise SourceError(problems)

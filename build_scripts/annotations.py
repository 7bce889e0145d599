"""Layers the editors write beside the text: article captions (条旨) and editorial notes.

``source/captions.yaml`` gives every article a short caption in every language.
``source/notes.<lang>.yaml`` attaches notes to places in that language's text: a chapter heading
(``chp_4``), an article (``art_25``) or a paragraph (``art_25__para_2``), optionally right after a
``phrase`` that must occur exactly once there. Both are checked against the text, with FILE:LINE errors.
"""
from __future__ import annotations

from pathlib import Path

from .errors import Problem, SourceError
from .model import EditorialNote, Regulation, parse_id
from .yaml_lines import LineDict, check_keys, items, kind, load, text_field



def load_captions(path, texts: dict[str, Regulation]) -> dict[int, dict[str, str]]:
    """article number -> language -> caption; every article exactly once, a caption in every language."""
    path = str(path)
    data = load(path)
    langs = tuple(texts)
    if not isinstance(data, LineDict):
        raise SourceError([Problem(path, 1, "expected one line per article: '25: {en: …, zh: …}', "
                                            f"found {kind(data)}")])
    articles = [a.num for a in next(iter(texts.values())).articles()]
    problems, captions = [], {}
    for key, value in data.items():
        line = data.line_of(key)
        if not isinstance(key, int) or isinstance(key, bool) or key not in articles:
            problems.append(Problem(path, line, f"expected an article number from {articles[0]} to {articles[-1]}, "
                                                f"found {key!r}"))
            continue
        if not isinstance(value, LineDict):
            problems.append(Problem(path, line, f"expected a caption for each of {', '.join(langs)} "
                                                f"({{{langs[0]}: …}}), found {value!r}"))
            continue
        value.line = line
        if check_keys(path, value, langs, [], problems, f"caption of article {key}"):
            texts_here = {lang: text_field(path, value, lang, problems) for lang in langs}
            if all(texts_here.values()):
                captions[key] = texts_here
    missing = [n for n in articles if n not in data]
    if missing:
        problems.append(Problem(path, data.line if data else 1,
                                f"expected a caption for every article, found none for {_list(missing)}"))
    if problems:
        raise SourceError(problems)
    return captions


def load_notes(path, regulation: Regulation) -> tuple[EditorialNote, ...]:
    """The notes on one language's text, numbered in text order."""
    path = str(path)
    data = load(path)
    if data is None:
        return ()
    if not isinstance(data, list):
        raise SourceError([Problem(path, 1, f"expected a list of notes (- at: …), found {kind(data)}")])
    problems, found = [], []
    order = _text_order(regulation)
    for line, entry in items(data):
        if not check_keys(path, entry, ["at", "text"], ["phrase"], problems, "note", line):
            continue
        target = text_field(path, entry, "at", problems)
        text = text_field(path, entry, "text", problems)
        phrase = entry.get("phrase")
        if phrase is not None and (not isinstance(phrase, str) or not phrase):
            problems.append(Problem(path, entry.line_of("phrase"), f"expected 'phrase' as a text, found {phrase!r}"))
            continue
        if target is None or text is None:
            continue
        where = _target_text(regulation, target)
        if where is None:
            problems.append(Problem(path, entry.line_of("at"), f"expected chp_N, art_N or art_N__para_M naming a place "
                                                               f"in {regulation.path}, found {target!r}"))
            continue
        if phrase is not None:
            count = where.count(phrase)
            if count != 1:
                problems.append(Problem(path, entry.line_of("phrase"),
                                        f"expected {phrase!r} exactly once in {target} of {regulation.path}, "
                                        f"found it {count} times"))
                continue
        place = _place(regulation, target, phrase)
        found.append((order[place], where.find(phrase) if phrase else len(where), target, phrase, place, text,
                      entry.line))
    if problems:
        raise SourceError(problems)
    found.sort(key=lambda n: (n[0], n[1]))
    return tuple(EditorialNote(lang=regulation.lang, num=i, target=target, phrase=phrase, place=place, text=text,
                               path=path, line=line)
                 for i, (_o, _p, target, phrase, place, text, line) in enumerate(found, 1))


def _place(regulation: Regulation, target: str, phrase: str | None) -> str:
    """A note on a whole article with a phrase stands in the paragraph that holds the phrase."""
    ref = parse_id(target)
    if ref.article and not ref.paragraph and phrase:
        return next(p.id for p in regulation.article(ref.article).paragraphs if phrase in p.text)
    return target


def _text_order(regulation: Regulation) -> dict[str, int]:
    order = {}
    for chapter in regulation.chapters:
        order[chapter.id] = len(order)
        for article in chapter.articles:
            order[article.id] = len(order)
            for paragraph in article.paragraphs:
                order[paragraph.id] = len(order)
    return order


def _target_text(regulation: Regulation, target: str) -> str | None:
    """The text a note may quote from: the chapter title, the whole article, or the paragraph."""
    ref = parse_id(target)
    if ref is None or ref.point is not None:
        return None
    chapter, article, paragraph = ref.chapter, ref.article, ref.paragraph
    if chapter is not None:
        return next((c.title for c in regulation.chapters if c.num == chapter), None)
    found = next((a for a in regulation.articles() if a.num == article), None)
    if found is None:
        return None
    if paragraph is None:
        return "\n".join(p.text for p in found.paragraphs)
    return found.paragraphs[paragraph - 1].text if 0 < paragraph <= len(found.paragraphs) else None


def _list(nums) -> str:
    return ", ".join(map(str, nums[:10])) + (" …" if len(nums) > 10 else "")


def notes_path(source_dir, lang: str) -> Path:
    return Path(source_dir) / f"notes.{lang}.yaml"

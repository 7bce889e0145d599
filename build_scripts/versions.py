"""How the versions of the act follow one another: which article became which, what each version changed,
and the differences between consecutive texts (by word where words are spaced, else by character).

An amending decision is followed by a republication of the whole text, often renumbered. Each version in
regulation.yaml lists the articles of the previous version that moved (``renumbered: {32: 31}``) or went
(``31: null``); every other article keeps its number. An article of a version that no earlier article
becomes was inserted by it.
"""
from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass

from .errors import Problem, SourceError
from .languages import PROFILES
from .model import Act, Article, Version

_WORD = re.compile(r"\s+|\w+|[^\w\s]")


def forward(previous: set[int], version: Version) -> dict[int, int | None]:
    """Previous version's article number -> this version's (None: deleted by this version)."""
    return {m: version.renumbered.get(m, m) for m in sorted(previous)}


def _numbers(texts: dict) -> set[int]:
    return {a.num for a in next(iter(texts.values())).articles()}


def check_lineage(meta, history: dict) -> None:
    """Every article of a version either continues in the next (same number, or as ``renumbered`` says) or is
    listed as deleted; ``renumbered`` names articles that exist; no article is two earlier ones."""
    problems = []
    for before, version in zip(meta.versions, meta.versions[1:]):
        old, new = _numbers(history[before.key]), _numbers(history[version.key])
        where = f"the version in force from {before.key}"
        for m, n in sorted(version.renumbered.items()):
            if m not in old:
                problems.append(Problem(meta.path, version.line, f"'renumbered' names Article {m}, which is not in "
                                                                 f"{where} (it has Articles 1–{max(old)})"))
            if n is not None and n not in new:
                problems.append(Problem(meta.path, version.line, f"'renumbered' makes Article {m} into Article {n}, "
                                        f"which is not in the version in force from {version.key}"))
        landed: dict[int, list[int]] = {}
        for m, n in forward(old, version).items():
            if n is None:
                continue
            if n not in new:
                problems.append(Problem(meta.path, version.line, f"Article {m} of {where} is not in the version in "
                                        f"force from {version.key}: expected it under 'renumbered' (null if deleted)"))
            landed.setdefault(n, []).append(m)
        for n, ms in sorted(landed.items()):
            if len(ms) > 1:
                problems.append(Problem(meta.path, version.line, f"Article {n} of the version in force from "
                                        f"{version.key} would be Articles {', '.join(map(str, ms))} of {where}: "
                                        f"expected the moved ones under 'renumbered'"))
    if problems:
        raise SourceError(problems)


@dataclass(frozen=True)
class Step:
    """One version in an article's history: its number there, its number in the version before, and what that
    version did to it (an empty ``changes`` means it was carried over as it was)."""
    version: Version
    num: int | None              # None: deleted by this version
    was: int | None              # None: new in this version (adopted or inserted)
    changes: frozenset[str]      # of "adopted", "inserted", "amended", "renumbered", "deleted"

    def changed(self) -> bool:
        return bool(self.changes - {"adopted"})


def _content(act: Act, version: Version, num: int):
    return tuple((p.text, tuple(i.text for i in p.points))
                 for reg in act.history[version.key].values() for p in reg.article(num).paragraphs)


def history(act: Act, version: Version, num: int) -> list[Step]:
    """The history of the article that is ``num`` in ``version``, through every version it appears in, and the
    one that deleted it, if any."""
    versions = act.meta.versions
    at = versions.index(version)
    maps = [None] + [forward(_numbers(act.history[b.key]), v) for b, v in zip(versions, versions[1:])]
    nums = {at: num}
    for i in range(at, 0, -1):               # back to where it came from
        earlier = next((m for m, n in maps[i].items() if n == nums[i]), None)
        if earlier is None:
            break
        nums[i - 1] = earlier
    for i in range(at + 1, len(versions)):   # on to where it went
        later = maps[i].get(nums[i - 1])
        if later is None:
            nums[i] = None
            break
        nums[i] = later
    steps = []
    for i in sorted(nums):
        n, was = nums[i], nums.get(i - 1)
        if n is None:
            changes = {"deleted"}
        elif i == 0:
            changes = {"adopted"}
        elif was is None:
            changes = {"inserted"}
        else:
            changes = set()
            if n != was:
                changes.add("renumbered")
            if _content(act, versions[i], n) != _content(act, versions[i - 1], was):
                changes.add("amended")
        steps.append(Step(versions[i], n, was, frozenset(changes)))
    return steps


def current_number(act: Act, version: Version, num: int) -> int | None:
    """The number today of the article that is ``num`` in ``version``; None when it was deleted."""
    last = history(act, version, num)[-1]
    return last.num if last.version == act.current else None


def until(act: Act, version: Version) -> datetime.date | None:
    """The last day ``version`` was in force (the day before the next took effect); None for the current one."""
    versions = act.meta.versions
    i = versions.index(version)
    return versions[i + 1].effective - datetime.timedelta(days=1) if i + 1 < len(versions) else None


def currency_parts(act: Act, lang: str) -> dict[str, str]:
    """The statement of which version ``act`` shows, in ``lang``, in sentences: ``version`` (in force from
    when; for an earlier version, that it is not current and until when it was in force), ``made`` (by which
    decision), for the current text ``checked`` (no later amendment known on the date last checked), and
    ``revision`` (which revision of the translations and editorial layers the site shows)."""
    language, v = PROFILES[lang], act.shown
    parts = {"version": language.w("currency", effective=language.date(v.effective)) if act.is_current else
             language.w("currency_old", effective=language.date(v.effective), until=language.date(until(act, v))),
             "made": language.w("currency_made", instrument=v.instrument[lang], adopted=language.date(v.adopted))}
    if act.is_current:
        parts["checked"] = language.w("currency_checked", checked=language.date(act.meta.checked))
    revision = act.meta.revision
    parts["revision"] = language.w("currency_revision", number=revision.number, date=language.date(revision.date))
    return parts


def revision_text(act: Act, lang: str) -> str:
    """Which revision of the translations and editorial layers the site shows, as a phrase in ``lang``."""
    language, revision = PROFILES[lang], act.meta.revision
    return language.w("cite_revision", number=revision.number, date=language.date(revision.date))


def currency(act: Act, lang: str) -> str:
    """The statement as one text (PDFs, exports)."""
    return PROFILES[lang].words["sentence_sep"].join(currency_parts(act, lang).values())


def summary(act: Act, version: Version) -> dict[str, list]:
    """What ``version`` did: article numbers amended, inserted and deleted, and (was, now) pairs renumbered."""
    versions = act.meta.versions
    i = versions.index(version)
    out = {"amended": [], "inserted": [], "deleted": [], "renumbered": []}
    if i == 0:
        return out
    before = versions[i - 1]
    old, new = _numbers(act.history[before.key]), _numbers(act.history[version.key])
    moves = forward(old, version)
    for m, n in moves.items():
        if n is None:
            out["deleted"].append(m)
            continue
        if n != m:
            out["renumbered"].append((m, n))
        if _content(act, version, n) != _content(act, before, m):
            out["amended"].append(n)
    out["inserted"] = sorted(new - {n for n in moves.values() if n is not None})
    return out


# --- differences ---------------------------------------------------------------------------------------

def _tokens(text: str, spaced: bool) -> list[str]:
    return _WORD.findall(text) if spaced else list(text)


def diff_text(old: str, new: str, spaced: bool) -> list[tuple[str, str]]:
    """(kind, text) pieces, kind "same", "del" or "ins": words where words are spaced, else characters."""
    a, b = _tokens(old, spaced), _tokens(new, spaced)
    out: list[tuple[str, str]] = []

    def add(kind, tokens):
        text = "".join(tokens)
        if not text:
            return
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + text)
        else:
            out.append((kind, text))
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("same", a[i1:i2])
        else:
            add("del", a[i1:i2])
            add("ins", b[j1:j2])
    return out


def diff_lines(old: list[str], new: list[str], spaced: bool) -> list[list[tuple[str, str]]]:
    """Two articles as lines (paragraphs and items) -> one list of pieces per line shown: kept lines as they
    are, changed lines compared within, removed and added lines whole."""
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [[("same", line)] for line in old[i1:i2]]
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        out += [diff_text(a, b, spaced) for a, b in zip(old[i1:i1 + pairs], new[j1:j1 + pairs])]
        out += [[("del", line)] for line in old[i1 + pairs:i2]]
        out += [[("ins", line)] for line in new[j1 + pairs:j2]]
    return out


def article_lines(article: Article, point_label) -> list[str]:
    """An article's paragraphs and items, one line each, items with their labels: what a change view compares."""
    lines = []
    for p in article.paragraphs:
        lines.append(p.text)
        lines += [point_label(i.num) + i.text for i in p.points]
    return lines

"""YAML that remembers where each mapping started, so errors can name the line."""
from __future__ import annotations

import yaml

from .errors import Problem, SourceError


class LineDict(dict):
    """A mapping from the YAML file, with ``line`` (1-based) of its first key and ``key_lines``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 0
        self.key_lines: dict = {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence from the YAML file, with the ``line`` it starts on and ``item_lines`` of its items."""
    line = 0
    item_lines: tuple = ()


def items(seq):
    """(line, item) for each item of a list from the YAML file; the line of a scalar item too."""
    lines = getattr(seq, "item_lines", ())
    for i, item in enumerate(seq):
        yield (lines[i] if i < len(lines) else getattr(seq, "line", 1)), item


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):    # libyaml when the wheel has it
    pass


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise SourceError([Problem(loader.name, key_node.start_mark.line + 1,
                                       f"key {key!r} appears twice in the same entry")])
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader, node):
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = tuple(child.start_mark.line + 1 for child in node.value)
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay strings: the model decides how to read them.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load(path):
    path = str(path)
    try:
        with open(path, encoding="utf-8") as f:
            loader = _Loader(f)
            loader.name = path
            try:
                return loader.get_single_data()
            finally:
                loader.dispose()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise SourceError([Problem(path, (mark.line + 1) if mark else 1,
                                   f"cannot read the YAML: {e.problem or e.context}")]) from None
    except UnicodeDecodeError as e:
        raise SourceError([Problem(path, 1, f"expected UTF-8 text: {e.reason}")]) from None


def kind(value) -> str:
    """What a YAML value is, in words: for 'expected a mapping, found a list'."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "nothing" if value is None else repr(value)


def check_keys(path, entry, required, optional, problems, what="entry", line=None):
    """Unknown and missing keys of one mapping, as problems at their lines; True when there were none.
    ``line``: where the value stands, for the problem when it is not a mapping at all (a scalar has no line)."""
    if not isinstance(entry, dict):
        problems.append(Problem(path, line or getattr(entry, "line", 1),
                                f"expected a mapping for this {what}, found {kind(entry)}"))
        return False
    before = len(problems)
    lines = getattr(entry, "key_lines", {})
    allowed = set(required) | set(optional)
    for key in entry:
        if key not in allowed:
            problems.append(Problem(path, lines.get(key, entry.line),
                                    f"unknown key {key!r} in {what}: expected one of {', '.join(sorted(allowed))}"))
    for key in required:
        if key not in entry or entry[key] in (None, "", [], {}):
            problems.append(Problem(path, getattr(entry, "line", 1), f"{what} is missing {key!r}"))
    return len(problems) == before


# --- typed fields: each returns the value, or None after adding a problem at the key's line --------

def _where(entry, key) -> int:
    return entry.line_of(key) if isinstance(entry, LineDict) else getattr(entry, "line", 1)


def text_field(path, entry, key, problems, optional=False):
    value = entry.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(path, _where(entry, key), f"expected {key!r} as a non-empty text, found {value!r}"))
        return None
    return value.strip()


def texts_field(path, entry, key, langs, problems, optional=False):
    """A mapping with a non-empty text for each language code in ``langs``: {en: …, zh: …}."""
    value = entry.get(key)
    if value is None and optional:
        return None
    return texts_value(path, _where(entry, key), repr(key), value, langs, problems)


def texts_value(path, line, what, value, langs, problems):
    """``value`` as {en: …, zh: …} with a non-empty text for each language; None after adding a problem."""
    if (not isinstance(value, dict) or set(value) != set(langs)
            or any(not isinstance(value[lang], str) or not value[lang].strip() for lang in langs)):
        problems.append(Problem(path, line, f"expected {what} with a non-empty text for each of "
                                            f"{', '.join(langs)} (and nothing else), found {value!r}"))
        return None
    return {lang: value[lang].strip() for lang in langs}


def list_field(path, entry, key, problems):
    """A list of non-empty texts; absent means empty."""
    value = entry.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
        problems.append(Problem(path, _where(entry, key), f"expected {key!r} as a list of texts "
                                                          f"(- item per line, or [a, b]), found {value!r}"))
        return ()
    return tuple(s.strip() for s in value)


def int_field(path, entry, key, problems, optional=False):
    value = entry.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        problems.append(Problem(path, _where(entry, key), f"expected {key!r} as a positive whole number, found {value!r}"))
        return None
    return value


def number_field(path, entry, key, problems, low, high):
    value = entry.get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high:
        problems.append(Problem(path, _where(entry, key), f"expected {key!r} as a number from {low} to {high}, "
                                                          f"found {value!r}"))
        return None
    return float(value)


def bool_field(path, entry, key, problems):
    value = entry.get(key, False)
    if not isinstance(value, bool):
        problems.append(Problem(path, _where(entry, key), f"expected {key!r} as true or false, found {value!r}"))
        return False
    return value


def date_field(path, entry, key, problems):
    import datetime
    try:
        return datetime.date.fromisoformat(str(entry.get(key)))
    except ValueError:
        problems.append(Problem(path, _where(entry, key), f"expected {key!r} as a date YYYY-MM-DD, found {entry.get(key)!r}"))
        return None

"""YAML that remembers where each mapping started, so errors can name the line."""
from __future__ import annotations

import yaml

from .errors import Problem, SourceError


class LineDict(dict):
    """A mapping from the YAML file, with ``line`` (1-based) of its first key and ``key_lines``."""
    line = 0
    key_lines: dict = {}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):    # libyaml when the wheel has it
    pass


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise SourceError([Problem(loader.name, key_node.start_mark.line + 1,
                                       f"key {key!r} appears twice in the same entry")])
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
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


def check_keys(path, entry, required, optional, problems, what="entry"):
    """Unknown and missing keys of one mapping, as problems at their lines; True when there were none."""
    if not isinstance(entry, dict):
        problems.append(Problem(path, getattr(entry, "line", 1),
                                f"expected a mapping for this {what}, found {type(entry).__name__}"))
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

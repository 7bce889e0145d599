"""Jinja2 templates (build_scripts/templates/) with autoescaping: the only way markup is made.

Text from source/ is escaped where a template prints it; ``md`` additionally keeps a text literal inside
a Markdown heading. Nothing is patched after rendering.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

FOLDER = Path(__file__).with_name("templates")
# Python-Markdown's backslash escapes: only these characters may be escaped (others would show the "\").
_MD_SPECIAL = re.compile("([" + re.escape("".join(markdown.Markdown().ESCAPED_CHARS)) + "])")


def md(text: str) -> Markup:
    """Text safe inside a Markdown heading: HTML-escaped, Markdown's own characters backslash-escaped."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(text))))


def toc_label(text: str) -> Markup:
    """Text for a quoted attribute in a Markdown attribute list (the contents' label of a heading)."""
    return Markup(str(text).replace("\\", "").replace('"', "'").replace("{", "(").replace("}", ")"))


def yaml_value(value) -> Markup:
    """A front matter value: JSON is valid YAML and escapes everything that needs it."""
    return Markup(json.dumps(value, ensure_ascii=False))


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(FOLDER), autoescape=True, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, undefined=StrictUndefined,
                      # "{#" starts attribute lists in Markdown ({#art_25}); Jinja comments are "{##  ##}".
                      comment_start_string="{##", comment_end_string="##}")
    env.filters["md"] = md
    env.filters["yaml"] = yaml_value
    env.filters["toc_label"] = toc_label
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)

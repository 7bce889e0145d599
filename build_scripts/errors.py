"""Errors for people: the file, the line, what was expected, what was found."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class SourceError(Exception):
    """One or more problems in the source files; str() gives one ``FILE:LINE: message`` per line."""

    def __init__(self, problems):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def shorten(text: str, limit: int = 60) -> str:
    """A found text quoted for an error message, cut to a readable length."""
    return repr(text if len(text) <= limit else text[:limit] + "…")

"""What a run cost: one line per expensive step (a site build, a MkDocs run, a PDF rendered or reused from the
cache, a page loaded by the tests' browser), appended to the file named by RUN_LOG when it is set. The tests
read it to see that a rebuild reused a PDF; anyone can count a test run's builds and page loads with it."""
from __future__ import annotations

import os


def note(event: str, detail: object = "") -> None:
    path = os.environ.get("RUN_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as f:       # one short write per line: whole lines, any process
            f.write(f"{event} {detail}\n")

"""`make test-mutants`: the suite proves it can fail. Each mutant is one small, deliberate breakage of the code;
it is applied to a copy of the repository (the working tree is never touched), the test files that should
catch it run there, and the report lists the tests that failed. A mutant no test catches is a hole in the suite.

    python tests/mutants.py            # every mutant
    python tests/mutants.py offline    # the mutants whose name contains "offline"
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# name: (file, the exact text, what it becomes, the test files to run)
MUTANTS = {
    "parser accepts a gap of one article": (
        "build_scripts/parse.py", "        elif num > expected:\n", "        elif num > expected + 1:\n",
        ["tests/test_parse.py", "tests/test_hostile.py"]),
    "chapter template loses the chapter's id": (
        "build_scripts/templates/chapter.md.j2", "{#{{ chapter.id }}}", "{#chapter}", ["tests/test_markdown.py"]),
    "PDF has no article bookmarks": (
        "build_scripts/pdf.css", ".article { bookmark-level: 2;", ".article { bookmark-level: none;",
        ["tests/test_pdf.py"]),
    "context line lets the landed article go at once": (
        "overrides/assets/reader.js", "if (landed && !byHand) return showArticle(landed);",
        "if (landed && byHand) return showArticle(landed);", ["tests/test_reader.py"]),
    "offline copy without the search shim": (
        "build_scripts/site_mkdocs.py", """page.replace(head, head, f'  <script src="{shim}"></script>\\n  ')""",
        "pass", ["tests/test_offline.py"]),
}
SKIP = {".git", ".venv", "node_modules", "site", "docs", ".build", "site.new", "site.old", "__pycache__"}


def run(name: str, file: str, old: str, new: str, tests: list[str]) -> list[str]:
    """The tests that fail with the mutant in place (in a copy of the repository)."""
    with tempfile.TemporaryDirectory(prefix="mutant-") as tmp:
        copy = Path(tmp) / "repo"
        shutil.copytree(ROOT, copy, ignore=lambda here, names: [n for n in names if n in SKIP])
        (copy / "node_modules").symlink_to(ROOT / "node_modules")
        path = copy / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{name}: the text to change is not once in {file}; update the mutant"
        path.write_text(text.replace(old, new), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rf", *tests],
                                cwd=copy, capture_output=True, text=True, timeout=1800,
                                env={**os.environ, "BUILD_CACHE": str(Path(tmp) / "cache")})
        return sorted(set(re.findall(r"^FAILED (.+?)(?: - .*)?$", result.stdout, re.M)))


def main(argv: list[str]) -> int:
    chosen = {name: m for name, m in MUTANTS.items() if not argv or any(a in name for a in argv)}
    survivors = []
    for name, (file, old, new, tests) in chosen.items():
        started = time.perf_counter()
        failed = run(name, file, old, new, tests)
        print(f"{name} ({file}): {len(failed)} failing test(s) in {time.perf_counter() - started:.0f} s", flush=True)
        for test in failed:
            print(f"    {test}", flush=True)
        if not failed:
            survivors.append(name)
    if survivors:
        print("caught by no test: " + ", ".join(survivors))
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

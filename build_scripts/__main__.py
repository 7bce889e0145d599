"""Command line: check, generate, build. Each stage is a command; ``build`` only chains them."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from .errors import SourceError


def cmd_check(args) -> int:
    from .meta import load_metadata
    from .parse import parse
    from .validate import check_alignment

    files = args.files or [str(p) for p in sorted(Path(args.source).glob("regulation.*.txt"))]
    problems, parsed = [], {}
    for path in files:
        try:
            parsed[path] = parse(path)
        except SourceError as e:
            problems.extend(e.problems)
    by_lang = {}
    for reg in parsed.values():
        by_lang.setdefault(reg.lang, reg)
    if not problems and {"en", "zh"} <= set(by_lang):
        meta_path = Path(files[0]).parent / "regulation.yaml"
        try:
            if meta_path.exists():
                from .validate import apply_corrections
                meta = load_metadata(meta_path)
                by_lang = {lang: apply_corrections(reg, meta) for lang, reg in by_lang.items()}
            check_alignment(by_lang["en"], by_lang["zh"])
        except SourceError as e:
            problems.extend(e.problems)
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        return 1
    if args.json:
        from .export import regulation_json
        out = [regulation_json(reg) for reg in parsed.values()]
        try:
            print(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=2))
        except BrokenPipeError:       # e.g. piped into head
            sys.stderr.close()
    else:
        for reg in parsed.values():
            print(reg.summary())
    return 0


def cmd_generate(args) -> int:
    from .build import generate

    _act, count = generate(args.source, args.docs)
    print(f"{args.docs}: {count} pages generated")
    return 0


def cmd_build(args) -> int:
    """source/ -> docs/ -> a new site in a temporary folder -> swapped in for site/ only when all succeeded."""
    from .build import build_site, generate

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    started = time.perf_counter()
    act, _count = generate(args.source, args.docs)
    build_site(act, args.docs, args.site, args.config, args.offline_config)
    print(f"{args.site}: built in {time.perf_counter() - started:.2f} s")
    return 0


def cmd_urls(args) -> int:
    from .build import published_urls

    print("# Every published URL and anchor. Tests fail if one stops resolving; add, never remove.")
    print("# Regenerate after adding pages: python -m build_scripts urls site > tests/published-urls.txt")
    for line in published_urls(args.site):
        print(line)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="validate source text files; print a summary or FILE:LINE: errors")
    p.add_argument("files", nargs="*", help="regulation.<lang>.txt files (default: all in --source)")
    p.add_argument("--json", action="store_true", help="print the parsed model as JSON")
    p.add_argument("--source", default="source")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("generate", help="write the Markdown pages from source/ into docs/")
    p.add_argument("--source", default="source")
    p.add_argument("--docs", default="docs")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("build", help="generate, then build the site; site/ is replaced only on success")
    p.add_argument("--source", default="source")
    p.add_argument("--docs", default="docs")
    p.add_argument("--site", default="site")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--offline-config", default="mkdocs-offline.yml")
    p.set_defaults(func=cmd_build)

    for name, module, text in (("pdf", "pdf", "write the three PDF editions into a folder"),
                               ("export", "export", "write regulation.json and the Akoma Ntoso XML files")):
        p = sub.add_parser(name, help=text, add_help=False)     # its own options: see `NAME --help`
        p.set_defaults(func=lambda args, module=module: __import__(
            f"build_scripts.{module}", fromlist=["main"]).main(args.rest), passes_options=True)

    p = sub.add_parser("urls", help="list every page and anchor of a built site (for tests/published-urls.txt)")
    p.add_argument("site", nargs="?", default="site")
    p.set_defaults(func=cmd_urls)

    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "passes_options", False):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    try:
        return args.func(args)
    except SourceError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

"""Command line: check, generate, pdf, export, build, publish. Each stage is a command; ``build`` chains them.
Developer tools (bench, audit, the list of published URLs) are in tools/."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from .errors import SourceError


def cmd_check(args) -> int:
    """Without files: every source file, exactly as the build reads them. With files: those text files
    (and, given files of several languages beside a regulation.yaml, their alignment)."""
    from .load import load_act
    from .parse import parse

    if not args.files:
        from .page_links import check_page_links
        from .pages import render
        act = load_act(args.source)
        check_page_links(act, render(act))      # what MkDocs' strict mode would stop the build on
        regs = list(act.texts.values())
    else:
        problems, regs = [], []
        for path in args.files:
            try:
                regs.append(parse(path))
            except SourceError as e:
                problems.extend(e.problems)
        if problems:
            raise SourceError(problems)
        by_lang = {reg.lang: reg for reg in regs}
        meta_path = Path(args.files[0]).parent / "regulation.yaml"
        if len(by_lang) > 1:
            from .validate import apply_corrections, check_alignment
            if meta_path.exists():
                from .meta import load_metadata
                meta = load_metadata(meta_path)
                by_lang = {lang: apply_corrections(reg, meta) for lang, reg in by_lang.items()}
            first, *others = by_lang.values()
            for other in others:
                check_alignment(first, other)
    if args.json:
        from .export import regulation_json
        out = [regulation_json(reg) for reg in regs]
        try:
            print(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=2))
        except BrokenPipeError:       # e.g. piped into head
            sys.stderr.close()
    else:
        for reg in regs:
            print(reg.summary())
    return 0


def cmd_generate(args) -> int:
    from .build import generate

    _act, count = generate(args.source, args.docs)
    print(f"{args.docs}: {count} pages generated")
    return 0


def cmd_build(args) -> int:
    """source/ -> docs/ -> a new site in a temporary folder -> swapped in for site/ only when all succeeded."""
    from .build import build_site
    from .load import load_act
    from .site_mkdocs import BuildFailed

    started = time.perf_counter()
    act = load_act(args.source)
    try:
        build_site(act, args.docs, args.site, args.config)
    except BuildFailed as e:
        print(e, file=sys.stderr)
        return 1
    print(f"{args.site}: built in {time.perf_counter() - started:.2f} s")
    return 0


def cmd_publish(args) -> int:
    """Build for SITE_URL (unless --no-build), then publish site/ to PUBLISH_DIR or the gh-pages branch."""
    from .publish import PublishError, publish, site_url

    try:
        url = site_url()
        if not args.no_build and cmd_build(args):
            return 1
        where = publish(args.site, url, args.dir or os.environ.get("PUBLISH_DIR"),
                        push=os.environ.get("PUBLISH_PUSH", "1") != "0")
    except PublishError as e:
        print(f"publish: {e}", file=sys.stderr)
        return 1
    print(f"{args.site}: published for {url} to {where}")
    return 0


def cmd_pdf(args) -> int:
    from .build import build_moment
    from .load import load_act
    from .pdf import build_pdfs
    from .site_mkdocs import configured_site_url

    started = time.perf_counter()
    act = load_act(args.source)
    for path in build_pdfs(act, args.out, build_moment(act), configured_site_url(args.config),
                           parallel=not args.serial):
        print(f"{path}: {path.stat().st_size // 1024} KB")
    print(f"built in {time.perf_counter() - started:.2f} s")
    return 0


def cmd_export(args) -> int:
    from .build import build_moment
    from .export import write_exports
    from .load import load_act

    act = load_act(args.source)
    for path in write_exports(act, args.out, build_moment(act)):
        print(f"{path}: {path.stat().st_size} bytes")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="validate every source file (or the given text files); "
                                     "print a summary or FILE:LINE: errors")
    p.add_argument("files", nargs="*", help="regulation.<lang>.txt files (default: everything in --source)")
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
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("publish", help="build for SITE_URL, then publish site/ (with .gz copies and _headers) "
                                       "to PUBLISH_DIR or the gh-pages branch")
    p.add_argument("--source", default="source")
    p.add_argument("--docs", default="docs")
    p.add_argument("--site", default="site")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--dir", help="publish into this folder (default: $PUBLISH_DIR, else the gh-pages branch)")
    p.add_argument("--no-build", action="store_true", help="publish site/ as it is (built for SITE_URL)")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("pdf", help="write the PDF editions into a folder")
    p.add_argument("--source", default="source")
    p.add_argument("--out", required=True, help="folder for the PDF files")
    p.add_argument("--serial", action="store_true", help="one process instead of two")
    p.add_argument("--config", default="mkdocs.yml", help="where the site's address (site_url) is configured")
    p.set_defaults(func=cmd_pdf)

    p = sub.add_parser("export", help="write regulation.json and the Akoma Ntoso XML files into a folder")
    p.add_argument("--source", default="source")
    p.add_argument("--out", required=True, help="folder to write the files into")
    p.set_defaults(func=cmd_export)

    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except SourceError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

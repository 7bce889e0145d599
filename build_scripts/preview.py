"""`make preview`: build once, serve the site on 127.0.0.1, and after every save in source/ rebuild and reload
the open page: the pages first (load source/, write docs/, MkDocs, the pages' finishing pass), then the PDFs,
exports and offline copy in the background (a full build, swapped in when it is done).

A mistake in source/ is printed as FILE:LINE: message and shown in a banner at the top of every served page;
the last good pages stay served until the source is right again. MkDocs' own live-reload server does the
serving, watching and reloading (mkdocs.livereload.LiveReloadServer, on watchdog).
"""
from __future__ import annotations

import argparse
import html
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from .errors import SourceError

ROOT = Path(__file__).resolve().parent.parent
BANNER_ID = "preview-error"


class Preview:
    """The folders of one preview and the last error (None when the last build succeeded)."""

    def __init__(self, source, work, config, full: bool = True):
        self.source, self.work, self.config, self.full = Path(source), Path(work), Path(config), full
        self.site = self.work / "site"
        self.error: str | None = None
        self.background: subprocess.Popen | None = None
        self.lock = threading.Lock()
        self.edited: dict = {}          # the last pages' edits, for the pages MkDocs writes again unchanged

    def pages(self) -> None:
        """The pages only, from source/ into site/; the PDFs and the offline copy stay as the last full
        build left them. Never raises: a mistake is kept in ``error`` and printed."""
        from .build import download_sizes, write_docs
        from .feeds import write_feeds
        from .links import Links
        from .load import load_act
        from .site_mkdocs import BuildFailed, configured_site_url, mkdocs_build, post_build

        started = time.perf_counter()
        self.stop_background()
        staging = self.work / "pages.new"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            act = load_act(self.source)
            sizes = download_sizes(self.site / "downloads")     # the last full build's files, whose sizes pages show
            write_docs(act, self.work / "docs", Links(configured_site_url(self.config) or "/", sizes=sizes))
            site_url = mkdocs_build(self.config, self.work / "docs", staging, act)
            write_feeds(staging, act, site_url)
            if (self.site / "downloads").exists():       # the last full build's files, not its downloads
                shutil.copytree(self.site / "downloads", staging / "downloads",     # page: that is made afresh
                                dirs_exist_ok=True, ignore=shutil.ignore_patterns("index.html"))
            post_build(staging, act, site_url, offline=False, reuse=self.edited)
        except (SourceError, BuildFailed) as e:
            shutil.rmtree(staging, ignore_errors=True)
            self.error = "\n".join(map(str, e.problems)) if isinstance(e, SourceError) else str(e)
            print(self.error, file=sys.stderr, flush=True)
            return
        self.error = None
        self.swap(staging)
        print(f"pages rebuilt in {time.perf_counter() - started:.2f} s", file=sys.stderr, flush=True)
        if self.full:
            self.start_background()

    def swap(self, staging: Path) -> None:
        with self.lock:
            old = self.work / "site.old"
            shutil.rmtree(old, ignore_errors=True)
            if self.site.exists():
                self.site.rename(old)
            staging.rename(self.site)
            shutil.rmtree(old, ignore_errors=True)

    def start_background(self) -> None:
        """The full build (PDFs from the cache when unchanged, exports, offline copy) into a folder of its
        own, swapped in when it succeeds; a newer save stops it first."""
        command = [sys.executable, "-m", "build_scripts", "build", "--source", str(self.source),
                   "--docs", str(self.work / "docs-full"), "--site", str(self.work / "full"),
                   "--config", str(self.config)]
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, start_new_session=True)
        self.background = process

        def finish():
            if process.wait() == 0 and self.background is process:
                self.swap(self.work / "full")
                print("PDFs, downloads and offline copy updated", file=sys.stderr, flush=True)
        threading.Thread(target=finish, daemon=True).start()

    def stop_background(self) -> None:
        if self.background and self.background.poll() is None:
            os.killpg(self.background.pid, 15)
            self.background.wait()
        self.background = None

    def banner(self, app):
        """A WSGI middleware: while ``error`` is set, every HTML page served starts with it."""
        def serve(environ, start_response):
            if not self.error:
                return app(environ, start_response)
            captured = {}

            def capture(status, headers, exc_info=None):
                captured.update(status=status, headers=headers)
            body = b"".join(app(environ, capture))
            headers = captured["headers"]
            if any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers):
                note = (f'<div id="{BANNER_ID}" role="alert" style="position:sticky;top:0;z-index:1000;margin:0;'
                        'padding:1em;background:#b00020;color:#fff;font:1rem/1.4 monospace;white-space:pre-wrap">'
                        f'{html.escape(self.error)}</div>').encode()
                at = body.find(b">", body.find(b"<body")) + 1
                body = body[:at] + note + body[at:]
                headers = [(k, str(len(body)) if k.lower() == "content-length" else v) for k, v in headers]
            start_response(captured["status"], headers)
            return [body]
        return serve


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.preview", description=__doc__)
    parser.add_argument("--source", default="source")
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--work", default=".build/preview", help="folder for docs/ and the served site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--pages-only", action="store_true", help="no PDFs, exports or offline copy (quicker)")
    args = parser.parse_args(argv)
    from mkdocs.livereload import LiveReloadServer

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    preview = Preview(args.source, args.work, args.config, full=not args.pages_only)
    preview.work.mkdir(parents=True, exist_ok=True)
    from .__main__ import main as build
    if not preview.full or build(["build", "--source", str(preview.source), "--docs", str(preview.work / "docs-full"),
                                  "--site", str(preview.site), "--config", str(preview.config)]):
        full, preview.full = preview.full, False
        preview.pages()          # the pages only, or the mistake that stopped the whole build
        preview.full = full
    preview.site.mkdir(parents=True, exist_ok=True)
    server = LiveReloadServer(builder=preview.pages, host="127.0.0.1", port=args.port, root=str(preview.site),
                              polling_interval=0.1)
    server.set_app(preview.banner(server.serve_request))
    server.watch(str(preview.source))
    print(f"Serving {preview.site} on http://127.0.0.1:{args.port}/ and rebuilding on every save in "
          f"{preview.source} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop_background()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Lighthouse scores of the home page and a chapter page in both languages: ``make audit``.

Builds a copy of the site whose SITE_URL is the local server's address (so canonical and hreflang
links point at the pages being audited), serves it on 127.0.0.1 with gzip like a typical static host,
and runs Lighthouse (mobile, its default) with Debian's Chromium on each page. Prints the scores, and
what fails, and exits 1 when a page misses a target. Full reports go to .audit/reports/.

    python -m tools.audit                 # build a copy and audit it
    python -m tools.audit --site site     # audit an existing build as it is
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "audit" / "node_modules" / ".bin" / "lighthouse"     # npm ci --prefix audit
REPORTS = ROOT / ".audit" / "reports"
PAGES = ["/", "/chapter-4/", "/zh/", "/zh/chapter-4/"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
SHOW = 4                # failing items printed per audit
COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class Handler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser asks (as GitHub Pages, Netlify and nginx do), no log lines."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.name.endswith(COMPRESS)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()      # also redirects /dir to /dir/ and answers 404
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def score(report: dict, category: str) -> int:
    return round((report["categories"][category]["score"] or 0) * 100)


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run; writes out.report.json and out.report.html, returns the JSON."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output=html",
                    f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}",
                    "--only-categories=" + ",".join(TARGETS)], env=env, check=True)
    return json.loads(out.with_name(out.name + ".report.json").read_text(encoding="utf-8"))


def item_lines(item: dict) -> list[str]:
    """The useful part of one failing item: an element's selector and snippet, or a URL."""
    nodes = [v for v in item.values() if isinstance(v, dict) and v.get("type") == "node"]
    if nodes:
        lines = []
        for node in nodes:
            lines.append(f"{node.get('selector', '')}  {node.get('snippet', '')}")
            why = node.get("explanation", "").replace("Fix any of the following:", "").strip()
            lines += [f"    {line.strip()}" for line in why.splitlines() if line.strip()]
        return lines
    location = item.get("sourceLocation") or {}
    url = item.get("url") or location.get("url") or item.get("source", "")
    extra = item.get("description") or item.get("wastedBytes") or item.get("wastedMs") or ""
    if isinstance(extra, (int, float)):
        extra = f"{extra / 1024:.0f} KiB" if "wastedBytes" in item else f"{extra:.0f} ms"
    return [f"{url}  {extra}".strip()]


def failures(report: dict) -> list[str]:
    """Every audit that does not pass in accessibility, best practices and SEO; for performance
    the metrics and the five largest opportunities."""
    audits, lines = report["audits"], []
    for name, category in report["categories"].items():
        refs = [audits[ref["id"]] for ref in category["auditRefs"]]
        if name == "performance":
            lines += [f"  [performance] metric {a['id']}: {a.get('displayValue', '')} (score {a['score']})"
                      for a in refs if a["id"] in ("first-contentful-paint", "largest-contentful-paint",
                                                   "total-blocking-time", "cumulative-layout-shift",
                                                   "speed-index") and (a["score"] or 0) < 0.9]
            saving = lambda a: max((a.get("metricSavings") or {}).values(), default=0) or 0
            refs = sorted((a for a in refs if (a.get("details") or {}).get("type") == "opportunity"),
                          key=saving, reverse=True)[:5]
        failed = [a for a in refs if a["scoreDisplayMode"] == "error" or a["score"] is not None
                  and a["score"] < 1 and a["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")]
        for a in failed:
            value = a.get("displayValue") or a.get("explanation") or a.get("errorMessage") or ""
            lines.append(f"  [{name}] {a['id']}: {a['title']}" + (f" ({value})" if value else ""))
            items = (a.get("details") or {}).get("items", [])
            for item in items[:SHOW]:
                lines += [f"      {line}" for line in item_lines(item)]
            if len(items) > SHOW:
                lines.append(f"      ... and {len(items) - SHOW} more (see the HTML report)")
    return lines


LINKCHECK_CONFIG = """[checking]
threads=8
[filtering]
checkextern=0
[AnchorCheck]
"""


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass        # crawlers drop connections mid-response; that is not a finding


def linkcheck(origin: str, tmp: str) -> int:
    """LinkChecker, an independent crawler, over the served site: internal links and anchors.
    (Anchors on /art/N/ permalinks are carried over by a redirect, which LinkChecker reports as a
    warning, not an error.)"""
    config = Path(tmp) / "linkcheckerrc"
    config.write_text(LINKCHECK_CONFIG)
    result = subprocess.run([str(Path(sys.executable).with_name("linkchecker")), "-f", str(config),
                             "--no-status", "--no-warnings", "-o", "text", origin + "/"],
                            capture_output=True, text=True)
    print("\n".join(result.stdout.strip().splitlines()[-4:]))
    return result.returncode


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.audit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", help="audit this built site as it is (default: build a copy)")
    parser.add_argument("--no-links", dest="links", action="store_false",
                        help="skip the LinkChecker crawl (it takes a few minutes)")
    parser.add_argument("--runs", type=int, default=3,
                        help="Lighthouse runs per page; the run with the median performance score counts")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE}: missing; 'make audit' installs it", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="audit-") as tmp:
        site = Path(tmp) / "site"
        server = QuietServer(("127.0.0.1", 0), partial(Handler, directory=str(site)))
        origin = f"http://127.0.0.1:{server.server_address[1]}"     # the free port decides SITE_URL
        if args.site:
            shutil.copytree(args.site, site)       # a stable copy, should the site be rebuilt meanwhile
        else:
            subprocess.run([sys.executable, "-m", "build_scripts", "build", "--site", str(site),
                            "--docs", str(Path(tmp) / "docs")], cwd=ROOT, check=True,
                           env={**os.environ, "SITE_URL": origin + "/"}, stdout=subprocess.DEVNULL)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        REPORTS.mkdir(parents=True, exist_ok=True)
        for old in REPORTS.glob("*.report.*"):
            old.unlink()
        rows, details = [], []
        try:
            for page in PAGES:
                name = page.strip("/").replace("/", "-") or "home"
                outs = [REPORTS / f"{name}-{i + 1}" for i in range(args.runs)]
                runs = sorted(((lighthouse(origin + page, out), out) for out in outs),
                              key=lambda run: score(run[0], "performance"))
                report, out = runs[len(runs) // 2]
                rows.append((page, {k: score(report, k) for k in TARGETS}))
                spread = ", ".join(str(score(r, "performance")) for r, _ in runs)
                details.append(f"{page}  (performance in {len(runs)} runs: {spread}; "
                               f"this is {out.name}.report.html)")
                details += failures(report) or ["  nothing fails"]
            links_broken = args.links and linkcheck(origin, tmp) != 0
        finally:
            server.shutdown()

    print(f"{'page':<16}" + "".join(f"{k:>16}" for k in TARGETS))
    print(f"{'target':<16}" + "".join(f"{('>= ' if v < 100 else '') + str(v):>16}" for v in TARGETS.values()))
    missed = False
    for page, scores in rows:
        marks = [f"{v}{'' if v >= TARGETS[k] else ' !'}" for k, v in scores.items()]
        missed |= any(v < TARGETS[k] for k, v in scores.items())
        print(f"{page:<16}" + "".join(f"{m:>16}" for m in marks))
    print("\n" + "\n".join(details))
    print(f"\nReports: {REPORTS}/*.report.html")
    if missed:
        print("Some pages miss the targets (marked !).", file=sys.stderr)
    if links_broken:
        print("LinkChecker found broken links or anchors.", file=sys.stderr)
    return 1 if missed or links_broken else 0


if __name__ == "__main__":
    sys.exit(main())

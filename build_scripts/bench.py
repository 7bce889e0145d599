"""`make bench`: how long the build takes and how big its outputs are, as one table. A report, not a test.

Everything is built in a temporary folder; docs/ and site/ are left alone. The scale rows build a
synthetic act made of the real one repeated (5x and 20x: 45 and 180 chapters, 365 and 1,460 articles,
renumbered throughout), with a temporary MkDocs config that inherits mkdocs.yml and lists its chapters.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import yaml

from .numerals import to_chinese, to_roman
from .parse import GRAMMARS

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
PY = sys.executable
KB = 1024
SCALES = (5, 20)

# Targets: seconds or bytes.
GENERATE_S, BUILD_S, PDFS_S = 0.2, 3.0, 4.0
PDF_BYTES, PAGE_BYTES = 600 * KB, 200 * KB


# --- measuring ---------------------------------------------------------------------------------------

def run(*args) -> float:
    """Wall time of ``python -m build_scripts ARGS`` run from the repository."""
    started = time.perf_counter()
    done = subprocess.run([PY, "-m", "build_scripts", *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"bench: build_scripts {' '.join(map(str, args))} failed:\n{done.stderr}")
    return elapsed


def median_time(fn, runs=3, warmup=1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def folder_bytes(folder: Path, skip: str | None = None) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not (skip and p.relative_to(folder).parts[0] == skip))


class _Assets(HTMLParser):
    """The stylesheets and scripts a page loads when it opens."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])


def heaviest_page(site: Path) -> tuple[str, int, int, int]:
    """(page, total, html, css+js) of the page with the most HTML+CSS+JS bytes, uncompressed.
    Search (index, worker, lunr) loads only when someone searches and is not counted here."""
    prefix = urlparse(os.environ.get("SITE_URL", "/")).path or "/"
    best = ("", 0, 0, 0)
    for page in site.rglob("*.html"):
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        assets = 0
        for url in dict.fromkeys(parser.urls):
            path = urlparse(url).path
            if urlparse(url).netloc:
                continue                                    # none today; another server's file
            file = site / path[len(prefix):] if path.startswith("/") else page.parent / path
            assets += file.stat().st_size
        size = page.stat().st_size
        if size + assets > best[1]:
            best = (page.relative_to(site).as_posix(), size + assets, size, assets)
    return best


def lazy_search_bytes(site: Path) -> int:
    """What Material's search worker fetches on first use, besides the index: the worker itself and the
    lunr files for languages en+zh (stemmer support, zh, multi)."""
    js = site / "assets" / "javascripts"
    files = [*js.glob("workers/search.*.min.js")] + [js / "lunr" / "min" / f"lunr.{name}.min.js"
                                                    for name in ("stemmer.support", "zh", "multi")]
    return sum(f.stat().st_size for f in files)


# --- the synthetic act -------------------------------------------------------------------------------

def _renumber(line: str, lang: str, counters: dict) -> str:
    """A chapter or article line with the next number in the sequence; any other line as it is."""
    g = GRAMMARS[lang]
    text = line.strip() if lang == "zh" else line
    for kind, pattern, spell in (("chapter", g.chapter, to_roman if lang == "en" else to_chinese),
                                 ("article", g.article, str if lang == "en" else to_chinese)):
        m = pattern.fullmatch(text)
        if m:
            counters[kind] += 1
            return text[:m.start("num")] + spell(counters[kind]) + text[m.end("num"):]
    return line


def scaled_source(factor: int, folder: Path) -> tuple[Path, Path, Path]:
    """source/ with each text's chapters repeated ``factor`` times and renumbered, plus MkDocs configs
    listing the chapters. regulation.yaml is kept: its corrections and notes name the first copy only."""
    source = folder / "source"
    shutil.copytree(SOURCE, source)
    for lang in ("en", "zh"):
        path = source / f"regulation.{lang}.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
        head, body = lines[:2], lines[2:]
        counters = {"chapter": 0, "article": 0}
        out = head + [_renumber(line, lang, counters) for _ in range(factor) for line in body]
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
    chapters = 9 * factor

    class Loader(yaml.SafeLoader):      # mkdocs.yml has !ENV tags; only the nav is wanted here
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader)["nav"]
    for item in nav:
        for key, value in (item.items() if isinstance(item, dict) else ()):
            if "chapter-1.md" in value:
                item[key] = [f"chapter-{n}.md" for n in range(1, chapters + 1)]
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "INHERIT": str(ROOT / "mkdocs.yml"),
        # relative paths in a config resolve from its own folder: name the repository's
        "theme": {"custom_dir": str(ROOT / "overrides")},
        "hooks": [str(ROOT / "build_scripts" / "mkdocs_hooks.py")],
        "nav": nav}, allow_unicode=True))
    offline = yaml.safe_load((ROOT / "mkdocs-offline.yml").read_text(encoding="utf-8"))
    offline["INHERIT"] = str(config)
    offline_config = folder / "mkdocs-offline.yml"
    offline_config.write_text(yaml.safe_dump(offline))
    return source, config, offline_config


# --- the report --------------------------------------------------------------------------------------

def seconds(s: float) -> str:
    return f"{s:.2f} s"


def size(n: int) -> str:
    return f"{n / KB / KB:.2f} MB" if n >= KB * KB else f"{n / KB:.1f} KB"


def row(measure, value, target="", ok=None):
    return (measure, value, target, "" if ok is None else ("ok" if ok else "OVER"))


def main() -> int:
    from .build import generate
    from .pdf import build_pdfs
    from .load import load_act

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    bench_started = time.perf_counter()
    rows = [row("machine: CPUs, load average at start", f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        docs, site = tmp / "docs", tmp / "site"

        t = median_time(lambda: run("generate", "--docs", docs))
        rows.append(row("generate (python -m build_scripts generate)", seconds(t), "< 0.2 s", t < GENERATE_S))
        gen_1x = median_time(lambda: generate(SOURCE, docs))
        rows.append(row("generate (in-process generate())", seconds(gen_1x), "< 0.2 s", gen_1x < GENERATE_S))
        build_1x = median_time(lambda: run("build", "--docs", docs, "--site", site))
        rows.append(row("full build (median of 3, after 1 warm-up)", seconds(build_1x), "< 3 s", build_1x < BUILD_S))

        started = time.perf_counter()
        pdfs = build_pdfs(load_act(SOURCE), tmp / "pdf")
        t = time.perf_counter() - started
        rows.append(row("PDFs, all three (build_pdfs)", seconds(t), "< 4 s", t < PDFS_S))
        for pdf in pdfs:
            n = pdf.stat().st_size
            rows.append(row(f"  {pdf.name}", size(n), "< 600 KB", n < PDF_BYTES))

        rows.append(row("site size", size(folder_bytes(site))))
        rows.append(row("site size without downloads/", size(folder_bytes(site, skip="downloads"))))
        page, total, html, assets = heaviest_page(site)
        rows.append(row(f"heaviest page: {page}", f"{size(total)} (HTML {size(html)} + CSS/JS {size(assets)})",
                        "< 200 KB", total < PAGE_BYTES))
        rows.append(row("search index, en (search/search_index.json)",
                        size((site / "search" / "search_index.json").stat().st_size)))
        rows.append(row("search index, zh (zh/search/search_index.json)",
                        size((site / "zh" / "search" / "search_index.json").stat().st_size)))
        rows.append(row("search JS on first search (worker + lunr en/zh)", size(lazy_search_bytes(site))))
        for name in ("regulation-site.zip", "regulation.json", "regulation-en.akn.xml", "regulation-zh.akn.xml"):
            rows.append(row(f"downloads/{name}", size((site / "downloads" / name).stat().st_size)))

        rows.append(row("scale 1x: 9 chapters, 73 articles", f"generate {seconds(gen_1x)}, build {seconds(build_1x)}"))
        for factor in SCALES:
            folder = tmp / f"x{factor}"
            source, config, offline = scaled_source(factor, folder)
            started = time.perf_counter()
            act, _pages = generate(source, folder / "docs")
            gen = time.perf_counter() - started
            build = median_time(lambda: run("build", "--source", source, "--docs", folder / "docs",
                                            "--site", folder / "site", "--config", config,
                                            "--offline-config", offline), runs=1, warmup=0)
            reg = act.text("zh")
            rows.append(row(f"scale {factor}x: {len(reg.chapters)} chapters, {sum(1 for _ in reg.articles())} "
                            "articles", f"generate {seconds(gen)} ({gen / gen_1x:.1f}x), "
                                        f"build {seconds(build)} ({build / build_1x:.1f}x)"))
            page, total, _html, _assets = heaviest_page(folder / "site")
            rows.append(row(f"  heaviest page at {factor}x: {page}", size(total), "< 200 KB", total < PAGE_BYTES))
            shutil.rmtree(folder)

    rows.append(row("bench took", seconds(time.perf_counter() - bench_started)))
    header = ("Measure", "Value", "Target", "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for r in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())

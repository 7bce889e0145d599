"""`make bench`: the build's speed as ratios to a bare `mkdocs build` of the same pages, side by side in one
run on one machine, plus output sizes. A report, not a test.

Rows (wall time, median of 3 unless said otherwise):
- bare mkdocs build: MkDocs alone on the docs/ that ``generate`` wrote (the reference, 1.0x);
- full build: ``python -m build_scripts build`` from scratch (PDF cache empty);
- rebuild after one changed paragraph: the same, with the PDF cache of the previous build and one word of
  one English paragraph changed each time (the English and bilingual PDFs are made again, the Chinese reused);
- 20x scale: a synthetic act of the real one repeated 20 times (180 chapters, 1,460 articles), built once,
  as a ratio to the 1x full build;
- preview, save to screen: `make preview` on a copy of source/; one word of Article 25(1) saved, then the
  served chapter page asked for every 50 ms until it holds the word (median of 3 saves, each after the
  background build of the previous one), as a ratio to bare mkdocs builds run just before each save;
- three versions: the invented amendment history of the tests (tests/amendment.py: three versions, each
  with its pages, PDFs and exports), built once from scratch, as a ratio to the 1x full build.
BENCH_RUNS=1, BENCH_SCALE=0, BENCH_PREVIEW=0 and BENCH_VERSIONS=0 give a quicker, rougher look. Everything is built in a temporary folder;
docs/, site/ and the PDF cache of the repository are left alone.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
PY = sys.executable
KB = 1024
SCALE = 20
RUNS = int(os.environ.get("BENCH_RUNS", 3))     # fewer only for a quick look; the targets mean 3
TARGETS = {"full": 1.5, "rebuild": 1.2, "preview": 1.2, "scale": 20.0, "versions": 3.0}


def timed(*args, env=None) -> float:
    """Wall time of ``python ARGS`` run from the repository; stops the bench when it fails."""
    started = time.perf_counter()
    done = subprocess.run([PY, *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    elapsed = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"bench: {' '.join(map(str, args))} failed:\n{done.stderr}")
    return elapsed


def bare_mkdocs(config, docs, site, source) -> float:
    return timed("-c", "import sys; from build_scripts.load import load_act; "
                       "from build_scripts.site_mkdocs import mkdocs_build; "
                       "mkdocs_build(sys.argv[1], sys.argv[2], sys.argv[3], load_act(sys.argv[4]))",
                 config, docs, site, source)


def build(source, docs, site, cache, config=ROOT / "mkdocs.yml") -> float:
    return timed("-m", "build_scripts", "build", "--source", source, "--docs", docs, "--site", site,
                 "--config", config, env={"BUILD_CACHE": str(cache)})


def change_one_paragraph(source: Path, word: str) -> None:
    """One word of Article 25's first English paragraph (its verb, outside every glossary term) replaced,
    by a different word each time."""
    path = source / "regulation.en.txt"
    text = path.read_text(encoding="utf-8")
    at = text.index("Article 25 ")
    end = text.index("\n", at)
    line = text[at:end]
    words = line.split(" ")
    words[10] = word
    path.write_text(text[:at] + " ".join(words) + text[end:], encoding="utf-8")


def scaled_source(factor: int, folder: Path) -> Path:
    """source/ with each text's chapters repeated ``factor`` times and renumbered (in each language's own
    numerals); the navigation follows (site_mkdocs.site_config). Notes and captions name the first copy only."""
    from build_scripts.languages import PROFILES, numeral

    source = folder / "source"
    shutil.copytree(SOURCE, source)
    for lang, language in PROFILES.items():
        path = source / f"regulation.{lang}.txt"
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        head, body = lines[:2], lines[2:]
        counters = {"chapter": 0, "article": 0}
        out = head[:]
        for _ in range(factor):
            for line in body:
                text = line.strip() if language.grammar.strip_lines else line
                for kind, style in (("chapter", language.chapter_numeral), ("article", language.article_numeral)):
                    m = getattr(language.grammar, kind).fullmatch(text)
                    if m:
                        counters[kind] += 1
                        line = text[:m.start("num")] + numeral(style, counters[kind]) + text[m.end("num"):]
                        break
                out.append(line)
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
    captions = yaml.safe_load((source / "captions.yaml").read_text(encoding="utf-8"))
    per = len(captions)
    (source / "captions.yaml").write_text(yaml.safe_dump(
        {n: captions[(n - 1) % per + 1] for n in range(1, per * factor + 1)}, allow_unicode=True), encoding="utf-8")

    return source


def preview_seconds(folder: Path, runs: int, bare) -> tuple[list[float], list[float]]:
    """Save to screen with `python -m build_scripts.preview` (see the module docstring), each save right after a
    bare MkDocs build (``bare()``), so that both see the same load: (preview times, bare times)."""
    import socket
    import urllib.request

    source = folder / "source"
    shutil.copytree(SOURCE, source)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = folder / "preview.log"
    with open(log, "w") as out:
        process = subprocess.Popen([PY, "-m", "build_scripts.preview", "--source", source, "--work", folder / "work",
                                    "--port", str(port)], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "BUILD_CACHE": str(folder / "cache")})
    url = f"http://127.0.0.1:{port}/chapter-4/"

    def page() -> str:
        try:
            return urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
        except OSError:
            return ""

    def wait(condition, what: str, limit: float = 300) -> None:
        start = time.perf_counter()
        while not condition():
            if time.perf_counter() - start > limit or process.poll() is not None:
                process.kill()
                sys.exit(f"bench: the preview never showed {what}:\n{log.read_text()}")
            time.sleep(0.05)
    try:
        wait(lambda: "art_25__para_1" in page(), "its first build")
        times, bares = [], []
        for run in range(runs):
            bares.append(bare())
            done = log.read_text().count("offline copy updated")
            word = f"preview{run}"
            change_one_paragraph(source, word)
            started = time.perf_counter()
            wait(lambda: word in page(), word)
            times.append(time.perf_counter() - started)
            wait(lambda: log.read_text().count("offline copy updated") > done, "the background build")
        return times, bares
    finally:
        process.terminate()
        process.wait(timeout=60)


def folder_bytes(folder: Path, skip: str | None = None) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not (skip and p.relative_to(folder).parts[0] == skip))


def size(n: int) -> str:
    return f"{n / KB / KB:.2f} MB" if n >= KB * KB else f"{n / KB:.1f} KB"


def main() -> int:
    from build_scripts.build import generate

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    started = time.perf_counter()
    load = os.getloadavg()[0]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        source = tmp / "source"
        shutil.copytree(SOURCE, source)
        docs = tmp / "docs"
        generate(source, docs)

        bare, full, rebuild = [], [], []
        for run in range(RUNS):             # side by side, interleaved, so that load changes hit all three
            bare.append(bare_mkdocs(ROOT / "mkdocs.yml", docs, tmp / "bare", source))
            full.append(build(source, tmp / "docs-full", tmp / "site", tmp / f"cache-cold-{run}"))
            if run == 0:
                build(source, tmp / "docs-warm", tmp / "site-warm", tmp / "cache-warm")      # fills the cache
            change_one_paragraph(source, f"bench{run}")
            rebuild.append(build(source, tmp / "docs-warm", tmp / "site-warm", tmp / "cache-warm"))
        bare_s, full_s, rebuild_s = map(statistics.median, (bare, full, rebuild))
        rows.append(("bare mkdocs build (same generated pages)", f"{bare_s:.2f} s", "1.00x", "", ""))
        rows.append(("full build (empty PDF cache)", f"{full_s:.2f} s", f"{full_s / bare_s:.2f}x",
                     f"<= {TARGETS['full']}x", "ok" if full_s / bare_s <= TARGETS["full"] else "OVER"))
        rows.append(("rebuild after one changed paragraph", f"{rebuild_s:.2f} s", f"{rebuild_s / bare_s:.2f}x",
                     f"<= {TARGETS['rebuild']}x", "ok" if rebuild_s / bare_s <= TARGETS["rebuild"] else "OVER"))

        if os.environ.get("BENCH_PREVIEW", "1") != "0":
            times, bares = preview_seconds(tmp / "preview", RUNS,
                                           lambda: bare_mkdocs(ROOT / "mkdocs.yml", docs, tmp / "bare", source))
            preview_s, beside = statistics.median(times), statistics.median(bares)
            rows.append(("preview: save to page on screen (ratio to the bare builds run beside it, "
                         f"median {beside:.2f} s)", f"{preview_s:.2f} s", f"{preview_s / beside:.2f}x",
                         f"<= {TARGETS['preview']}x", "ok" if preview_s / beside <= TARGETS["preview"] else "OVER"))

        site = tmp / "site"
        rows.append(("site size (without downloads/)", size(folder_bytes(site, skip="downloads")), "", "", ""))
        for name in ("regulation-en.pdf", "regulation-zh.pdf", "regulation-bilingual.pdf", "regulation-site.zip"):
            rows.append((f"downloads/{name}", size((site / "downloads" / name).stat().st_size), "", "", ""))

        if os.environ.get("BENCH_SCALE", "1") != "0":
            folder = tmp / f"x{SCALE}"
            scale_s = build(scaled_source(SCALE, folder), folder / "docs", folder / "site", folder / "cache")
            ratio = scale_s / full_s
            rows.append((f"{SCALE}x scale build (1 run), as a ratio to the 1x full build", f"{scale_s:.2f} s",
                         f"{ratio:.1f}x", f"<= {TARGETS['scale']:.0f}x", "ok" if ratio <= TARGETS["scale"] else "OVER"))

        if os.environ.get("BENCH_VERSIONS", "1") != "0":
            sys.path.insert(0, str(ROOT / "tests"))
            import amendment                # the test fixture: an invented history, never published
            folder = tmp / "versions"
            folder.mkdir()
            versions_s = build(amendment.make(folder), folder / "docs", folder / "site", folder / "cache")
            ratio = versions_s / full_s
            rows.append(("three versions (1 run), as a ratio to the 1x full build", f"{versions_s:.2f} s",
                         f"{ratio:.1f}x", f"<= {TARGETS['versions']:.0f}x",
                         "ok" if ratio <= TARGETS["versions"] else "OVER"))

    rows.append(("bench took", f"{time.perf_counter() - started:.0f} s", "", "", ""))
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} at start; times are wall time, "
          f"median of {RUNS}")
    header = ("Measure", "Time", "Ratio", "Target", "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for r in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())

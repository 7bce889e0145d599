"""The whole build: source/ -> docs/ -> site/ with PDFs, data downloads, permalinks and an offline copy.

Everything is built into a staging folder next to site/; site/ is replaced only when all succeeded,
so a mistake in source/ leaves the last good site as it was.
"""
from __future__ import annotations

import datetime
import logging
import shutil
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .markdown import render
from .permalinks import redirect_pages
from .search import USER_DICT, split_index, user_dictionary
from .source import build_moment, load_act

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"     # as named in mkdocs-offline.yml
ZIP_NAME = "regulation-site.zip"


def write_files(folder, files: dict) -> None:
    for name, text in files.items():
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def generate(source, docs):
    """Write docs/ afresh from source/; returns the act that was read."""
    act = load_act(source)
    pages = render(act)
    pages[USER_DICT] = user_dictionary(act)
    if Path(docs).exists():
        shutil.rmtree(docs)
    write_files(docs, pages)
    return act, len(pages)


def published_urls(site) -> list[str]:
    """Every page of a built site with the ids inside its content: the links we promise to keep."""
    from bs4 import BeautifulSoup   # only this command needs it

    site = Path(site)
    out = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        url = "/" if rel == "." else f"/{rel}/"
        out.append(url)
        if "/art/" in url or url.startswith("/art/"):
            continue
        content = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one(".md-content")
        if content is None:
            continue
        out += [f"{url}#{tag['id']}" for tag in content.find_all(id=True) if not tag["id"].startswith("__")]
    return out


def mkdocs_build(config_file, docs_dir, site_dir) -> str:
    """mkdocs build --strict; warnings are printed and turn into SystemExit(1). Returns the site URL."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    mkdocs_log = logging.getLogger("mkdocs")
    if not mkdocs_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
        mkdocs_log.addHandler(handler)
        mkdocs_log.setLevel(logging.WARNING)
    import jieba  # Material's search segments Chinese with it; keep its progress chatter quiet.
    jieba.setLogLevel(logging.WARNING)
    # Material's `jieba_dict_user` is resolved from the working directory; load the glossary's
    # dictionary, written into docs/ by `generate`, from there instead.
    user_dict = Path(docs_dir) / USER_DICT
    if user_dict.exists():
        jieba.load_userdict(str(user_dict))

    config = load_config(str(config_file), docs_dir=str(Path(docs_dir).resolve()),
                         site_dir=str(Path(site_dir).resolve()), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except Abort as e:
        print(f"mkdocs: {e}", file=sys.stderr)
        raise SystemExit(1) from None
    finally:
        config.plugins.on_shutdown()
    return config.site_url or "/"


def zip_folder(folder: Path, target: Path, top: str, moment: datetime.datetime) -> None:
    """A zip of ``folder`` under ``top/``: sorted entries, fixed dates and modes, so builds repeat exactly."""
    stamp = max(moment, datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)).timetuple()[:6]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", stamp)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=9)


def finish(folder: Path, act, site_url: str, pdfs, offline: bool) -> None:
    """What MkDocs does not make: permalinks, PDFs and data in downloads/, one search index per language."""
    from .export import write_exports     # lxml, cobalt: loaded only when building
    write_files(folder, redirect_pages(act, site_url, directory_urls=not offline))
    downloads = folder / "downloads"
    downloads.mkdir(exist_ok=True)       # also home of the downloads page
    for pdf in pdfs:
        shutil.copyfile(pdf, downloads / pdf.name)
    write_exports(act, downloads)
    split_index(folder, offline=offline)
    if not offline:
        (folder / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n")
    else:
        if not SHIM.exists():
            raise SystemExit(f"{SHIM}: missing; run 'npm ci' (make setup does) to install iframe-worker")
        shutil.copyfile(SHIM, folder / SHIM_TARGET)


def build_site(act, docs, site, config, offline_config) -> None:
    from .pdf import build_pdfs           # WeasyPrint: loaded only when building
    site = Path(site)
    staging = site.with_name(site.name + ".new")
    offline = site.with_name(site.name + ".offline")
    pdf_dir = site.with_name(site.name + ".pdf")
    for folder in (staging, offline, pdf_dir):
        shutil.rmtree(folder, ignore_errors=True)
    try:
        # The PDFs render in worker processes while MkDocs builds the pages.
        with ThreadPoolExecutor(1) as background:
            pdfs = background.submit(build_pdfs, act, pdf_dir)
            site_url = mkdocs_build(config, docs, staging)
            mkdocs_build(offline_config, docs, offline)
            pdfs = pdfs.result()
        finish(staging, act, site_url, pdfs, offline=False)
        finish(offline, act, site_url, pdfs, offline=True)
        zip_folder(offline, staging / "downloads" / ZIP_NAME, "regulation-site", build_moment(act))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(offline, ignore_errors=True)
        shutil.rmtree(pdf_dir, ignore_errors=True)
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)

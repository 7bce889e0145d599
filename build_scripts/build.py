"""The whole build: source/ -> docs/ -> site/ with PDFs, data downloads, permalinks and an offline copy.

Everything is built into a staging folder next to site/; site/ is replaced only when all succeeded,
so a mistake in source/ leaves the last good site as it was.
"""
from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

from .checksums import write_sums
from .citations import write_citations
from .feeds import write_feeds
from .links import Links
from .load import load_act
from .model import Act
from .page_links import check_page_links
from .pages import render
from .runlog import note
from .site_mkdocs import (BuildFailed, configured_site_url, edit_pages, extra_files, finish_site, mkdocs_build,
                          offline_copy)

ZIP_NAME = "regulation-site.zip"
ZIP_LEVEL = 6          # zlib's default: level 9 takes half as long again for half a percent less
# PDFs by the hash of their inputs (pdf.content_key): a rebuild re-renders only the editions that changed.
CACHE = Path(os.environ.get("BUILD_CACHE", Path(__file__).resolve().parent.parent / ".build" / "cache"))


def build_moment(act: Act) -> datetime.datetime:
    """The build's date, stamped into PDFs, exports, archives and the sitemap: SOURCE_DATE_EPOCH when set,
    else the time of the last commit that changed the source folder, else (outside a git checkout) midnight
    UTC of the newest translation revision. Two builds of the same source are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    try:
        committed = subprocess.run(["git", "log", "-1", "--format=%ct", "--", "."], cwd=act.source_dir,
                                   capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        committed = ""
    if committed:
        return datetime.datetime.fromtimestamp(int(committed), datetime.timezone.utc)
    return datetime.datetime.combine(act.meta.revision.date, datetime.time(), datetime.timezone.utc)


def write_files(folder, files: dict) -> None:
    for name, text in files.items():
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def write_docs(act: Act, docs, links: Links = Links()) -> int:
    """Write docs/ afresh from the act; returns the number of pages."""
    pages = render(act, links)
    check_page_links(act, pages)
    if Path(docs).exists():
        shutil.rmtree(docs)
    write_files(docs, {**pages, **extra_files(act)})
    return len(pages)


def generate(source, docs):
    """Write docs/ afresh from source/; returns the act that was read and the number of pages."""
    act = load_act(source)
    return act, write_docs(act, docs)


def zip_folder(folder: Path, target: Path, top: str, moment: datetime.datetime) -> None:
    """A zip of ``folder`` under ``top/``: sorted entries, fixed dates and modes, so builds repeat exactly."""
    stamp = max(moment, datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)).timetuple()[:6]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", stamp)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=ZIP_LEVEL)


def add_downloads(folder: Path, made: Path, skip: Path | None = None) -> None:
    """The PDFs and data files, made once, into downloads/ (also the home of the downloads page), except the
    folder ``skip``."""
    shutil.copytree(made, folder / "downloads", dirs_exist_ok=True,
                    ignore=lambda here, names: [n for n in names if skip and Path(here, n) == skip])


def version_folder(made: Path, version) -> Path:
    """Where a version's own files go in downloads/ (pages.downloads_folder gives their links)."""
    return made / "versions" / version.key


def download_sizes(folder: Path) -> dict[str, int]:
    """The size of each file in a downloads folder, by its path from the site root (``downloads/…``)."""
    return {f"downloads/{p.relative_to(folder).as_posix()}": p.stat().st_size
            for p in Path(folder).rglob("*") if p.is_file()}


def build_site(act: Act, docs, site, config) -> None:
    """docs/ from the act, then the site from docs/ with MkDocs, with the PDFs made alongside."""
    from .export import write_exports         # lxml: loaded only when building
    from .pdf import editions, file_name, pdf_pool, start_pdfs
    site = Path(site)
    note("build", site)
    staging = site.with_name(site.name + ".new")
    offline = site.with_name(site.name + ".offline")
    made = site.with_name(site.name + ".downloads")     # PDFs and data files, copied into both sites
    for folder in (staging, offline, made):
        shutil.rmtree(folder, ignore_errors=True)
    moment = build_moment(act)
    address = configured_site_url(config)     # the PDFs' footers and permalinks (MkDocs has not run yet)
    try:
        # The downloads come first: the pages show their sizes. The PDFs render in worker processes.
        # Every earlier version has its own PDFs and exports; the current version's copy is today's files.
        site_url = address or "/"
        earlier = act.meta.versions[:-1]
        with pdf_pool() as pool:
            futures = start_pdfs(pool, act, made, moment, address, cache=CACHE / "pdf")
            for version in earlier:
                futures += start_pdfs(pool, act.at(version), version_folder(made, version), moment, address,
                                      cache=CACHE / "pdf")
            # While they render: the exports and citation files, which do not need them.
            today = write_exports(act, made, moment, site_url)
            write_citations(act, made, site_url)
            for version in earlier:
                write_exports(act.at(version), version_folder(made, version), moment, site_url)
                write_citations(act.at(version), version_folder(made, version), site_url)
            for future in futures:
                future.result()
            pinned = version_folder(made, act.current)
            pinned.mkdir(parents=True)
            write_citations(act, pinned, site_url)
            for path in [*today, *(made / file_name(e) for e in editions(act))]:
                shutil.copyfile(path, pinned / path.name)
            write_docs(act, docs, Links(site_url, sizes=download_sizes(made)))
            if mkdocs_build(config, docs, staging, act, moment) != site_url:
                raise BuildFailed(f"{config}: MkDocs built for another site_url than {site_url}")
            write_feeds(staging, act, site_url)
            # The offline copy (no second MkDocs run) leaves out the current version's copies of the downloads: its
            # links lead to today's identical files. It is made by this process and a worker, half the files each,
            # and its pages are edited in a worker while these are.
            copied = pool.submit(offline_copy, staging, offline, act, site_url, (1, 2))
            offline_copy(staging, offline, act, site_url, (0, 2))
            copied.result()
            edited = pool.submit(edit_pages, offline, act, site_url, True)
            edit_pages(staging, act, site_url, False)
            edited.result()
        add_downloads(offline, made, skip=pinned)
        finish_site(offline, act, site_url, offline=True)
        write_sums(offline / "downloads")
        add_downloads(staging, made)
        zip_folder(offline, staging / "downloads" / ZIP_NAME, "regulation-site", moment)
        finish_site(staging, act, site_url, offline=False)
        write_sums(staging / "downloads")       # last: the zip is in it
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(offline, ignore_errors=True)
        shutil.rmtree(made, ignore_errors=True)
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)

"""``downloads/SHA256SUMS``: the SHA-256 of every download of every version (PDFs, JSON, Akoma Ntoso, citation
files, the offline copy), in the format of ``sha256sum``, with paths relative to downloads/, so that
``sha256sum -c --ignore-missing SHA256SUMS`` checks the files one has."""
from __future__ import annotations

import hashlib
from pathlib import Path

SUMS = "SHA256SUMS"
PAGE = "index.html"        # downloads/ is also the home of the downloads page, which is not a download


def sums(downloads: Path) -> str:
    """The lines of SHA256SUMS for the files in ``downloads``, sorted by path."""
    downloads = Path(downloads)
    files = sorted((p.relative_to(downloads).as_posix(), p) for p in downloads.rglob("*") if p.is_file())
    return "".join(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {rel}\n" for rel, path in files
                   if rel not in (SUMS, PAGE))


def write_sums(downloads: Path) -> Path:
    path = Path(downloads) / SUMS
    path.write_text(sums(downloads), encoding="utf-8")
    return path

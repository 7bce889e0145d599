"""Two clean builds with the same SOURCE_DATE_EPOCH give byte-identical sites: pages, sitemap,
search indexes, PDFs, data downloads and the offline zip."""
from __future__ import annotations

import hashlib

from conftest import run_build


def digests(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(site, tmp_path):
    result = run_build(tmp_path)
    assert result.returncode == 0, result.stderr
    first, second = digests(site), digests(tmp_path / "site")
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    for name in ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "zh/search/search_index.json",
                 "downloads/regulation-bilingual.pdf", "downloads/regulation-site.zip", "downloads/regulation.json"):
        assert name in first

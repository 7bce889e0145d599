"""The site's own security headers: the `_headers` file `make publish` writes names the hash of every inline script
and allows no other, and the offline copy carries no policy. The browser tests open every page under these
headers (conftest.server); the reader's walk (test_reader) checks on each page type that no Content-Security-
Policy violation happens and that no WCAG 2.1 AA rule is broken (axe-core)."""
from __future__ import annotations

from conftest import matching


def test_headers_name_every_inline_script_and_allow_none_unnamed(published_site):
    folder, rules = published_site
    every = matching(rules, "/chapter-4/")
    policy = dict(part.split(" ", 1) for part in every["Content-Security-Policy"].split("; "))
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["script-src"].count("'sha256-") >= 2 and policy["object-src"] == "'none'"
    assert every["X-Content-Type-Options"] == "nosniff"
    assert every["Referrer-Policy"] and "camera=()" in every["Permissions-Policy"]
    assert matching(rules, "/downloads/regulation-en.pdf")["X-Content-Type-Options"] == "nosniff"


def test_offline_copy_carries_no_policy(site):
    """The offline copy is opened from disk, where no headers apply: no _headers, and no policy in the pages that
    would stop its own scripts (the iframe-worker shim, the search index as a script)."""
    import zipfile
    with zipfile.ZipFile(site / "downloads" / "regulation-site.zip") as archive:
        names = archive.namelist()
        assert not any(n.endswith("/_headers") for n in names)
        html = archive.read("regulation-site/zh/art/25.html").decode()
    assert "Content-Security-Policy" not in html and 'type="application/ld+json"' in html


def test_the_browser_tests_open_pages_under_these_headers(server, published_site):
    import urllib.request
    with urllib.request.urlopen(f"{server}/chapter-4/") as response:
        sent = response.headers["Content-Security-Policy"]
    assert sent and sent == matching(published_site[1], "/chapter-4/")["Content-Security-Policy"]

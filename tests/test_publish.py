"""Publishing (make publish): SITE_URL required and not the placeholder; .gz copies equal to their originals;
a _headers cache policy with exactly one rule per file (long for hashed assets, short for pages); a
folder given by PUBLISH_DIR, or a gh-pages branch made with ghp-import."""
from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import TIMEOUT, ROOT, cli, matches, read_rules

URL = "https://example.net/border-act/"


def publish(*args, cwd=ROOT, **env):
    environ = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PUBLISH_DIR")}
    environ.update(env, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "build_scripts", "publish", *map(str, args)],
                          cwd=cwd, env=environ, capture_output=True, text=True, timeout=TIMEOUT)


@pytest.fixture(scope="session")
def built_for_url(site, tmp_path_factory):
    """The session's site as if built for URL: only the site address differs between two such builds."""
    copy = tmp_path_factory.mktemp("publish") / "site"
    shutil.copytree(site, copy)
    old = re.search(r'<link rel="canonical" href="([^"]*)"', (site / "index.html").read_text("utf-8")).group(1)
    for page in copy.rglob("*.html"):
        page.write_text(page.read_text(encoding="utf-8").replace(old, URL), encoding="utf-8")
    return copy


@pytest.mark.parametrize("env, message", [
    ({}, "SITE_URL is required"),
    ({"SITE_URL": "https://border-regulations.example.org/"}, "placeholder"),
    ({"SITE_URL": "example.net/act/"}, "must start with https://"),
])
def test_publish_refuses_without_a_real_site_url(tmp_path, monkeypatch, env, message):
    # In this process (the refusal comes before anything is built or copied); the real process is started by
    # the test of a site built for another address.
    for name in ("SITE_URL", "PUBLISH_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = cli("publish", "--site", tmp_path / "site", "--dir", tmp_path / "out")
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_publish_refuses_a_site_built_for_another_address(site, tmp_path):
    result = publish("--no-build", "--site", site, "--dir", tmp_path / "out", SITE_URL=URL)
    assert result.returncode == 1 and "not built for SITE_URL" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="session")
def published(built_for_url, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "www"
    result = publish("--no-build", "--site", built_for_url, SITE_URL=URL, PUBLISH_DIR=str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_publish_dir_holds_the_site(built_for_url, published):
    originals = {p.relative_to(built_for_url) for p in built_for_url.rglob("*") if p.is_file()}
    copies = {p.relative_to(published) for p in published.rglob("*") if p.is_file()}
    assert originals <= copies
    assert (published / "chapter-4" / "index.html").read_bytes() == (built_for_url / "chapter-4" / "index.html").read_bytes()


def test_every_text_file_has_an_equal_gz_copy(published):
    texts = [p for p in published.rglob("*") if p.suffix in (".html", ".css", ".js", ".json", ".xml", ".txt")]
    assert len(texts) > 200
    for path in texts:
        with gzip.open(path.with_name(path.name + ".gz")) as f:
            assert f.read() == path.read_bytes(), path
    assert not list(published.rglob("*.pdf.gz")) and not list(published.rglob("*.zip.gz"))


def test_headers_give_one_rule_per_file_long_only_for_hashed_assets(published):
    rules = [(pattern, headers["Cache-Control"]) for pattern, headers
             in read_rules((published / "_headers").read_text(encoding="utf-8")) if "Cache-Control" in headers]
    urls = ["/"] + ["/" + p.relative_to(published).as_posix() for p in published.rglob("*")
                    if p.is_file() and p.name != "_headers"]       # read by the host, never served
    urls += ["/chapter-4/", "/zh/art/25/"]
    for url in urls:
        found = [policy for pattern, policy in rules if matches(pattern, url)]
        assert len(found) == 1, (url, found)
        hashed = re.search(r"\.[0-9a-f]{8}\.min\.(css|js)", url)
        assert ("immutable" in found[0]) == bool(hashed), (url, found)
        assert "max-age=31536000" in found[0] if hashed else "max-age=300" in found[0]
    assert any("bundle." in pattern and "immutable" in policy for pattern, policy in rules)


def test_publishing_again_replaces_the_folder_but_never_a_foreign_one(built_for_url, published, tmp_path):
    (published / "stale.html").write_text("old", encoding="utf-8")
    assert publish("--no-build", "--site", built_for_url, "--dir", published, SITE_URL=URL).returncode == 0
    assert not (published / "stale.html").exists()
    foreign = tmp_path / "home"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    result = publish("--no-build", "--site", built_for_url, "--dir", foreign, SITE_URL=URL)
    assert result.returncode == 1 and "not a previous publish" in result.stderr
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_gh_pages_branch_with_ghp_import(built_for_url, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.net"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True, timeout=TIMEOUT)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "start"], cwd=repo, check=True, timeout=TIMEOUT)
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.net", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.net"}
    result = publish("--no-build", "--site", built_for_url, cwd=repo, SITE_URL=URL, PUBLISH_PUSH="0", **env)
    assert result.returncode == 0, result.stderr
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=repo, capture_output=True,
                           text=True, check=True, timeout=TIMEOUT).stdout.split()
    assert {"index.html", "index.html.gz", "_headers", ".nojekyll", "zh/chapter-4/index.html"} <= set(files)

"""`make preview` on a copy of source/: a saved edit reaches the served page; a mistake shows FILE:LINE on the
page while the last good text stays served."""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT, TIMEOUT


def served(url: str, until, timeout: float = TIMEOUT) -> str:
    """The page at ``url`` once ``until(page)`` holds (asking every 0.1 s)."""
    start, page = time.monotonic(), ""
    while time.monotonic() - start < timeout:
        try:
            page = urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
        except OSError:
            page = ""
        if until(page):
            return page
        time.sleep(0.1)
    raise AssertionError(f"{url} never showed what was expected; last:\n{page[:2000]}")


@pytest.mark.build
def test_preview_shows_an_edit_and_a_mistake(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT / "source", source)
    with socket.socket() as s:          # a free port
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "build_scripts.preview", "--pages-only", "--port", str(port),
                                "--source", str(source), "--work", str(tmp_path / "work")],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/chapter-4/"
    try:
        first = served(url, lambda page: 'id="art_25__para_1"' in page)
        assert "livereload" in first            # the page reloads itself after a rebuild
        en = source / "regulation.en.txt"
        text = en.read_text(encoding="utf-8")
        assert "Quokkaword" not in first
        en.write_text(text.replace("Article 25 ", "Article 25 Quokkaword ", 1), encoding="utf-8")
        served(url, lambda page: "Quokkaword" in page)

        broken = en.read_text(encoding="utf-8").replace("Article 30 ", "Article 31 ", 1)
        en.write_text(broken, encoding="utf-8")
        line = broken[:broken.index("Article 31 ")].count("\n") + 1
        page = served(url, lambda page: 'id="preview-error"' in page)
        assert f"{en}:{line}: expected Article 30, found Article 31" in page
        assert "Quokkaword" in page and 'id="art_25__para_1"' in page        # the last good page, still served
    finally:
        process.send_signal(signal.SIGINT)
        try:
            out = process.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            out = process.communicate()[0]
    assert f"{en}:{line}: expected Article 30, found Article 31" in out       # and in the terminal

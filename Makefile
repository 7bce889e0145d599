# `make site` builds everything; `make test` runs every test. Both set up what they need first.
VENV   := .venv
PY     := $(VENV)/bin/python
# One stamp per requirements file: a command installs only what it needs, again only when the pins change.
stamp   = $(VENV)/.installed-$(1)-$(shell cat $(2) | sha256sum | cut -c1-12)
RUNTIME := $(call stamp,site,requirements.txt package-lock.json)
TESTING := $(call stamp,test,requirements.txt requirements-test.txt)
AUDITING := $(call stamp,audit,requirements.txt requirements-audit.txt audit/package-lock.json)
export NO_MKDOCS_2_WARNING := 1
# Python keeps its compiled modules (in __pycache__/, not in git) even where the environment says not to:
# each build, test worker and PDF worker would otherwise compile the project's modules, and pytest would
# rewrite every test module, again on every start (seconds per process).
unexport PYTHONDONTWRITEBYTECODE
# The build's date is the last commit that changed source/ (reproducible), unless SOURCE_DATE_EPOCH is set.

.PHONY: site test test-fast test-mutants preview serve bench check publish setup setup-test browser clean audit

site: setup
	$(PY) -m build_scripts build

# Everything: parser, site, PDFs, real-browser tests, one worker per CPU (three builds, each made once and shared).
test: setup-test browser
	$(PY) -m pytest

# The quick loop while editing: no site build, no PDFs, no browser; one process (no workers to start) and
# fewer Hypothesis examples. Its temporary files (a few hundred small copies of source folders, about 10 MB) go to a
# folder of its own, one per checkout, in memory where Linux offers it (/dev/shm): on a disk each new folder and
# file costs a journal write, half a second of the run here. The folder is emptied when the next run starts and
# removed when all tests pass. (By default pytest keeps the last three runs' folders in /tmp/pytest-of-<user>/ and
# deletes older ones as a run ends: a quick run would now and then delete a full run's builds in its own time.)
FAST_TMP := $(firstword $(wildcard /dev/shm) $(or $(TMPDIR),/tmp))/test-fast-$(shell id -u)-$(shell printf %s "$(CURDIR)" | sha256sum | cut -c1-12)
test-fast: setup-test
	HYPOTHESIS_PROFILE=fast $(PY) -m pytest -n 0 -m "not build and not browser" --basetemp=$(FAST_TMP) && rm -rf $(FAST_TMP)

# The suite proves it can fail: five small deliberate breakages (parser, template, PDF bookmarks, reader.js,
# offline copy), each in a copy of the repository, with the tests that catch each (tests/mutants.py).
test-mutants: setup-test browser
	$(PY) tests/mutants.py

check: setup
	$(PY) -m build_scripts check

# Edit and see: build once, serve at http://127.0.0.1:$(PORT)/ and, after every save in source/, rebuild the
# pages and reload the open page (PDFs, downloads and the offline copy follow in the background). A mistake
# in source/ shows as FILE:LINE: message here and on the page; the last good pages stay served.
PORT ?= 8000
preview: setup
	$(PY) -m build_scripts.preview --port $(PORT)

# The built site exactly as published (permalinks, per-language search and downloads included).
serve: site
	@echo "Serving site/ at http://127.0.0.1:8000/ (Ctrl-C to stop)"
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory site

# Build for SITE_URL (required), then publish site/ with .gz copies and _headers to the gh-pages branch
# (ghp-import; pushed to origin unless PUBLISH_PUSH=0) or into the folder PUBLISH_DIR.
publish: setup
	$(PY) -m build_scripts publish

# Timings as ratios to a bare `mkdocs build` of the same pages (median of 3), and a 20x scale run.
bench: setup
	$(PY) -m tools.bench

setup: $(RUNTIME)
setup-test: $(RUNTIME) $(TESTING)

$(VENV)/bin/python:
	python3 -m venv $(VENV)

# Python packages from PyPI, each checked against the hashes in the requirements files; the offline copy's
# iframe-worker shim and the map's outlines from npm (package-lock.json's integrity hashes).
$(RUNTIME): requirements.txt package-lock.json | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	npm ci --no-audit --no-fund --silent
	rm -f $(VENV)/.installed-site-*
	touch $@

$(TESTING): requirements.txt requirements-test.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.txt
	rm -f $(VENV)/.installed-test-*
	touch $@

$(AUDITING): requirements.txt requirements-audit.txt audit/package-lock.json | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-audit.txt
	npm ci --prefix audit --no-audit --no-fund --silent
	rm -f $(VENV)/.installed-audit-*
	touch $@

# Browser tests drive Debian's Chromium (a browser download is not possible here); the PDF
# font test reads pdffonts from poppler-utils.
browser:
	@command -v chromium >/dev/null && command -v pdffonts >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else echo "Missing: run 'sudo apt-get install chromium poppler-utils'" >&2; exit 1; fi; }

clean:
	rm -rf docs site site.new site.old site.publish .pytest_cache

# Lighthouse scores (mobile) of /, /chapter-4/, /zh/, /zh/chapter-4/ against the targets; builds its own
# copy of the site and serves it on 127.0.0.1. Lighthouse 12 (13 needs a newer Node), pinned with everything it
# pulls in by audit/package-lock.json, installed into audit/node_modules by npm ci.
audit: $(RUNTIME) $(AUDITING) browser
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) -m tools.audit

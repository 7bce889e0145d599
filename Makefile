# `make site` builds everything; `make test` runs every test. Both set up what they need first.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt package-lock.json | sha256sum | cut -c1-12)
export NO_MKDOCS_2_WARNING := 1
# Fixed build time for reproducible output (the act's adoption date) unless the caller sets one.
export SOURCE_DATE_EPOCH ?= 1701302400

.PHONY: site test serve bench check setup browser clean audit

site: setup
	$(PY) -m build_scripts build

test: setup browser
	$(PY) -m pytest

check: setup
	$(PY) -m build_scripts check

# The built site exactly as published (permalinks, per-language search and downloads included).
serve: site
	@echo "Serving site/ at http://127.0.0.1:8000/ (Ctrl-C to stop)"
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory site

bench: setup
	$(PY) -m build_scripts.bench

setup: $(STAMP)

# Python packages from PyPI; the offline copy's iframe-worker shim from npm (package-lock.json).
$(STAMP): requirements.txt package-lock.json
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	npm ci --no-audit --no-fund --silent
	rm -f $(VENV)/.installed-*
	touch $@

# Browser tests drive Debian's Chromium (a browser download is not possible here); the PDF
# font test reads pdffonts from poppler-utils.
browser:
	@command -v chromium >/dev/null && command -v pdffonts >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else echo "Missing: run 'sudo apt-get install chromium poppler-utils'" >&2; exit 1; fi; }

clean:
	rm -rf docs site site.new site.old .pytest_cache

# Lighthouse scores (mobile) of /, /chapter-4/, /zh/, /zh/chapter-4/ against the targets; builds its own
# copy of the site and serves it on 127.0.0.1. Lighthouse 12 (13 needs a newer Node) in .audit/.
audit: setup browser
	grep -qs '"version": "12.2.3"' .audit/node_modules/lighthouse/package.json || \
	  npm install --prefix .audit --no-audit --no-fund --silent lighthouse@12.2.3
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) -m build_scripts.audit

# klarinfo — every target sets up what it needs itself (idempotently).
# `make site` builds and serves the site; `make test` runs the full test suite.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BOOTSTRAP := $(VENV)/.bootstrapped
CHROMIUM := /usr/bin/chromium
NGINX := /usr/sbin/nginx
# Debian packages for leaflets (see the rule of LEAFLET_DEBS_STAMP below)
LEAFLET_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core \
	poppler-utils zbar-tools
LEAFLET_DEBS_STAMP := $(VENV)/.leaflet-debs
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
# No "Entering directory" lines on stdout when make is run from make (or pytest under make).
MAKEFLAGS += --no-print-directory

.PHONY: site build test lint bench readability i18n-extract i18n-update i18n-check i18n-compile \
	translation-status translation-diff translation-done new-page new-translation check-links bench-long \
	setup clean lock audit translation-export translation-import glossary-export findings leaflets rules-diff

# `make site LANG=ar` previews one edition (plus the Swedish source) for faster rebuilds.
# Only a LANG given on the command line counts: the shell's own LANG is a locale.
ifeq ($(origin LANG),command line)
EDITION := $(LANG)
override LANG := C.UTF-8
endif

# PORT=8001 / HOST=0.0.0.0 serve elsewhere; a busy port is reported before anything is built.
site: $(STAMP)
	@$(BIN)/python -m klarinfo.publishing.ports $(HOST) $(PORT)
	KLARINFO_EDITION=$(EDITION) $(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT) --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) $(CHROMIUM) $(NGINX) $(LEAFLET_DEBS_STAMP) node_modules/axe-core/axe.min.js
	$(BIN)/ruff check plugins scripts tests
	$(BIN)/pytest

# Printable A4 leaflets of the topic pages in every edition (klarinfo/leaflets), for service
# offices: a build whose topic pages link their leaflet, then the PDFs beside the pages and
# the staff list at site/leaflets/. About 10 s more than `make build` (bench: `make bench`),
# so it is a target of its own; the tests make them too (tests/leaflets/).
leaflets: $(STAMP) $(LEAFLET_DEBS_STAMP)
	KLARINFO_LEAFLETS=true $(BIN)/mkdocs build --strict
	$(BIN)/python -m klarinfo.leaflets.build site

# Every internal link, anchor and asset of the built site; external links listed in a report.
# The report goes beside the site (reports/), not into it: everything in site/ is published.
check-links: build
	$(BIN)/python -m klarinfo.publishing.links site --report reports/links.json

readability: $(STAMP)
	$(BIN)/python -m klarinfo.readability.report

# Speed, never in tests: real site, synthetic sites of N = 50, 250, 1000 pages per edition,
# page weight in Chromium, gate costs. PROFILE=1 adds a pyinstrument profile of our build.
bench: $(STAMP) $(CHROMIUM)
	BENCH_PROFILE=$(PROFILE) $(BIN)/python bench/run.py

# The N = 1000 comparison as a median of three interleaved builds (about 30 minutes).
bench-long: $(STAMP) $(CHROMIUM)
	BENCH_SIZES=1000 BENCH_CORPUS_RUNS=3 $(BIN)/python bench/run.py

# Lighthouse (mobile: accessibility, SEO, CLS) on a topic page of every edition and pa11y
# (HTML_CodeSniffer WCAG2AA) on topic pages and embed views; a table, reports/audit.json.
# A few minutes; never part of `make test`. Both drive Debian's Chromium.
audit: $(STAMP) $(CHROMIUM) node_modules/axe-core/axe.min.js
	$(BIN)/python audit/run.py

lint: $(STAMP)
	$(BIN)/ruff check plugins scripts tests

i18n-extract: $(STAMP)
	$(BIN)/python -m klarinfo.editions.i18n extract

i18n-update: $(STAMP)
	$(BIN)/python -m klarinfo.editions.i18n update

i18n-check: $(STAMP)
	$(BIN)/python -m klarinfo.editions.i18n check

i18n-compile: $(STAMP)
	$(BIN)/python -m klarinfo.editions.i18n compile

# Translators: what is missing or outdated (ARGS=--json for dashboards: stdout is the JSON
# alone, so `make translation-status ARGS=--json > status.json` works; these recipes are silent).
translation-status: $(STAMP)
	@$(BIN)/python -m klarinfo.editions.status $(ARGS)

translation-diff: $(STAMP)
	@$(BIN)/python -m klarinfo.editions.status --diff "$(PAGE)" "$(EDITION)"

# REVIEWED=1: a qualified translator checked this version (else a reviewed page whose Swedish
# changed goes back to draft).
translation-done: $(STAMP)
	@$(BIN)/python -m klarinfo.editions.status --done "$(PAGE)" "$(EDITION)" $(if $(REVIEWED),--reviewed)

new-page: $(STAMP)
	$(BIN)/python -m klarinfo.editions.new_page "$(NAME)" --title "$(TITLE)"

new-translation: $(STAMP)
	$(BIN)/python -m klarinfo.editions.new_page --translate "$(PAGE)" "$(EDITION)"

# Agencies: one XLIFF 1.2 (or PO: FORMAT=po) file per edition in reports/translation/,
# and back into docs/<edition>/ (nothing is written when the file has a problem).
translation-export: $(STAMP)
	$(BIN)/python -m klarinfo.exchange.cli export --edition "$(EDITION)" --format $(or $(FORMAT),xliff) \
	  $(if $(PAGES),--pages "$(PAGES)") -o reports/translation

translation-import: $(STAMP)
	$(BIN)/python -m klarinfo.exchange.cli import "$(FILE)"

# The termbase as TBX-Basic, CSV and Vale vocabularies (reports/glossary/).
glossary-export: $(STAMP)
	$(BIN)/python -m klarinfo.exchange.termbase_export -o reports/glossary

# Every finding of the build (all editions) as SARIF 2.1.0 for VS Code's SARIF viewer and
# CI annotations: reports/findings.sarif. The site is built aside (warnings allowed), then dropped.
findings: $(STAMP)
	@rm -rf .site.findings
	KLARINFO_ALLOW_WARNINGS=true $(BIN)/python -m mkdocs build -d .site.findings/site
	@mkdir -p reports && mv .site.findings/reports/findings.sarif reports/findings.sarif
	@rm -rf .site.findings
	@echo "wrote reports/findings.sarif"

# Before the new year: which sentences and example figures change on every page of every
# edition when the rules go from FROM to TO (data/rules.yml must have both years; exit 2 if not).
rules-diff: $(STAMP)
	@$(BIN)/python -m klarinfo.examples.rules_diff --from "$(FROM)" --to "$(TO)"

setup: $(STAMP) $(CHROMIUM) node_modules/axe-core/axe.min.js

# --- bootstrap -------------------------------------------------------------------
# Every Python package comes from a hashed lock: bootstrap.lock (pip, setuptools, uv) and
# requirements.lock (everything pyproject.toml needs, transitive pins included). pip refuses
# any file whose hash is not in the lock; `pip check` fails if the lock misses a dependency
# (someone added one to pyproject.toml and forgot `make lock`). Progress goes to stderr, so
# stdout of `make translation-status ARGS=--json` is JSON alone even on the first run.

$(BIN)/python:
	@if ! $(PYTHON) -m venv --help >/dev/null 2>&1 || ! $(PYTHON) -c 'import ensurepip' 2>/dev/null; then \
	  echo "Installing python3-venv with apt (Debian): $(PYTHON) cannot create the .venv without it" >&2; \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; } >&2; \
	fi
	@echo "Creating $(VENV) with $(PYTHON)" >&2
	@$(PYTHON) -m venv $(VENV)

$(BOOTSTRAP): $(BIN)/python bootstrap.lock
	@echo "Installing pip, setuptools and uv from bootstrap.lock (hashes checked)" >&2
	@$(BIN)/python -m pip install -q --require-hashes --no-deps -r bootstrap.lock >&2
	@touch $@

$(STAMP): $(BOOTSTRAP) requirements.lock pyproject.toml
	@echo "Installing Python packages from requirements.lock (hashes checked)" >&2
	@$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements.lock >&2
	@$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e . >&2
	@$(BIN)/python -m pip check >&2 || { echo "requirements.lock misses a dependency of pyproject.toml — run: make lock" >&2; exit 1; }
	@touch $@

# Regenerate both locks after changing a pin in pyproject.toml or bootstrap.in. Pins already
# in the locks are kept (uv prefers them); `make lock UPGRADE=1` moves every package to its
# newest release. For the Python and platform we install on: CPython 3.11 on Linux x86_64
# (3.11.5 is the oldest 3.11 that pymdown-extensions accepts).
LOCK_FLAGS := --generate-hashes --python-version 3.11.5 --python-platform x86_64-unknown-linux-gnu \
	--custom-compile-command "make lock" --quiet $(if $(UPGRADE),--upgrade)
lock: $(BOOTSTRAP)
	$(BIN)/uv pip compile $(LOCK_FLAGS) bootstrap.in -o bootstrap.lock
	$(BIN)/uv pip compile $(LOCK_FLAGS) pyproject.toml --extra test --extra bench -o requirements.lock

$(CHROMIUM):
	@echo "Installing chromium with apt (Debian): the browser tests drive it through Playwright"
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq chromium

# Leaflets: WeasyPrint shapes text with Debian's Pango and HarfBuzz, DejaVu Sans for Latin
# text and Noto Naskh Arabic (the site's Arabic typeface; fonts-noto-core); the tests render pages with pdftoppm
# (poppler-utils) and read the QR codes with zbarimg (zbar-tools).
$(LEAFLET_DEBS_STAMP): $(STAMP)
	@dpkg -s $(LEAFLET_DEBS) >/dev/null 2>&1 || { \
	  echo "Installing $(LEAFLET_DEBS) with apt (Debian): leaflets (WeasyPrint) and their tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(LEAFLET_DEBS); }
	@touch $@

# nginx only for the test that serves the site with our nginx snippets (never started here).
$(NGINX):
	@echo "Installing nginx with apt (Debian): the tests run our header snippets in it (nginx -t, then a private instance; no service is started)"
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq nginx

node_modules/axe-core/axe.min.js: package.json package-lock.json
	# axe-core (accessibility) and html-validate (HTML validity) for the test suite;
	# lighthouse and pa11y for `make audit` (--ignore-scripts: puppeteer downloads no browser)
	@command -v npm >/dev/null || { \
	  echo "Installing npm with apt (Debian): it installs axe-core and html-validate for the tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm; }
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
	touch $@

clean:
	rm -rf site .site.* .pytest_cache

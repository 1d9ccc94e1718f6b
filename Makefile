# klarinfo — every target sets up what it needs itself (idempotently).
# `make site` builds and serves the site; `make test` runs the full test suite.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
NGINX := /usr/sbin/nginx
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: site build test lint bench readability i18n-extract i18n-update i18n-check i18n-compile \
	translation-status translation-diff translation-done new-page new-translation check-links bench-long \
	setup clean

# `make site LANG=ar` previews one edition (plus the Swedish source) for faster rebuilds.
# Only a LANG given on the command line counts: the shell's own LANG is a locale.
ifeq ($(origin LANG),command line)
EDITION := $(LANG)
override LANG := C.UTF-8
endif

site: $(STAMP)
	KLARINFO_EDITION=$(EDITION) $(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT) --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) $(CHROMIUM) $(NGINX) node_modules/axe-core/axe.min.js
	$(BIN)/ruff check plugins scripts tests
	$(BIN)/pytest

# Every internal link, anchor and asset of the built site; external links listed in a report.
# The report goes beside the site (reports/), not into it: everything in site/ is published.
check-links: build
	$(BIN)/python -m klarinfo.links site --report reports/links.json

readability: $(STAMP)
	$(BIN)/python scripts/readability.py

# Speed, never in tests: real site, synthetic sites of N = 50, 250, 1000 pages per edition,
# page weight in Chromium, gate costs. PROFILE=1 adds a pyinstrument profile of our build.
bench: $(STAMP) $(CHROMIUM)
	BENCH_PROFILE=$(PROFILE) $(BIN)/python bench/run.py

# The N = 1000 comparison as a median of three interleaved builds (about 30 minutes).
bench-long: $(STAMP) $(CHROMIUM)
	BENCH_SIZES=1000 BENCH_CORPUS_RUNS=3 $(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check plugins scripts tests

i18n-extract: $(STAMP)
	$(BIN)/python scripts/i18n.py extract

i18n-update: $(STAMP)
	$(BIN)/python scripts/i18n.py update

i18n-check: $(STAMP)
	$(BIN)/python scripts/i18n.py check

i18n-compile: $(STAMP)
	$(BIN)/python scripts/i18n.py compile

# Translators: what is missing or outdated (ARGS=--json for dashboards).
translation-status: $(STAMP)
	$(BIN)/python scripts/translation_status.py $(ARGS)

translation-diff: $(STAMP)
	$(BIN)/python scripts/translation_status.py --diff "$(PAGE)" "$(EDITION)"

translation-done: $(STAMP)
	$(BIN)/python scripts/translation_status.py --done "$(PAGE)" "$(EDITION)"

new-page: $(STAMP)
	$(BIN)/python scripts/new_page.py "$(NAME)" --title "$(TITLE)"

new-translation: $(STAMP)
	$(BIN)/python scripts/new_page.py --translate "$(PAGE)" "$(EDITION)"

setup: $(STAMP) $(CHROMIUM) node_modules/axe-core/axe.min.js

# --- bootstrap -------------------------------------------------------------------

$(BIN)/python:
	@if ! $(PYTHON) -m venv --help >/dev/null 2>&1 || ! $(PYTHON) -c 'import ensurepip' 2>/dev/null; then \
	  echo "Installing python3-venv (Debian)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; \
	fi
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test,bench]'
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq chromium

# nginx only for the test that serves the site with our nginx snippets (never started here).
$(NGINX):
	@echo "Installing Debian's nginx with apt-get (test of the nginx header snippets; not started as a service)"
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq nginx

node_modules/axe-core/axe.min.js: package.json package-lock.json
	# axe-core (accessibility) and html-validate (HTML validity) for the test suite
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm; }
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

clean:
	rm -rf site .site.* .pytest_cache

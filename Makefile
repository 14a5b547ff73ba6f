# Minutebook: the verbs everyone uses. Each one sets up what it needs in .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
ITEMS ?= 10000

.PHONY: site serve test test-fast lint format golden bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.runtime

node_modules/.installed: $(wildcard package-lock.json)
	@if [ -f package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund; fi
	@mkdir -p node_modules && touch $@

## site: build content/ into site/ with its search index
site: $(VENV)/.runtime
	$(BIN)/python build.py

## serve: build, serve at http://127.0.0.1:$(PORT)/ and rebuild on changes
serve: $(VENV)/.runtime
	$(BIN)/python build.py serve --port $(PORT)

## test: the whole suite (browser tests run when /usr/bin/chromium exists)
test: $(VENV)/.test node_modules/.installed
	$(BIN)/python -m pytest

## test-fast: everything but the browser tests
test-fast: $(VENV)/.test
	$(BIN)/python -m pytest -m "not browser"

lint: $(VENV)/.test
	$(BIN)/ruff check minutebook tests bench build.py
	$(BIN)/ruff format --check minutebook tests bench build.py
	$(BIN)/mypy

format: $(VENV)/.test
	$(BIN)/ruff format minutebook tests bench build.py
	$(BIN)/ruff check --fix minutebook tests bench build.py

## golden: refresh the checked-in copy of the shipped archive; review the diff before committing
golden: $(VENV)/.runtime
	$(BIN)/python -m tests.golden --refresh

## bench: build a synthetic archive with Minutebook and Hugo side by side (ITEMS=10000)
bench: $(VENV)/.test
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py --items $(ITEMS)

clean:
	rm -rf site .site-staging-* .pytest_cache .mypy_cache .ruff_cache test-artifacts

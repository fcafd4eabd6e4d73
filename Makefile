# Lontar developer commands. A fresh machine needs only python3 (3.11+), git and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?= -n 2
LONTAR := $(BIN)/lontar

.PHONY: run test test-extended install install-test lint format check migrations messages bench worker clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Lontar needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: a second `make run` installs nothing unless the lock files changed.
$(VENV)/.installed: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements/test.txt
	$(BIN)/pip install --quiet -r requirements/test.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## make run: install, migrate, load the demo once, start the worker, serve on HOST:PORT.
run: export LONTAR_DEBUG ?= 1
run: $(VENV)/.installed
	$(LONTAR) migrate --no-input -v 0
	$(LONTAR) load_demo --port $(PORT)
	@echo "Worker and server starting on http://$(HOST):$(PORT)/ (Ctrl+C stops both)"
	@$(LONTAR) worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(LONTAR) runserver --noreload $(HOST):$(PORT)

worker: $(VENV)/.installed
	$(LONTAR) worker

## make test: install what the tests need and run the whole suite (SQLite unless DATABASE_URL).
test: $(VENV)/.installed-test
	@$(BIN)/python scripts/ensure_chromium.py
	$(BIN)/python -m pytest $(PYTEST_ARGS) $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make check: what CI runs besides the tests.
check: export LONTAR_DEBUG ?= 1
check: lint
	$(LONTAR) check --fail-level WARNING
	$(LONTAR) makemigrations --check --dry-run

migrations: export LONTAR_DEBUG ?= 1
migrations: $(VENV)/.installed
	@test -n "$(app)" -a -n "$(name)" || (echo "usage: make migrations app=ppid name=add_objection" && exit 2)
	$(LONTAR) makemigrations $(app) --name $(name)

messages: export LONTAR_DEBUG ?= 1
messages: $(VENV)/.installed
	cd lontar && ../$(LONTAR) makemessages -l en --no-obsolete --ignore "tests/*" && ../$(LONTAR) compilemessages -l en

bench: export LONTAR_DEBUG ?= 1
bench: $(VENV)/.installed-test
	$(BIN)/python bench/page_weight.py

clean:
	rm -rf $(VENV) var

# Lontar developer commands. A fresh machine needs only python3 (3.11+), git and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?= -n 2
LONTAR := $(BIN)/lontar

.PHONY: run serve test test-extended install install-test lint format check typecheck coverage migrations messages bench budget lighthouse screens worker clean

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
	$(LONTAR) integrity_manifest -v 0
	@echo "Worker and server starting on http://$(HOST):$(PORT)/ (Ctrl+C stops both)"
	@$(LONTAR) worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(LONTAR) runserver --noreload $(HOST):$(PORT)

worker: $(VENV)/.installed
	$(LONTAR) worker

## make serve: production mode on this machine (README "Production"): settings from the
## environment (and ENV_FILE when it exists), migrate, hashed and compressed static files,
## the worker, and gunicorn (lontar/config/gunicorn.py) on WEB_BIND.
ENV_FILE ?= .env
serve: $(VENV)/.installed
	@set -a; if [ -f "$(ENV_FILE)" ]; then . ./$(ENV_FILE); fi; set +a; \
	  $(LONTAR) check --deploy --fail-level ERROR && \
	  $(LONTAR) migrate --no-input -v 0 && \
	  $(LONTAR) collectstatic --no-input -v 0 && \
	  { $(LONTAR) worker & worker=$$!; \
	    trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	    $(BIN)/gunicorn -c python:lontar.config.gunicorn lontar.config.wsgi; }

## make test: install what the tests need and run the whole suite (SQLite unless DATABASE_URL).
test: $(VENV)/.installed-test
	@$(BIN)/python scripts/ensure_chromium.py
	$(BIN)/python -m pytest $(PYTEST_ARGS) $(ARGS)

## make test-extended: the Tier B harnesses (bench/README.md): `slow` tests, then the crash loop
## and the load test against gunicorn, on SQLite and, when DATABASE_URL is set, on PostgreSQL;
## then the scale-out run (two gunicorn behind the real nginx config, on PostgreSQL, Redis and
## an S3 server; its own database, see bench/scale_out.py).
CRASH_ARGS ?= --count 200
LOAD_ARGS ?= --users 50 --duration 60 --spike-users 150 --spike 20
SCALE_ARGS ?=
test-extended: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m slow $(ARGS) || test $$? -eq 5  # 5: no slow test selected
	@# The temporary directory is removed on success only: on failure it holds gunicorn's log.
	dir=$$(mktemp -d) && \
	  env -u DATABASE_URL $(BIN)/python bench/crash_loop.py --var-dir "$$dir" $(CRASH_ARGS) && \
	  env -u DATABASE_URL $(BIN)/python bench/load.py --var-dir "$$dir" $(LOAD_ARGS) && \
	  rm -rf "$$dir"
	if [ -n "$$DATABASE_URL" ]; then dir=$$(mktemp -d) && \
	  $(BIN)/python bench/crash_loop.py --var-dir "$$dir" $(CRASH_ARGS) && \
	  $(BIN)/python bench/load.py --var-dir "$$dir" $(LOAD_ARGS) && \
	  rm -rf "$$dir"; fi
	$(BIN)/python bench/scale_out.py $(SCALE_ARGS)

## make budget: page budgets of every public page type (pass/fail; needs the demo of `make run`).
budget: export LONTAR_DEBUG ?= 1
budget: $(VENV)/.installed-test
	$(BIN)/python bench/page_budget.py

## make lighthouse: Lighthouse scores (mobile) of seven public page types against a running
## portal (BASE_URL, default the `make run` server); installs the npm package on first use.
BASE_URL ?= http://$(HOST):$(PORT)
lighthouse: export LONTAR_DEBUG ?= 1
lighthouse: $(VENV)/.installed-test
	$(BIN)/python bench/lighthouse.py --base-url $(BASE_URL)

## make screens: docs/screens/*.jpg, every public page type at 360 px (start `make run` first).
screens: export LONTAR_DEBUG ?= 1
screens: $(VENV)/.installed-test
	$(BIN)/python scripts/screens.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make check: what CI runs besides the tests (docs/decisions/0013-static-checks.md).
check: export LONTAR_DEBUG ?= 1
check: lint typecheck
	$(BIN)/ruff format --check --output-format concise .
	$(LONTAR) check --fail-level WARNING
	$(LONTAR) makemigrations --check --dry-run
	env -u LONTAR_DEBUG $(BIN)/python -m pytest -q lontar/core/tests/test_import_rules.py
	$(coverage-floors)

## make typecheck: mypy with django-stubs; what it checks and how strictly is in pyproject.toml.
typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

# The pure rule modules and the service modules, each group with its own floor (a little below
# what their own tests reach today), measured by those tests alone. Tests run as in `make test`
# (never under LONTAR_DEBUG). Without migrations the test database is built in seconds; the one
# test of a data migration runs in `make test`.
RULE_MODULES := lontar/core/calendar.py lontar/core/transitions.py lontar/ppid/deadlines.py \
	lontar/ppid/nik.py lontar/ppid/states.py lontar/ppid/numbering.py lontar/survey/ikm.py \
	lontar/programs/progress.py lontar/qna/redaction.py lontar/regulations/status.py \
	lontar/qna/states.py lontar/survey/states.py lontar/opendata/states.py \
	lontar/ppid/notices.py lontar/ppid/costs.py lontar/ppid/exemptions.py \
	lontar/ppid/requesters.py lontar/ppid/retention.py lontar/ppid/privacy.py \
	lontar/objections/deadlines.py lontar/ppidstats/figures.py
RULE_TESTS := lontar/core/tests/test_calendar.py lontar/core/tests/test_transitions.py \
	lontar/ppid/tests/test_deadlines.py lontar/ppid/tests/test_nik.py \
	lontar/ppid/tests/test_numbering.py lontar/survey/tests/test_ikm.py \
	lontar/programs/tests/test_progress.py lontar/qna/tests/test_redaction.py \
	lontar/regulations/tests/test_status.py lontar/ppid/tests/test_states.py \
	lontar/qna/tests/test_states.py lontar/survey/tests/test_workflow.py \
	lontar/opendata/tests/test_audited_writes.py lontar/ppid/tests/test_notices.py \
	lontar/ppid/tests/test_request_rules.py lontar/objections/tests/test_deadlines.py \
	lontar/ppidstats/tests/test_statistics.py
RULE_FLOOR := 96
SERVICE_MODULES := lontar/core/audit.py lontar/ppid/services.py lontar/ppid/actions.py \
	lontar/survey/services.py lontar/regulations/services.py lontar/qna/services.py \
	lontar/opendata/partners.py lontar/opendata/publication.py lontar/wordpress/services.py \
	lontar/objections/services.py lontar/infolist/services.py
SERVICE_TESTS := lontar/core/tests/test_audit.py lontar/ppid/tests/test_services.py \
	lontar/ppid/tests/test_actions.py lontar/survey/tests/test_services.py \
	lontar/survey/tests/test_workflow.py lontar/regulations/tests/test_services.py \
	lontar/regulations/tests/test_import_audit.py lontar/qna/tests/test_services.py \
	lontar/opendata/tests/test_audited_writes.py lontar/opendata/tests/test_partners.py \
	lontar/wordpress/tests/test_admin.py \
	lontar/objections/tests/test_services.py lontar/infolist/tests/test_infolist.py
SERVICE_FLOOR := 86
comma := ,
empty :=
space := $(empty) $(empty)
commas = $(subst $(space),$(comma),$(strip $(1)))

define coverage-floors
@mkdir -p var/coverage
env -u LONTAR_DEBUG $(BIN)/coverage run --include=$(call commas,$(RULE_MODULES) $(SERVICE_MODULES)) \
  -m pytest -q --no-migrations -k "not data_migration" $(RULE_TESTS) $(SERVICE_TESTS)
$(BIN)/coverage report --include=$(call commas,$(RULE_MODULES)) --fail-under=$(RULE_FLOOR)
$(BIN)/coverage report --include=$(call commas,$(SERVICE_MODULES)) --fail-under=$(SERVICE_FLOOR)
endef

## make coverage: the rule and service modules' coverage floors (also part of `make check`).
coverage: $(VENV)/.installed-test
	$(coverage-floors)

migrations: export LONTAR_DEBUG ?= 1
migrations: $(VENV)/.installed
	@test -n "$(app)" -a -n "$(name)" || (echo "usage: make migrations app=ppid name=add_objection" && exit 2)
	$(LONTAR) makemigrations $(app) --name $(name)

messages: export LONTAR_DEBUG ?= 1
messages: $(VENV)/.installed
	cd lontar && ../$(LONTAR) makemessages -l en --no-obsolete --ignore "tests/*" && ../$(LONTAR) compilemessages -l en -l id

## make bench also runs bench/data_size.py (issue 22): every public page at demo size and on
## the generated data set, failing above 1.5x (2x for admin pages). SIZE_ARGS="--scale 1" for
## the full 100,000-article set; the databases are kept in var/bench-size (--fresh rebuilds).
## bench/province.py (issue 18): an OPD's pages with 1 and 60 agencies, the province's
## dashboard and search with 10 and 60.
## bench/serve_bench.py (issue 14): production mode (gunicorn, PostgreSQL, Redis, nginx) under
## wrk; installs the Debian packages wrk and nginx when missing (apt-get install -y, as root) or
## says how; its database is kept (SERVE_ARGS="--scale 1" for the full set, --fresh rebuilds);
## the table goes to bench/results/.
SIZE_ARGS ?= --scale 0.2
SERVE_ARGS ?= --scale 0.2
bench: export LONTAR_DEBUG ?= 1
bench: $(VENV)/.installed-test
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/pages.py --var-dir var
	$(BIN)/python bench/data_size.py $(SIZE_ARGS)
	$(BIN)/python bench/province.py
	$(BIN)/python bench/serve_bench.py $(SERVE_ARGS)

clean:
	rm -rf $(VENV) var

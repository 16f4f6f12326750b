# Ankommen: `make run` serves the Kornwestheim demo as a town would see it, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
WEB_WORKERS ?= 2
PYTEST_WORKERS ?= 2
# The browser tests sit together early in the collection: xdist's default (load) hands them all to one
# worker; with worksteal a worker that runs out takes half of what the other still has queued.
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal --durations=20
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# `make run`: the production server and settings (plain HTTP on this machine, so cookies without `Secure`).
RUN_ENV := DEBUG=false DEMO_MODE=true SECURE_COOKIES=false
DEV_ENV := DEBUG=true DEMO_MODE=true DATABASE_CONN_MAX_AGE=0

.PHONY: run dev demo-data test lint check-messages messages install test-install system-deps lock bench clean

$(BIN)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(BIN)/.test-installed: $(BIN)/.installed requirements-test.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

node_modules/.installed: package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(BIN)/.installed

system-deps:
	scripts/system-deps

test-install: system-deps $(BIN)/.test-installed node_modules/.installed

demo-data: $(BIN)/.installed
	$(BIN)/ankommen migrate --noinput
	$(BIN)/ankommen createcachetable
	$(BIN)/ankommen demo

# gunicorn with the task worker beside it; static files collected, compressed, served by WhiteNoise.
run: $(BIN)/.installed
	$(RUN_ENV) $(MAKE) --no-print-directory demo-data
	$(RUN_ENV) $(BIN)/ankommen collectstatic --noinput --verbosity 0
	@echo "Ankommen runs on http://127.0.0.1:$(PORT)/ (gunicorn, $(WEB_WORKERS) workers, and the task worker); Ctrl-C stops both."
	$(RUN_ENV) ANKOMMEN=$(BIN)/ankommen scripts/with-worker \
	  $(BIN)/gunicorn ankommen.wsgi --bind 127.0.0.1:$(PORT) --workers $(WEB_WORKERS) --no-control-socket

# Django's development server: reloads on code changes, static files straight from the apps, DEBUG on.
dev: $(BIN)/.installed
	$(DEV_ENV) $(MAKE) --no-print-directory demo-data
	$(DEV_ENV) ANKOMMEN=$(BIN)/ankommen scripts/with-worker $(BIN)/ankommen runserver 127.0.0.1:$(PORT)

lint: $(BIN)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint src --lint --quiet
	$(BIN)/ankommen makemigrations --check --dry-run

check-messages: $(BIN)/.test-installed
	scripts/check-messages

# Everything on SQLite, then every test that touches the database again on PostgreSQL (the browser
# crawls and journeys run once). pytest's exit code 5, no test collected, fails the run like any other.
test: test-install lint check-messages
	$(PYTEST)
	scripts/with-postgres $(PYTEST) -m "not browser"

# Update the catalogues after changing UI text; `make test` checks they are current.
messages: $(BIN)/.test-installed
	cd src/ankommen && ../../$(BIN)/ankommen makemessages --all --no-obsolete --no-location
	cd src/ankommen && ../../$(BIN)/ankommen compilemessages

# Pin new versions of the dependencies (needs network access to PyPI).
lock: $(BIN)/.installed
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 -q -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 -q -o requirements-test.lock

bench: $(BIN)/.test-installed
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) node_modules var/static

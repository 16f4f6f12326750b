# Ankommen: `make run` serves the Kornwestheim demo, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_WORKERS ?= 2
export PIP_DISABLE_PIP_VERSION_CHECK := 1
RUN_ENV := DEBUG=true DEMO_MODE=true

.PHONY: run test lint check-messages messages install test-install lock bench clean

$(BIN)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(BIN)/.test-installed: $(BIN)/.installed requirements-test.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(BIN)/.installed

test-install: $(BIN)/.test-installed node_modules/.installed
	scripts/system-deps

run: $(BIN)/.installed
	$(RUN_ENV) $(BIN)/ankommen migrate --noinput
	$(RUN_ENV) $(BIN)/ankommen createcachetable
	$(RUN_ENV) $(BIN)/ankommen demo
	$(RUN_ENV) $(BIN)/ankommen runserver 127.0.0.1:$(PORT)

lint: $(BIN)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint src --lint --quiet
	$(BIN)/ankommen makemigrations --check --dry-run

check-messages: $(BIN)/.test-installed
	scripts/check-messages

test: test-install lint check-messages
	$(BIN)/pytest -n $(PYTEST_WORKERS)
	scripts/with-postgres $(BIN)/pytest -n $(PYTEST_WORKERS)

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

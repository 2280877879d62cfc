# CareerFit: `make run` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# `make run` is for development: DEBUG on, so no secret key is needed.
DEV := DJANGO_DEBUG=1
FIXTURES := professions questions
# A throwaway key so `check` can judge the production settings without a real secret.
CHECK_ENV := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=check-only-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(48))')

.PHONY: install run test lint format check db clean

# Reinstall only when the dependencies change. xstatic-bootstrap ships as an sdist whose
# build still imports pkg_resources, so it builds against the venv's pinned setuptools.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip 'setuptools>=69,<81' wheel
	$(BIN)/python -m pip install --quiet --no-build-isolation --editable '.[dev]'
	touch $@

install: $(BIN)/.installed

db: install
	$(DEV) $(MANAGE) create_database
	$(DEV) $(MANAGE) migrate --no-input
	$(DEV) $(MANAGE) loaddata $(FIXTURES)

run: db
	$(DEV) $(MANAGE) runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(CHECK_ENV) $(MANAGE) check --deploy --fail-level WARNING
	$(CHECK_ENV) $(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles test-artifacts

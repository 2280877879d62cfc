# CareerFit: `make run` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# `make run` is for development: DEBUG on, so no secret key is needed.
DEV := DJANGO_DEBUG=1
# `make serve` is production on this machine: DEBUG off, a key kept in .secret-key, and plain
# HTTP on the loopback address (put a TLS proxy in front anywhere else).
PROD := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$(cat .secret-key) DJANGO_SECURE_SSL_REDIRECT=0
GUNICORN := $(BIN)/gunicorn careerfit.wsgi --workers 2 --threads 4 --access-logfile -
# Create the database if needed, migrate, and load the fixtures into an empty database
# (never over data an editor may have changed), with the given environment.
SET_UP_DATA = $(1) $(MANAGE) create_database && $(1) $(MANAGE) migrate --no-input \
	&& $(1) $(MANAGE) seed
# A throwaway key so `check` can judge the production settings without a real secret.
CHECK_ENV := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=check-only-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(48))')

# Every dependency, pinned with hashes: `make lock` after editing pyproject.toml's, `make
# upgrade` to move them all to their newest allowed releases.
LOCK := requirements.lock
COMPILE := $(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
	--generate-hashes --quiet --output-file $(LOCK)

.PHONY: install lock upgrade run serve test test-sqlite lint format check db bench soak clean

# Reinstall only when the lock changes.
$(BIN)/.installed: $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes --requirement $(LOCK)
	touch $@

install: $(BIN)/.installed

lock: install
	$(COMPILE)

upgrade: install
	$(COMPILE) --upgrade

db: install
	$(call SET_UP_DATA,$(DEV))

run: db
	$(DEV) $(MANAGE) runserver 127.0.0.1:8000

.secret-key:
	umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

serve: install .secret-key
	$(call SET_UP_DATA,$(PROD))
	$(PROD) $(MANAGE) collectstatic --no-input --verbosity 0
	$(PROD) $(GUNICORN) --bind 127.0.0.1:8000

# The whole suite, on two processes, on DATABASE_URL's database (SQLite without it).
test: install
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

# On SQLite, the tests whose behaviour can depend on the database engine (tests/conftest.py).
test-sqlite: install
	env -u DATABASE_URL CAREERFIT_ENGINE_TESTS=1 $(BIN)/pytest -n 2 $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(CHECK_ENV) $(MANAGE) check --deploy --fail-level WARNING
	$(CHECK_ENV) $(MANAGE) makemigrations --check --dry-run

# Load figures of the production stack; `make bench BENCH_ARGS="--professions 300"` to vary.
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m tests.bench.run $(BENCH_ARGS)

# Takers, fuzzing, a database outage and a killed worker against the production stack on
# PostgreSQL (DATABASE_URL's server, else the local one); stops and restarts PostgreSQL.
soak: install
	$(BIN)/python -m tests.soak.run $(SOAK_ARGS)

clean:
	rm -rf $(VENV) staticfiles test-artifacts .secret-key

# Runlog: `make run` sets everything up and serves http://127.0.0.1:8000; `make test` runs the suite.

# Python 3.12+ (3.13 preferred, see .python-version): on PATH, or from pyenv where it is installed.
PYTHON ?= $(firstword $(shell command -v python3.13 python3.12 2>/dev/null) $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3.13) python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/runlog

.PHONY: install catalogues messages check-catalogues migrate demo run serve load worker test test-sqlite test-postgres bench lint format check-deploy clean

install: $(STAMP) catalogues

$(STAMP): pyproject.toml requirements.lock package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is needed to install the chart and map libraries: apt-get install nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12+ is needed (found %s); install python3.13" % sys.version.split()[0])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

# The translations: every .po catalogue (runlog/locale, injuries/locale) compiled to the .mo file Django
# loads, in pure Python (no GNU gettext needed); quick, so on every install.
catalogues: $(STAMP)
	$(PY) manage.py compile_catalogues -v0

# After marking new strings: update every language's catalogue from the code (makemessages, merged).
messages: install
	$(PY) manage.py make_catalogues

# Every language complete: no catalogue missing, no message untranslated or fuzzy, none stale (a string
# marked in the code that the catalogue lacks). Run by .ci/run as its own step.
check-catalogues: install
	$(PY) manage.py check_catalogues

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

# The web server and one background worker (imports, digests); Ctrl-C stops both.
run: demo
	@$(PY) -c 'import weasyprint' 2>/dev/null || echo "Note: the clinician share's PDF needs Pango, which is missing: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 (the share page works without it)."
	@echo "Runlog on http://$(HOST):$(PORT)/ — log in as demo / demo-password"
	@$(PY) manage.py db_worker --queue-name '*' & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver $(HOST):$(PORT)

# Production mode locally: DEBUG off, WhiteNoise serving collected static files, gunicorn on 127.0.0.1:8000.
# HTTPS redirects and Secure cookies are off only because this is plain HTTP on the loopback address.
PROD_ENV = DEBUG=0 SECRET_KEY=$${SECRET_KEY:-local-serve-$$(hostname)-not-secret-0123456789abcdefghijklmnopq} \
	ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 \
	EMAIL_HOST=$${EMAIL_HOST:-127.0.0.1} EMAIL_PORT=$${EMAIL_PORT:-25}

serve: demo
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput -v0
	@echo "Runlog (production mode) on http://127.0.0.1:8000/"
	@$(PROD_ENV) $(PY) manage.py db_worker --queue-name '*' --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PROD_ENV) $(PY) -m gunicorn runlog.wsgi -c runlog/gunicorn_conf.py

# Load test against gunicorn on 127.0.0.1 (SQLite, then PostgreSQL); see docs/operations.md.
load: install
	$(PY) tests/load/loadtest.py --database sqlite
	$(PY) tests/load/loadtest.py --database postgres --pg-url $(PG_URL)_load

worker: migrate
	$(PY) manage.py db_worker --queue-name '*' --no-reload

# The whole suite on SQLite (the default database).
test: install
	$(PY) -m pytest

test-sqlite: test

# The whole suite again on the local PostgreSQL.
test-postgres: install
	DATABASE_URL=$(PG_URL) $(PY) -m pytest

bench: install
	RUNLOG_BENCH=1 RUNLOG_TEST_DB=.bench-db.sqlite3 $(PY) -m pytest tests/benchmarks --benchmark-only --benchmark-columns=min,median,max,rounds -p no:randomly

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

check-deploy: install
	DEBUG=0 SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') ALLOWED_HOSTS=runlog.example.com EMAIL_HOST=smtp.example.com \
	  $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache staticfiles

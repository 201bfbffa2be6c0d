# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help python-version install migrate messages data run test system-test-deps lint format update-messages serve bench bench-reports bench-exports backup restore

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

python-version:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
	  echo "Python 3.11 or newer is needed; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." >&2; \
	  echo "Install a newer Python or run: make PYTHON=/path/to/python3.11 ..." >&2; exit 1; }

$(VENV)/.installed: requirements.lock | python-version
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

install: $(VENV)/.installed ## Create .venv, install the pinned dependencies and the fonts and libraries of the PDFs
	@bash scripts/install-system-deps.sh

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

messages: install ## Compile the message catalogs
	$(MANAGE) compile_catalogs

data: migrate ## Load the registry, the demo content, roles and demo accounts (idempotent)
	$(MANAGE) load_registry
	$(MANAGE) load_demo_content
	$(MANAGE) rebuild_explorer_index
	$(MANAGE) sync_roles
	$(MANAGE) load_demo_accounts

run: data messages ## Install, migrate, load data and serve http://127.0.0.1:8000/
	$(MANAGE) runserver $(HOST):$(PORT)

system-test-deps:
	bash scripts/install-test-deps.sh

# axe-core and vnu-jar at the versions of package-lock.json; vnu-jar's install script, which
# would download a Java runtime, is not needed (Java comes from Debian) and not run.
node_modules/.installed: package-lock.json | system-test-deps
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test: system-test-deps install messages node_modules/.installed ## Install what the tests need (Python, npm and Debian packages), run the whole suite
	$(VENV)/bin/lint-imports --no-cache  # imports between apps point one way (docs/architecture.md)
	$(PY) -m pytest

lint: install ## Lint and check formatting
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

MAKEMESSAGES_ARGS := --no-location --no-obsolete --ignore=.venv --ignore=static_collected --ignore=media --ignore=test-artifacts --ignore=node_modules -l fr -l es -l ar -l ru -l zh_Hans

update-messages: install ## Extract UI strings into locale/*/LC_MESSAGES/django.po
	$(MANAGE) makemessages $(MAKEMESSAGES_ARGS)
	$(MANAGE) makemessages -d djangojs $(MAKEMESSAGES_ARGS)

# --- Production stack ------------------------------------------------------------------------
PROD_ENV := DJANGO_SETTINGS_MODULE=cms.settings.production \
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/aplc} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	SECRET_KEY=$${SECRET_KEY:-$$(cat .secret-key)} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	PUBLIC_BASE_URL=$${PUBLIC_BASE_URL:-http://127.0.0.1:8000} \
	SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0}

.secret-key:
	$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@

serve: install messages .secret-key ## Production settings on PostgreSQL and Redis, behind gunicorn (http://127.0.0.1:8000/)
	@pg_isready -h 127.0.0.1 -q || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | tail -1) main start
	@psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='aplc'" | grep -q 1 || createdb -h 127.0.0.1 -U postgres aplc
	$(PROD_ENV) $(MANAGE) migrate --noinput
	$(PROD_ENV) $(MANAGE) load_registry
	$(PROD_ENV) $(MANAGE) load_demo_content
	$(PROD_ENV) $(MANAGE) rebuild_explorer_index
	$(PROD_ENV) $(MANAGE) sync_roles
	$(PROD_ENV) $(MANAGE) collectstatic --noinput -v0
	$(PROD_ENV) $(VENV)/bin/gunicorn cms.wsgi:application -c gunicorn.conf.py

bench: install messages ## Load test of the production stack; figures in docs/benchmarks.md
	$(PY) scripts/bench.py
bench-reports: install messages ## Article 7 reports: save, summary and PDF timings (BENCH_DB=a `make data` SQLite file, else one is built); figures in docs/benchmarks.md
	$(PY) scripts/bench.py reports $(BENCH_DB)
bench-exports: install ## The ISU's CSV and XLSX exports of 165 States x 25 years of generated reports: time and peak memory (BENCH_DB=a `make data` SQLite file to start from, else one is built)
	$(PY) scripts/bench_exports.py $(BENCH_DB)

BACKUP ?= backups/site-$(shell date +%Y%m%d-%H%M%S).tar.gz
backup: install ## Database and uploaded files to one archive (BACKUP=path)
	$(MANAGE) backup_site $(BACKUP)

restore: install ## Replace the data with an archive: make restore BACKUP=path
	@test -n "$(BACKUP)" -a -f "$(BACKUP)" || { echo "Give the archive: make restore BACKUP=backups/site-….tar.gz" >&2; exit 1; }
	$(MANAGE) restore_site $(BACKUP) --yes

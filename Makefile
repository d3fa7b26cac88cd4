# The README's commands. `make run` starts the site with demo content; `make test` runs the suite.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# The first interpreter of at least 3.12 (pyenv's shims honour .python-version).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$p; break; }; done)

.PHONY: venv lock run test lint format migrate demo messages bench backup restore clean browser pg-client wrk haproxy nginx lighthouse nu bench-peer pango screenshots

# The virtualenv installs exactly the lock (requirements-dev.txt: the site's dependencies and the
# dev extra, versions and hashes), then the project itself; it is renewed when either changes.
$(STAMP): requirements-dev.txt pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: Python 3.12 or newer is required (found none on PATH)."; \
		echo "Install one (e.g. 'pyenv install 3.13') or run 'make PYTHON=/path/to/python3.12 ...'."; \
		exit 1; fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

venv: $(STAMP)

# Renew the lock from pyproject.toml after changing a dependency: requirements.txt (what
# production installs) and requirements-dev.txt (the same pins, and the dev extra). Versions
# already locked are kept while pyproject.toml allows them; `make lock UPGRADE=1` takes the
# newest. Only PyPI is asked, so the hashes are those every machine downloads.
PIP_COMPILE := env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null \
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)
lock: venv
	$(PIP_COMPILE) -o requirements.txt pyproject.toml
	$(PIP_COMPILE) --extra dev --constraint requirements.txt -o requirements-dev.txt pyproject.toml

# Development commands default to DEBUG=1 (no SECRET_KEY needed); the environment wins.
DEV := DEBUG=$${DEBUG:-1}

migrate: venv
	$(DEV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(DEV) $(BIN)/python manage.py load_demo

# The documentation's screenshots (docs/screenshots/): the demo loaded into a temporary database,
# served by Django, the home, an article, a practice, a member and the Declaration photographed
# on a desktop and a phone by Debian's Chromium through Playwright (scripts/screenshots.py).
screenshots: venv browser pango
	$(BIN)/python scripts/screenshots.py

# The site and its task worker side by side (Procfile.dev, run by honcho); Ctrl-C stops both.
# Their e-mails link to this site, at this port: honcho gives each process a PORT of its own.
run: demo pango
	@echo "The Alliance portal is at http://$(HOST):$(PORT)/, its task worker beside it (Ctrl-C stops both)."
	$(DEV) HOST=$(HOST) SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} PATH="$(CURDIR)/$(BIN):$$PATH" \
		$(BIN)/honcho -f Procfile.dev start -p $(PORT)

# The suite in parallel, a process per core (pytest-xdist; at most 11, each with a Redis database
# of its own); `make test PYTEST_WORKERS=0` runs it in this process.
PYTEST_WORKERS ?= auto
test: venv browser haproxy nginx nu pango
	$(BIN)/python -m pytest --numprocesses $(PYTEST_WORKERS) --maxprocesses 11 $(PYTEST_ARGS)

# Browser tests drive Debian's Chromium; install it when missing and we may (root, apt).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Debian's chromium for the browser tests..."; \
			(apt-get install -y -qq chromium >/dev/null 2>&1 || \
			 (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)) ; \
		else echo "WARNING: chromium is not installed: the browser tests will be SKIPPED."; fi; }

# The yearly report's PDF is drawn by WeasyPrint, which needs Pango, HarfBuzz and fontconfig
# from Debian's packages (docs/deployment.md).
pango:
	@/sbin/ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Pango for the yearly report's PDF..."; \
			(apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core >/dev/null 2>&1 || \
			 (apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core >/dev/null)) ; \
		else echo "WARNING: Pango is not installed: the yearly report (PDF) will fail."; fi; }

# One archive of the database and the uploaded files in BACKUP_DIR (backups/), old ones pruned;
# restore the latest (or BACKUP_FILE=backups/alliance-….tar.gz) into an empty database and
# folders, or with FORCE=1 over what they hold (asks first).
backup: venv pg-client
	$(DEV) $(BIN)/python manage.py backup

restore: venv pg-client
	$(DEV) $(BIN)/python manage.py restore $(BACKUP_FILE) $(if $(FORCE),--force)

# pg_dump and pg_restore, for a PostgreSQL DATABASE_URL: Debian's client tools when missing.
pg-client:
	@case "$${DATABASE_URL:-}" in postgres*) \
		command -v pg_dump >/dev/null 2>&1 || { \
			if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
				echo "Installing Debian's postgresql-client for pg_dump and pg_restore..."; \
				(apt-get install -y -qq postgresql-client >/dev/null 2>&1 || \
				 (apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null)); \
			else echo "error: pg_dump is missing: install PostgreSQL's client tools."; exit 1; fi; }; \
	esac

# The benchmark (docs/bench.md): generated data, gunicorn as in production, wrk.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/alliance_bench
BENCH_SCALE ?= 1
BENCH_DURATION ?= 10
BENCH_URLS ?=
bench: venv wrk haproxy
	BENCH_DATABASE_URL="$(BENCH_DATABASE_URL)" BENCH_SCALE="$(BENCH_SCALE)" \
	BENCH_DURATION="$(BENCH_DURATION)" BENCH_URLS="$(BENCH_URLS)" $(BIN)/python bench/run.py

# This portal side by side with djangoproject.com, both set up here (bench/README.md); not in CI:
# make bench-peer PEER_SRC=../djangoproject.com PUSH_SRC=../django-push
bench-peer: venv wrk
	PEER_SRC="$(PEER_SRC)" PUSH_SRC="$(PUSH_SRC)" $(BIN)/python -m bench.peer

# The benchmark's load generator is Debian's wrk; install it when missing and we may.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Debian's wrk for the benchmark..."; \
			(apt-get install -y -qq wrk >/dev/null 2>&1 || \
			 (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)) ; \
		else echo "error: wrk is not installed (apt-get install wrk)."; exit 1; fi; }

# Lighthouse on the public pages as production serves them (docs/design.md): opt-in, as it
# takes a few minutes. Lighthouse 12.2.3 is installed from npm into bench/lighthouse/ (pinned
# in its package.json and package-lock.json); the browser is Debian's Chromium.
LIGHTHOUSE_BIN := bench/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE_BIN): bench/lighthouse/package.json
	cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

lighthouse: venv browser $(LIGHTHOUSE_BIN)
	CHROME_PATH=$${CHROME_PATH:-$$(command -v chromium || echo /usr/bin/chromium)} $(BIN)/python bench/lighthouse.py

# The HTML validity test runs the Nu HTML Checker: vnu.jar from npm (pinned in tests/html/,
# installed without its scripts, which would fetch a Java), run by the system's Java (Debian's
# default-jre-headless, installed when missing and we may).
NU_JAR := tests/html/node_modules/vnu-jar/build/dist/vnu.jar
$(NU_JAR): tests/html/package.json tests/html/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		cd tests/html && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "WARNING: npm is not installed: the HTML validity test will be SKIPPED."; fi
	@if [ -f $@ ]; then touch $@; fi

nu: $(NU_JAR)
	@command -v java >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Debian's Java for the HTML validity test..."; \
			(apt-get install -y -qq default-jre-headless >/dev/null 2>&1 || \
			 (apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null)) ; \
		else echo "WARNING: Java is not installed: the HTML validity test will be SKIPPED."; fi; }

# The two-server scenario of the benchmark and its test put Debian's HAProxy in front.
haproxy:
	@command -v haproxy >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Debian's haproxy for the two-server benchmark and test..."; \
			(apt-get install -y -qq haproxy >/dev/null 2>&1 || \
			 (apt-get update -qq && apt-get install -y -qq haproxy >/dev/null)) ; \
		else echo "WARNING: haproxy is not installed: the two-server scenario is SKIPPED."; fi; }

# The test of the production nginx configuration (deploy/nginx/) runs Debian's nginx and its
# brotli_static module, as production does.
nginx:
	@{ command -v nginx || test -x /usr/sbin/nginx; } >/dev/null 2>&1 && \
	test -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Debian's nginx for the test of the production nginx configuration..."; \
			(apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null 2>&1 || \
			 (apt-get update -qq && apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null)) ; \
		else echo "WARNING: nginx or its brotli_static module is missing: the test of deploy/nginx/ is SKIPPED."; fi; }

# Unused code: vulture reads the site's packages and scripts (not the tests, nor the migrations,
# settings and format modules Django reads by name). What Django and the libraries call by
# name is in scripts/vulture_allowlist.py; the hook-name patterns and the decorators that
# register an entry point are here.
VULTURE_PATHS := alliance background bench contact cooperation core declarations events \
	figures library members news participants peers practices scripts subscriptions
VULTURE_FLAGS := --exclude '*/migrations/*,*settings.py,*/formats/*' \
	--ignore-names 'clean_*,has_*_permission,formfield_for_*,item_*,filter_*,dehydrate_*' \
	--ignore-decorators '@admin.display,@admin.register,@admin.action,@register,@register.*,@receiver,@task,@checks.register,@staff_action,@data_file,@built_ahead,@form_limits,@require_safe,@require_POST,@require_http_methods,@never_cache,@participant_required'

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/vulture $(VULTURE_PATHS) $(VULTURE_FLAGS)
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python scripts/check_lock.py
	$(BIN)/python scripts/audit_lock.py

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: venv
	$(DEV) $(BIN)/python manage.py makemessages -l fr --ignore=.venv --ignore=tests --ignore=staticfiles --no-obsolete
	$(DEV) $(BIN)/python manage.py compilemessages -l fr --ignore=.venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles

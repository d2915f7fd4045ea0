# Task Force Operations: `make run` to try it, `make test` to check it.
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_PASSWORD ?= demo
export DEMO_PASSWORD
# The settings default to production. The development targets say debug mode and a development key
# (unless the environment sets them); `make serve` sets DEBUG=false and needs a SECRET_KEY of its own.
DEV := DEBUG=$${DEBUG:-true} SECRET_KEY=$${SECRET_KEY:-development-key-for-make}

.PHONY: run test stop serve db migrate demo lint system-deps system-deps-test venv help backup restore bench load audit messages

help:
	@echo "make run    - set everything up, load the demo data and serve http://$(HOST):$(PORT)"
	@echo "make test   - the whole test suite, browser tests included, on PostgreSQL"
	@echo "make stop   - stop the project's PostgreSQL"
	@echo "make serve  - production-style server (gunicorn); needs SECRET_KEY and ALLOWED_HOSTS"
	@echo "make lint   - ruff and the migrations check"
	@echo "make audit  - known vulnerabilities in the dependencies (pip-audit)"
	@echo "make backup - pg_dump into backups/; make restore FILE=... puts one back"
	@echo "make bench  - the benchmark on ten synthetic years; make load - 50 users for 60 s"

.venv/.installed: requirements.txt scripts/venv.sh
	scripts/venv.sh
	touch $@

venv: .venv/.installed

# The translations: locale/*/LC_MESSAGES/*.po are kept in git, the compiled .mo files are made here.
messages: venv
	$(DEV) $(PY) manage.py compilemessages --ignore=.venv --verbosity 0

db: venv
	scripts/db.sh start

migrate: db
	$(DEV) $(PY) manage.py migrate --noinput

demo: migrate
	$(DEV) $(PY) manage.py seed_demo

run: system-deps messages demo
	@echo ""
	@echo "Task Force Operations is starting at http://$(HOST):$(PORT)/"
	@echo "Demo logins (password: $(DEMO_PASSWORD)):"
	@echo "  staff        department staff: everything, and the admin"
	@echo "  cochair      co-chair of the Youth Trafficking Committee"
	@echo "  datacontact  data contact of the Legal Aid Society"
	@echo "  member       a representative of Asian Women's Shelter"
	@echo "Mail (password resets, reminders) is printed here: the console email backend."
	@echo "Stop with Ctrl-C; 'make stop' stops the database."
	@echo ""
	@# The background worker renders the report and pamphlet PDFs and sends the daily reminder digest at
	@# REMINDER_HOUR (queued here once; again changes nothing); it stops with the server.
	$(DEV) $(PY) manage.py schedule_reminders
	$(DEV) $(PY) manage.py db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

test: system-deps-test venv messages db
	$(DEV) $(PY) -m pytest

stop:
	scripts/db.sh stop

serve: system-deps messages migrate
	DEBUG=false $(PY) manage.py collectstatic --noinput
	DEBUG=false .venv/bin/gunicorn taskforce.wsgi --bind $(HOST):$(PORT) --workers 2

lint: venv
	.venv/bin/ruff check .
	$(DEV) $(PY) manage.py makemigrations --check --dry-run

audit: venv
	scripts/audit.sh

system-deps:
	scripts/system-deps.sh run

system-deps-test:
	scripts/system-deps.sh test

backup: db
	$(DEV) $(PY) manage.py backup

restore: db
	@test -n "$(FILE)" || (echo "Usage: make restore FILE=backups/taskforce-....dump" && exit 2)
	$(DEV) $(PY) manage.py restore "$(FILE)"

bench: migrate
	$(PY) bench/run.py

load: migrate
	$(PY) bench/load.py

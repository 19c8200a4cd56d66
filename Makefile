# Two commands do everything on a fresh Debian/Ubuntu machine:
#   make run    set up and start the app on a local SQLite file (demo data offered)
#   make test   set up and run every check CI runs
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup run test lint translations clean bench

$(STAMP): pyproject.toml
	bash scripts/system-deps.sh
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version' 
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,server]'
	touch $(STAMP)

setup: $(STAMP) translations

translations: $(STAMP)
	$(PY) tools/i18n.py build

run: setup
	$(PY) -m bochum_desktop $(ARGS)

lint: setup
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports
	$(PY) tools/i18n.py check

test: setup lint
	bash scripts/ensure-postgres.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: setup
	for b in bench/bench_*.py; do echo "== $$b"; QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info resources/translations/*.qm

# Two commands matter: `make lab` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Jupyter refuses to run as root unless told; root is normal in containers.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help setup lab test test-browser lint notebooks assignments grade student-release html bench stale lock clean

help:
	@echo "make lab        set up .venv and open JupyterLab on notebooks/ (127.0.0.1, token on)"
	@echo "make test       set up .venv and run every test (lint, unit, doctests, data, strict nbval)"
	@echo "make test-browser  open every notebook in JupyterLab in headless Chromium (screenshots)"
	@echo "make html       export the executed notebooks to build/html for offline reading"
	@echo "make notebooks  re-execute every notebook in place (commit the outputs)"
	@echo "make assignments  build student notebooks and autograder zips from assignments/masters"
	@echo "make grade SUBMISSIONS=dir  grade a folder of submitted notebooks into results/scores.csv"
	@echo "make student-release DEST=dir  write the student repository (no answers) to dir"
	@echo "make bench      print the speed ratios of the notebooks and of import helpers"
	@echo "make stale      list datasets not reviewed in the last six months (docs/updating.md)"
	@echo "make lock       re-pin requirements.lock from pyproject.toml (needs network)"

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.X")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	mkdir -p $(VENV)/share/jupyter/lab/settings  # no news pop-up in JupyterLab
	cp jupyter-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab --ip=127.0.0.1 --ServerApp.root_dir=notebooks $(ROOT_FLAG)

lint: $(STAMP)
	$(BIN)/ruff check src tests notebooks tools assignments

test: $(STAMP) lint
	$(BIN)/python -m pytest

# JupyterLab in headless Chromium (Debian's /usr/bin/chromium); screenshots in build/screenshots
test-browser: $(STAMP)
	$(BIN)/python -m pytest -o addopts="-p no:cacheprovider" tests/browser -v

html: $(STAMP)
	$(BIN)/python tools/export_html.py build/html

notebooks: $(STAMP)
	$(BIN)/python tools/execute_notebooks.py notebooks/*.ipynb

assignments: $(STAMP)
	$(BIN)/python tools/build_assignments.py

# Grade every notebook in a folder (offline, no Docker); one CSV of scores in $(RESULTS).
RESULTS ?= results
grade: $(STAMP)
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade SUBMISSIONS=folder-of-notebooks [RESULTS=results]"; exit 2; }
	$(BIN)/python tools/grade.py "$(SUBMISSIONS)" --out "$(RESULTS)"

# The public tree students get: lessons, data, helpers, student assignments; no answers.
student-release: $(STAMP)
	@test -n "$(DEST)" || { echo "usage: make student-release DEST=folder [REPO=owner/name] [BRANCH=main]"; exit 2; }
	$(BIN)/python tools/student_release.py "$(DEST)" $(if $(REPO),--repo "$(REPO)") $(if $(BRANCH),--branch "$(BRANCH)")

# A report, never a test: CI must not fail because the calendar moved.
stale: $(STAMP)
	$(BIN)/python tools/stale.py

bench: $(STAMP)
	$(BIN)/python tools/bench.py

# Re-resolve the pins: a fresh venv, install the project with every extra, freeze.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check '.[lab,test]'
	.lock-venv/bin/python -m pip freeze --exclude rokus-alliance-course --all \
	  | grep -v -E '^(pip|setuptools|wheel)==' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build dist .pytest_cache

# Mathematics for Machine Learning, an executable course.
# Every target creates the project environment (.venv, from requirements.txt)
# the first time it is needed and reuses it afterwards.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Stamp files: rebuilt only when what they depend on changes.
ENV_STAMP := $(VENV)/.installed
# A second environment with the releases Colab runs (tests/colab-requirements.txt),
# on Python 3.13 (Colab's) where this machine has it, else on $(PYTHON).
COLAB_VENV := .venv-colab
COLAB_STAMP := $(COLAB_VENV)/.installed
COLAB_PYTHON ?= $(shell for p in python3.13 $(HOME)/.pyenv/versions/3.13*/bin/python3.13; do \
  $$p -c 'import sys' >/dev/null 2>&1 && { echo $$p; break; }; done)
export PATH := $(CURDIR)/$(BIN):$(PATH)
# Debian's Chromium, for the browser test (Playwright drives it; it never downloads one).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# JupyterLab refuses to run as root (containers, CI machines) unless told to.
LAB_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# Silence the debugger's notice about frozen modules in every kernel start.
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.DEFAULT_GOAL := help
.PHONY: help env colab-env book book-student test test-portable test-colab lab execute exercises bench clean

help: ## List the targets
	@echo "Mathematics for Machine Learning, an executable course"
	@echo
	@grep -E '^[a-zA-Z_.-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

env: $(ENV_STAMP) ## Create .venv with the pinned packages (done automatically)

$(ENV_STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

colab-env: $(COLAB_STAMP) ## Create .venv-colab with Colab's releases (done by make test)

$(COLAB_STAMP): tests/colab-requirements.txt
	$(or $(COLAB_PYTHON),$(PYTHON)) -m venv --clear $(COLAB_VENV)
	$(COLAB_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(COLAB_VENV)/bin/python -m pip install --quiet -r tests/colab-requirements.txt
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update -q
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium

book: $(ENV_STAMP) ## Build the HTML book into _build/html
	$(BIN)/python -m tools.book full
	@echo "Open _build/html/index.html in a browser to read the book."

book-student: $(ENV_STAMP) ## Build the student edition (no solutions) into _build/student/_build/html
	$(BIN)/python -m tools.book student
	@echo "Open _build/student/_build/html/index.html in a browser to read the student edition."

test: $(ENV_STAMP) $(COLAB_STAMP) $(CHROMIUM) ## Run the whole test suite (notebooks on several CPU kernels and on Colab's stack, exercises, grading, both books, browser)
	$(BIN)/python -m pytest

test-portable: $(ENV_STAMP) ## Strict nbval under every CPU kernel and thread count (one notebook: NB=chapters/01_linear_algebra.ipynb)
	$(BIN)/python -m tools.portable $(NB)

test-colab: $(ENV_STAMP) $(COLAB_STAMP) ## Run every notebook on Colab's older releases (asserts must hold)
	$(COLAB_VENV)/bin/python -m tools.run_notebooks --check chapters/*.ipynb solutions/*.ipynb

lab: $(ENV_STAMP) ## Open JupyterLab on the course
	$(BIN)/jupyter lab --notebook-dir=. $(LAB_ROOT)

execute: $(ENV_STAMP) ## Re-run every notebook in a fresh kernel and store its outputs
	$(BIN)/python -m tools.run_notebooks chapters/*.ipynb solutions/*.ipynb

exercises: $(ENV_STAMP) ## Regenerate exercises/ from solutions/ (never edit exercises/ by hand)
	$(BIN)/python -m tools.make_exercises

environment.yml: requirements.txt ## Regenerate environment.yml from the pins
	$(PYTHON) -m tools.pins --write

bench: $(ENV_STAMP) ## Measure notebook, test-suite and build times
	$(BIN)/python -m tools.bench

clean: ## Remove the built book and caches (keeps .venv)
	rm -rf _build .pytest_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run    opens the app on the bundled sample project (installs only what the window needs)
#   make test   runs the whole test suite (adds the test tools and every optional format)
# and two build the application for others:
#   make wheel  the wheel and the sdist in dist/
#   make dist   the one-folder application in dist/annotator/ (PyInstaller, in its own venv)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := sample_project/sample.annotator
# PyInstaller lives in a venv of its own under build/, never in the working venv
DIST_VENV := build/dist-venv
BUILD_VENV := build/build-venv

.PHONY: run test lint bench venv test-venv sample wheel dist clean

# the window's venv: the package and its core dependencies, nothing else
$(VENV)/.run-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# the tests read every export back with its real consumer (pandas, pyarrow, spaCy, datasets)
$(VENV)/.test-installed: $(VENV)/.run-installed
	$(BIN)/python -m pip install --quiet -e ".[all,test]"
	touch $@

venv: $(VENV)/.run-installed

test-venv: $(VENV)/.test-installed

sample: venv
	$(BIN)/annotator sample $(SAMPLE)

run: venv sample
	$(BIN)/annotator open $(SAMPLE)

test: test-venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: test-venv
	$(BIN)/ruff check annotator tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/vulture annotator .ci/vulture_whitelist.py --min-confidence 60
	$(BIN)/mypy

bench: test-venv
	$(BIN)/python benchmarks/run_all.py

# `build` makes the sdist and the wheel from it, in a venv of its own
$(BUILD_VENV)/bin/pyproject-build:
	$(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install --quiet build
	touch $@

wheel: $(BUILD_VENV)/bin/pyproject-build
	rm -rf dist/annotator-*.whl dist/annotator-*.tar.gz
	$(BUILD_VENV)/bin/pyproject-build --outdir dist .

dist:
	PYTHON=$(PYTHON) DIST_VENV=$(DIST_VENV) packaging/build_dist.sh

clean:
	rm -rf sample_project build dist *.egg-info

# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run    opens the app on the bundled sample project
#   make test   runs the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := sample_project/sample.annotator

.PHONY: run test lint bench venv sample clean

$(BIN)/annotator: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,parquet,spacy,hf]"
	touch $(BIN)/annotator

venv: $(BIN)/annotator

sample: venv
	$(BIN)/annotator sample $(SAMPLE)

run: venv sample
	$(BIN)/annotator open $(SAMPLE)

test: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check annotator tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/vulture annotator .ci/vulture_whitelist.py --min-confidence 60
	$(BIN)/mypy

bench: venv
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf sample_project build *.egg-info

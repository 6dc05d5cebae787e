# The two commands: `make lab` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Jupyter refuses to run as root without this flag; only pass it when we are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test lint typecheck unit notebooks-test browser-test notebooks bench fuzz eval kcna-rhetoric lock clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

## make lab: open JupyterLab on notebooks/ (the seed corpus is the default data)
lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=notebooks

## make test: lint, type check, then every test (unit, property, doctests, notebooks with
## nbval, a real JupyterLab in Chromium)
test: lint typecheck
	$(BIN)/python -m pytest tests --nbval notebooks --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

## make lint: ruff (lint, import order, formatting); runs first in make test
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## make typecheck: mypy at a basic level over analystkit/ ([tool.mypy] in pyproject.toml)
typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest tests -m "not browser"

notebooks-test: lint
	$(BIN)/python -m pytest --nbval notebooks --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

browser-test: lint
	$(BIN)/python -m pytest tests -m browser

## make notebooks: re-execute every notebook in place, deterministically, for nbval
notebooks: $(STAMP)
	$(BIN)/python scripts/refresh_notebooks.py notebooks/*.ipynb

## make bench: print throughput figures (not a test)
bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

## make fuzz: the load_articles fuzzer over FUZZ_EXAMPLES generated folders (not in make test)
FUZZ_EXAMPLES ?= 10000
fuzz: $(STAMP)
	AK_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz_corpus.py \
		-p no:cacheprovider --hypothesis-show-statistics -q

## make eval: score the kit on the dev corpora (../shared/corpora, or CORPORA=/path)
## against the gold in data/eval/; prints the table and writes eval/REPORT.md (not a test)
eval: $(STAMP)
	$(BIN)/python -m analystkit.evaluation $(if $(CORPORA),--corpora "$(CORPORA)")

## make kcna-rhetoric: rebuild data/reference/kcna_rhetoric_2024.csv/.json from the KCNA
## archive (ARCHIVE=/path/to/headlines_2024-11-11.json; default beside the repository in
## ../shared/corpora); then make notebooks
ARCHIVE ?= ../shared/corpora/kcna_2024/headlines_2024-11-11.json
kcna-rhetoric: $(STAMP)
	$(BIN)/python scripts/build_kcna_rhetoric.py "$(ARCHIVE)"

## make lock: re-resolve the pinned versions in constraints.txt (then run make notebooks)
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet --upgrade pip
	.lockenv/bin/python -m pip install --quiet -e ".[dev]"
	.lockenv/bin/python -m pip freeze --exclude-editable | grep -v -e '^analystkit' -e '^#' > constraints.txt
	rm -rf .lockenv

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis

# Rashomon: `make demo` sets up and runs the offline demo; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180
export HF_HUB_OFFLINE ?= 1
export TRANSFORMERS_OFFLINE ?= 1
export TOKENIZERS_PARALLELISM ?= false

.PHONY: demo test test-heavy check-wheel eval train bench lock clean help

help:
	@echo "make demo   - create $(VENV), install pinned, run the offline demo (report in reports/)"
	@echo "make test   - create $(VENV) with dev extras, run the test suite (without the heavy tests)"
	@echo "make test-heavy - the heavy tests: Dask cluster, kill and rerun, hostile site, revisions (CI runs both)"
	@echo "make check-wheel - pip install . (not editable) into a fresh virtualenv, then rashomon demo and sql from a temp dir"
	@echo "make eval   - scores on the gold set, then the real-coverage benchmark (realcov dev/test/basil/quotes lines)"
	@echo "make train  - retrain the same-fact pair scorers and the verdict gate (rashomon/models/) from the benchmark's dev split"
	@echo "make bench  - run the benchmarks in bench/ (by hand; prints figures and ratios)"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(PIP) install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(VENV)/bin/python   # dev brings the dask extra (heavy Dask test)
	$(PIP) install -q -c constraints.txt -e '.[dev]'
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(VENV)/bin/rashomon demo
	@echo "The rashomon command is installed in $(VENV): run 'source $(VENV)/bin/activate' once per shell, then 'rashomon --help' (or call $(VENV)/bin/rashomon)"

test: $(VENV)/.installed-dev
	$(PY) -m pytest -m "not heavy"

test-heavy: $(VENV)/.installed-dev   # the heavy tests (Dask cluster, kill and rerun, hostile site, revisions); CI runs them too
	$(PY) -m pytest -m heavy

check-wheel:   # the package outside the checkout (.ci/check-wheel; a few minutes, downloads the pinned packages)
	PYTHON=$(PYTHON) .ci/check-wheel

eval: $(VENV)/.installed-dev
	$(VENV)/bin/rashomon eval
	$(VENV)/bin/rashomon benchmark $(EVAL_ARGS)   # ends with the `realcov <split>:` lines; EVAL_ARGS="--split dev"
	$(PY) -m rashomon.realcov.quotes   # who is speaking, on BASIL's gold quote spans (`realcov quotes tune/held`)

train: $(VENV)/.installed-dev   # writes the verdict and blame gates (the dev split through the pipeline first, about 20 minutes) and the two same-fact models (about 8 minutes on 2 cores); prints each sha256 to pin
	rm -rf build/train-verdict
	$(PY) -m rashomon.realcov.train_verdict --work build/train-verdict   # first: its pipeline run loads the pinned same-fact model
	$(PY) -m rashomon.realcov.train

bench: $(VENV)/.installed-dev
	$(PY) bench/run_all.py $(BENCH_ARGS)   # BENCH_ARGS=--quick skips the 1,000-article run

lock: $(VENV)/.installed-dev
	{ echo "# Pinned versions for every install (make demo / make test pass this file to pip with -c)."; \
	  echo "# Regenerate after a deliberate upgrade: make lock"; \
	  $(PIP) freeze --exclude-editable | grep -v '^rashomon'; } > constraints.txt

clean:
	rm -rf $(VENV) reports/*/ reports/index.html rashomon.duckdb rashomon.duckdb.wal

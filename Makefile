# Two commands for a fresh clone (../shared beside it):
#   make serve   installs, builds corpus + index if missing, starts API and web UI on localhost
#   make test    installs, runs ruff, mypy and the whole test suite
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cat pyproject.toml requirements-lock.txt 2>/dev/null | md5sum | cut -c1-12)

.PHONY: serve test venv lint clean

$(STAMP):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements-lock.txt torch
	$(BIN)/pip install -q -c requirements-lock.txt -e ".[serve,llm,eval,st,dev]"
	rm -f $(VENV)/.installed-*; touch $(STAMP)

venv: $(STAMP)

serve: venv
	$(BIN)/legal-assistant serve --build-missing

lint: venv
	$(BIN)/ruff check .
	$(BIN)/mypy

test: venv
	bash scripts/test_setup.sh
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest tests

clean:
	rm -rf data results

# Two commands for a fresh clone (../shared beside it):
#   make serve   installs, builds corpus + index if missing, starts API and web UI on localhost
#   make test    installs, runs ruff, mypy and the whole test suite
#
# What each installs (extras in pyproject.toml):
#   serve: the core + [serve] (FastAPI, Gradio, storage); + [llm] only when
#          LEGAL_ASSISTANT_GENERATOR is openai or gguf. Never torch, sentence-transformers,
#          Playwright or the dev tools: the default stack is torch-free.
#   test:  everything, [serve,llm,eval,st,dev], with the CPU build of torch first.
# Both share $(VENV); each has its own stamp, and a venv installed for test serves as is.
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
LOCK    = $(shell cat pyproject.toml requirements-lock.txt 2>/dev/null | md5sum | cut -c1-12)
STAMP   = $(VENV)/.installed-$(LOCK)
# The generator setting decides whether serving needs the LLM clients (assistant/generators/factory.py).
SERVE_EXTRAS = serve$(if $(filter openai gguf,$(LEGAL_ASSISTANT_GENERATOR)),$(COMMA)llm)
COMMA  := ,
SERVE_STAMP = $(VENV)/.installed-$(subst $(COMMA),-,$(SERVE_EXTRAS))-$(LOCK)

.PHONY: serve test test-fast venv venv-serve lint clean

$(STAMP):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements-lock.txt torch
	$(BIN)/pip install -q -c requirements-lock.txt -e ".[serve,llm,eval,st,dev]"
	rm -f $(VENV)/.installed-*; touch $(STAMP)

# The full install already holds every serving extra: then only the stamp is written.
$(SERVE_STAMP):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	if [ ! -f $(STAMP) ]; then \
	  $(BIN)/pip install -q --upgrade pip && \
	  $(BIN)/pip install -q -c requirements-lock.txt -e ".[$(SERVE_EXTRAS)]"; \
	fi
	find $(VENV) -maxdepth 1 -name '.installed-serve*' ! -name '*-$(LOCK)' -delete
	touch $(SERVE_STAMP)

venv: $(STAMP)

venv-serve: $(SERVE_STAMP)

serve: venv-serve
	$(BIN)/legal-assistant serve --build-missing

lint: venv
	$(BIN)/ruff check .
	$(BIN)/mypy

# The corpus and index are built (when missing or stale) before pytest, with their progress
# bars, so a cold build on a slow or busy machine never runs inside a test's 900 s timeout.
test: venv
	bash scripts/test_setup.sh
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/legal-assistant index build
	$(BIN)/python -m pytest tests

# The fast tests (no browser, PostgreSQL or LLM server) on both cores, for the edit-test loop.
# One OpenMP thread per worker: two e5 passes each spinning two threads on two cores halve
# the speed instead of doubling it.
test-fast: venv
	$(BIN)/legal-assistant index build
	OMP_NUM_THREADS=1 $(BIN)/python -m pytest -n 2 --dist worksteal -q \
	  -m "not browser and not postgres and not llm" tests

clean:
	rm -rf data results

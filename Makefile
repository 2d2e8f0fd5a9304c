# wtwforms: `make run` serves on http://127.0.0.1:8000; `make test` runs the whole suite.
# Both install what is missing first (system packages need root or sudo).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000
export WTWFORMS_DATA_DIR ?= $(CURDIR)/data

.PHONY: install system-deps run test lint unit templates bench clean screenshots

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@sh scripts/system-deps.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

system-deps:
	@sh scripts/system-deps.sh

run: install
	@mkdir -p "$(WTWFORMS_DATA_DIR)"
	@echo "wtwforms on http://$(HOST):$(PORT)/api/v1/docs  (data in $(WTWFORMS_DATA_DIR))"
	WTWFORMS_LOCAL_URL=http://$(HOST):$(PORT) $(BIN)/waitress-serve --host=$(HOST) --port=$(PORT) --threads=8 wsgi:app

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint unit

# The browser tests again, saving a full-page picture of each page to docs/screenshots/.
screenshots: install
	WTWFORMS_SCREENSHOTS=1 $(BIN)/pytest tests/browser -p no:cacheprovider

templates: install
	$(BIN)/python -m tools.templates
	$(BIN)/wtwforms check-templates

bench: install
	$(BIN)/python bench/render.py
	$(BIN)/python bench/aor.py
	$(BIN)/python bench/aor_accuracy.py --count 300
	$(BIN)/python bench/pdf.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

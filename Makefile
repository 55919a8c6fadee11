# The two commands a newcomer needs: `make demo` and `make test`.
# Both create and use a virtual environment in .venv, so a fresh machine needs only python3.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PSP := $(BIN)/psp
EXAMPLE := examples/falkirk-foster-care
AS_OF := 2011-06-30
DEMO_DIR := build/demo

.PHONY: demo test lint install clean schema

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	@rm -rf $(DEMO_DIR)
	@echo "== psp init: a new, empty partnership folder"
	$(PSP) init $(DEMO_DIR) --name "Demo Partnership"
	$(PSP) validate $(DEMO_DIR) || true
	@echo
	@echo "== psp validate: the worked example, the Falkirk foster care PSP, as at $(AS_OF)"
	$(PSP) validate $(EXAMPLE) --as-of $(AS_OF)
	@echo
	@echo "== psp score: the RAID log's heat map and the options appraisal"
	$(PSP) score risks $(EXAMPLE) --as-of $(AS_OF) --heatmap
	$(PSP) score options $(EXAMPLE) --as-of $(AS_OF)
	@echo "== psp report gate: is the pilot ready to give way to sustaining the service?"
	$(PSP) report gate $(EXAMPLE) --as-of $(AS_OF) || true

test: install
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

clean:
	rm -rf $(VENV) build .pytest_cache

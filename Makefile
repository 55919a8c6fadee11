# The two commands a newcomer needs: `make demo` and `make test`.
# Both create and use a virtual environment in .venv, so a fresh machine needs only python3.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PSP := $(BIN)/psp
EXAMPLE := examples/falkirk-foster-care
AS_OF := 2011-06-30
DEMO_DIR := build/demo

.PHONY: demo test lint install clean browser

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
	@echo
	@echo "== psp render: the MoU, the RAID log and the plan, in the example's out/ folder"
	$(PSP) render mou $(EXAMPLE) --as-of $(AS_OF) --force
	$(PSP) render raid $(EXAMPLE) --as-of $(AS_OF) --force
	$(PSP) render plan $(EXAMPLE) --as-of $(AS_OF) --force
	$(PSP) render options $(EXAMPLE) --as-of $(AS_OF) --force
	@echo
	@echo "== psp report status: the highlight report for the governance group"
	$(PSP) report status $(EXAMPLE) --as-of $(AS_OF) --format terminal

# The HTML report is checked in a real headless browser. Install Debian's chromium where
# we can (as root with apt); elsewhere that one test is skipped.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium for the browser test"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	      >/dev/null) || echo "could not install chromium: the browser test will be skipped"; \
	  else echo "no chromium: the browser test will be skipped"; fi; }

test: install browser
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

clean:
	rm -rf $(VENV) build .pytest_cache

# The two commands a newcomer needs: `make demo` and `make test`.
# Both create and use a virtual environment in .venv, so a fresh machine needs only python3,
# make and git. Neither writes anywhere in the repository but .venv/ and build/.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PSP := $(BIN)/psp
# pip with the byte code of what it installs kept in .venv (see demo's PYTHONPYCACHEPREFIX)
PIP := PYTHONPYCACHEPREFIX= $(BIN)/python -m pip
AS_OF := 2011-06-30
DEMO_DIR := build/demo
DEMO_NEW := $(DEMO_DIR)/new-partnership
DEMO_EXAMPLE := $(DEMO_DIR)/falkirk-foster-care

# Debian packages the tests use: a headless browser for the HTML report, LibreOffice to
# recalculate the options workbook's formulas and to print the Word papers (read back with
# poppler's pdftotext), git for reports read from history and for the pre-commit hook, and
# Liberation Sans, the face with Arial's widths the papers are laid out for (without it
# LibreOffice prints in a wider face and dates wrap in table columns sized for Arial).
# Installed where we can (as root with apt); elsewhere those tests are skipped.
DEBIAN_PACKAGES := chromium libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils git fonts-liberation
DEBIAN_COMMANDS := chromium soffice pdftotext git
DEBIAN_FONTS := Liberation Sans

# What `make papers` needs besides: LibreOffice's Writer and Calc to turn each paper into PDF,
# and poppler's pdftoppm for the page images.
PAPER_PACKAGES := libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation
PAPER_COMMANDS := soffice pdftoppm
PAPERS_DIR := build/papers

.PHONY: demo test test-fast lint install clean debian-packages browser papers

$(BIN)/python:
	@PYTHONPYCACHEPREFIX= $(PYTHON) -m venv $(VENV) || { \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing python3-venv to create $(VENV)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv \
	      >/dev/null && PYTHONPYCACHEPREFIX= $(PYTHON) -m venv $(VENV); \
	  else echo "cannot create $(VENV): install your system's python3-venv package"; exit 1; fi; }
	$(PIP) install --quiet --upgrade pip

# The distribution was called psptool up to 0.1.0 (a name PyPI gives to another package):
# an old .venv loses it before the package is installed under its own name.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@$(PIP) uninstall --quiet --yes psptool >/dev/null 2>&1 || true
	$(PIP) install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# The worked example is copied (psp init --example) and rendered in the copy, so examples/
# stays as git holds it; Python's byte-code caches go under build/ too, not beside the sources.
demo: export PYTHONPYCACHEPREFIX := $(CURDIR)/build/pycache
demo: install
	@rm -rf $(DEMO_DIR)
	@echo "== psp init: a new, empty partnership folder"
	$(PSP) init $(DEMO_NEW) --name "Demo Partnership"
	$(PSP) validate $(DEMO_NEW)
	@echo
	@echo "== psp init --example: a copy of the worked example, the Falkirk foster care PSP"
	$(PSP) init $(DEMO_EXAMPLE) --example falkirk-foster-care
	@echo
	@echo "== psp validate: the worked example as at $(AS_OF)"
	$(PSP) validate $(DEMO_EXAMPLE) --as-of $(AS_OF)
	@echo
	@echo "== psp score: the RAID log's heat map and the options appraisal"
	$(PSP) score risks $(DEMO_EXAMPLE) --as-of $(AS_OF) --heatmap
	$(PSP) score options $(DEMO_EXAMPLE) --as-of $(AS_OF)
	@echo "== psp report gate: is the pilot ready to give way to sustaining the service?"
	$(PSP) report gate $(DEMO_EXAMPLE) --as-of $(AS_OF) || true
	@echo
	@echo "== psp render: the MoU, the RAID log, the plan and the options appraisal"
	$(PSP) render mou $(DEMO_EXAMPLE) --as-of $(AS_OF)
	$(PSP) render raid $(DEMO_EXAMPLE) --as-of $(AS_OF)
	$(PSP) render plan $(DEMO_EXAMPLE) --as-of $(AS_OF)
	$(PSP) render options $(DEMO_EXAMPLE) --as-of $(AS_OF)
	@echo
	@echo "== psp report status: the highlight report for the governance group"
	$(PSP) report status $(DEMO_EXAMPLE) --as-of $(AS_OF) --format terminal
	@echo
	@echo "== between meetings: the chase list, the minutes and next agenda, the knowledge register, the calendar"
	$(PSP) report actions $(DEMO_EXAMPLE) --as-of $(AS_OF)
	$(PSP) render minutes $(DEMO_EXAMPLE) --meeting GG-2011-06 --as-of $(AS_OF)
	$(PSP) render agenda $(DEMO_EXAMPLE) --meeting GG-2011-09 --as-of $(AS_OF)
	$(PSP) render knowledge $(DEMO_EXAMPLE) --as-of $(AS_OF)
	$(PSP) calendar $(DEMO_EXAMPLE) --as-of $(AS_OF) -o $(DEMO_EXAMPLE)/out/falkirk.ics
	@echo
	@echo "== written (everything is under $(DEMO_DIR)/; examples/ is untouched):"
	@echo "   $(DEMO_NEW)/            the new partnership"
	@echo "   $(DEMO_EXAMPLE)/        the copy of the worked example"
	@cd $(DEMO_EXAMPLE) && for paper in out/*; do echo "   $(DEMO_EXAMPLE)/$$paper"; done

debian-packages:
	@missing=""; for c in $(DEBIAN_COMMANDS); do \
	  command -v $$c >/dev/null 2>&1 || missing="$$missing $$c"; done; \
	if [ -n "$(DEBIAN_FONTS)" ] && ! fc-list 2>/dev/null | grep -q "$(DEBIAN_FONTS)"; then \
	  missing="$$missing $(DEBIAN_FONTS)"; fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian packages for the tests ($(DEBIAN_PACKAGES))"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends $(DEBIAN_PACKAGES) >/dev/null) \
	      || echo "could not install them: the tests that need$$missing will be skipped"; \
	  else echo "not installed:$$missing; the tests that need them will be skipped"; fi; fi

browser: debian-packages

# Every paper of the worked example (or FOLDER=... AS_OF=...) rendered, converted to PDF and
# written as page images under build/papers/, to be looked at as a reader sees them.
FOLDER ?= examples/falkirk-foster-care
papers: install
	@$(MAKE) --no-print-directory debian-packages \
	  DEBIAN_PACKAGES="$(PAPER_PACKAGES)" DEBIAN_COMMANDS="$(PAPER_COMMANDS)"
	$(BIN)/python scripts/check_papers.py $(FOLDER) --as-of $(AS_OF) \
	  --out $(PAPERS_DIR)/$(notdir $(abspath $(FOLDER)))

# Lint first (ruff and mypy, pinned in the test extras), then the whole suite.
test: install debian-packages
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src
	$(BIN)/python -m pytest -q

# The suite without the tests marked slow (each over about two seconds; see the marker in pyproject.toml).
test-fast: install debian-packages
	$(BIN)/python -m pytest -q -m "not slow"

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache .mypy_cache .hypothesis

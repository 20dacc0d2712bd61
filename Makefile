# The site's commands. `make site` builds, `make test` runs every test,
# `make serve` previews. Each creates .venv with the pinned packages first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-requirements
RUN := PYTHONPATH=scripts NO_MKDOCS_2_WARNING=1

.PHONY: site serve test system-packages clean

site: $(INSTALLED)
	$(RUN) $(BIN)/python -m cleanprod build

serve: $(INSTALLED)
	$(RUN) $(BIN)/mkdocs serve --livereload

test: $(INSTALLED) system-packages
	$(RUN) $(BIN)/python -m pytest

# Debian's Chromium and CJK fonts for the browser tests.
system-packages:
	scripts/install-system-packages.sh chromium fonts-noto-cjk

# Debian's python3 makes virtual environments only with python3-venv.
$(INSTALLED): requirements.txt
	$(PYTHON) -c "import ensurepip" 2>/dev/null || scripts/install-system-packages.sh python3-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

clean:
	rm -rf site .site-new-* .site-old-* .pytest_cache

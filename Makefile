# The site's commands. `make site` builds, `make serve` previews, `make check`
# checks content, translations and links, `make test` runs every test,
# `make test-fast` those that need neither a browser nor a build (a minute),
# `make views` writes the staff guide's table of data views again.
# Each creates .venv with the pinned packages first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-requirements
RUN := PYTHONPATH=scripts NO_MKDOCS_2_WARNING=1

NODE := tests/node
NODE_INSTALLED := $(NODE)/node_modules/.installed

.PHONY: site serve check test test-fast mutation event news case views system-packages clean

site: $(INSTALLED)
	$(RUN) $(BIN)/python -m cleanprod build

serve: $(INSTALLED)
	$(RUN) $(BIN)/python -m cleanprod preview

check: $(INSTALLED)
	$(RUN) $(BIN)/python -m cleanprod check
	$(RUN) $(BIN)/python -m cleanprod build
	$(RUN) $(BIN)/python -m cleanprod links

# Start a new event, news item or case study in both languages: asks a few questions.
event news case: $(INSTALLED)
	$(RUN) $(BIN)/python -m cleanprod new $@

# The table of data views in CONTRIBUTING.md, made from scripts/cleanprod/render/views.py.
views: $(INSTALLED)
	$(RUN) $(BIN)/python -m cleanprod views --write

# The tests run on every core (pytest-xdist); the workers share one build of
# the site, and the tests of a file that builds its own site stay together.
PARALLEL := -n auto --dist loadgroup

test: $(INSTALLED) system-packages $(NODE_INSTALLED)
	$(RUN) $(BIN)/python -m pytest $(PARALLEL)

test-fast: $(INSTALLED)
	$(RUN) $(BIN)/python -m pytest $(PARALLEL) -m "not browser and not build"

# Mutation testing (tests/README.md): every configured module, or those
# named, as in `make mutation MUTANTS="cleanprod.render.table*"`. mutmut
# imports the package from src/, linked to scripts/ for the run.
mutation: $(INSTALLED)
	ln -sfn scripts src
	$(BIN)/mutmut run $(MUTANTS); status=$$?; rm -f src; $(BIN)/mutmut results; exit $$status

# Debian's Chromium (as its headless shell: tests/conftest.py says why) and
# CJK fonts for the browser tests; Java and Node.js for the Nu HTML Checker,
# unless the machine already has them.
system-packages:
	scripts/install-system-packages.sh chromium-headless-shell fonts-noto-cjk
	command -v java >/dev/null || scripts/install-system-packages.sh default-jre-headless
	command -v npm >/dev/null || scripts/install-system-packages.sh nodejs npm

# The Nu HTML Checker (vnu-jar), pinned in tests/node/package-lock.json.
$(NODE_INSTALLED): $(NODE)/package-lock.json | system-packages
	npm ci --prefix $(NODE) --ignore-scripts --no-audit --no-fund
	touch $@

# Debian's python3 makes virtual environments only with python3-venv.
$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -c "import ensurepip" 2>/dev/null || scripts/install-system-packages.sh python3-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

clean:
	rm -rf site .site-new-* .site-old-* .search-* .pytest_cache $(NODE)/node_modules

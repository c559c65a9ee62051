# EO Downloader -- development tasks.  `make help` lists them.
#
# QGIS 3.22 and its Python bindings come from Debian packages and bind to
# /usr/bin/python3; the virtualenv sees them (--system-site-packages) and adds
# the pinned test/packaging tools of requirements-dev.txt.

SHELL := /bin/bash
.DEFAULT_GOAL := help

SYSTEM_PYTHON ?= /usr/bin/python3
VENV ?= .venv
PY := $(VENV)/bin/python
# geedim for the side-by-side benchmark, in its own virtualenv (see bench/requirements-geedim.txt).
GEEDIM_VENV ?= .venv-geedim
export EO_BENCH_GEEDIM_PYTHON ?= $(abspath $(GEEDIM_VENV))/bin/python
PYTEST_ARGS ?=

# Debian 12 packages the tests, packaging, demo and benchmarks need.
APT_PACKAGES := qgis qgis-providers python3-qgis python3-gdal gdal-bin \
	python3-shapely python3-pyproj python3-requests python3-numpy \
	python3-venv python3-pip pyqt5-dev-tools qttools5-dev-tools \
	xvfb xauth nginx curl imagemagick git make ca-certificates \
	postgresql-15-postgis-3

# Headless Qt for everything started from here (pytest-qgis starts QGIS
# before tests/conftest.py runs, so this must come from the environment).
export QT_QPA_PLATFORM ?= offscreen

.PHONY: help deps venv geedim-venv test lint security check-qt6 i18n translations package demo bench clean distclean

help:
	@echo "make deps          install missing Debian packages (root or sudo; quick when all present)"
	@echo "make venv          create $(VENV) (system site packages) and install requirements-dev.txt"
	@echo "make geedim-venv   create $(GEEDIM_VENV) with geedim (benchmark side by side; a failed install only skips it)"
	@echo "make test          deps + venv + compile translations + Qt6 check + the whole pytest suite"
	@echo "make lint          ruff over plugin/ (configuration and reasons in pyproject.toml)"
	@echo "make security      the plugin website's upload scan of the release zip (bandit, detect-secrets, flake8)"
	@echo "make check-qt6     report code that would break on QGIS 4 / Qt 6"
	@echo "make translations  update i18n/*.ts from plugin/**/*.py and ui/*.ui (pylupdate5)"
	@echo "make i18n          compile i18n/*.ts to i18n/*.qm (lrelease)"
	@echo "make package       build dist/eo_downloader.<version>.zip with qgis-plugin-ci"
	@echo "make demo          run scripts/demo.py"
	@echo "make bench         run the benchmarks in bench/ and write docs/performance.md"
	@echo "make clean         remove build/, dist/, compiled translations and caches (distclean: also $(VENV))"

deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
		echo "deps: not a Debian system; install QGIS 3.22+ (Python bindings), GDAL, pyqt5-dev-tools/qttools5 (pylupdate5, lrelease), git yourself"; \
		exit 0; \
	fi; \
	missing=""; \
	for pkg in $(APT_PACKAGES); do \
		dpkg -s "$$pkg" >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all Debian packages present"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	else echo "deps: missing:$$missing -- run 'make deps' as root or with sudo" >&2; exit 1; fi; \
	echo "deps: installing$$missing"; \
	if [ -z "$$APT_UPDATED" ]; then $$sudo apt-get update -q; fi && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing

$(PY):
	$(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)

$(VENV)/.requirements-installed: requirements-dev.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	# pgstac's SQL schema for the STAC server with the filter extension (tests/servers/pgstac.py): only the
	# SQL files of the wheel are used, so none of its dependencies (a requirements file cannot say --no-deps)
	$(PY) -m pip install --disable-pip-version-check -q --no-deps pypgstac==0.9.8
	@touch $@

venv: deps $(VENV)/.requirements-installed

# Optional: without geedim the benchmark and its smoke test skip the geedim rows and say why.
$(GEEDIM_VENV)/.requirements-installed: bench/requirements-geedim.txt
	@( $(SYSTEM_PYTHON) -m venv --system-site-packages $(GEEDIM_VENV) && \
	   $(GEEDIM_VENV)/bin/python -m pip install --disable-pip-version-check -q -r bench/requirements-geedim.txt && \
	   touch $@ ) || echo "geedim-venv: geedim could not be installed; the geedim benchmark rows will be skipped"

geedim-venv: $(GEEDIM_VENV)/.requirements-installed

lint: venv
	$(PY) -m ruff check plugin

security: venv
	$(PY) scripts/security_scan.py

check-qt6: venv
	$(PY) scripts/check_qt6.py

translations: venv
	$(PY) scripts/update_translations.py

i18n: venv
	$(PY) scripts/update_translations.py --compile

# Lint, the Qt6 check and the whole suite always run (a module that fails to import
# does not hide the other results); the target fails if anything failed.
test: deps venv geedim-venv i18n
	@status=0; \
	$(PY) -m ruff check plugin || status=1; \
	$(PY) scripts/check_qt6.py || status=1; \
	$(PY) scripts/security_scan.py || status=1; \
	$(PY) -m pytest -q -p no:cacheprovider --continue-on-collection-errors $(PYTEST_ARGS) tests || status=1; \
	exit $$status

package: deps venv
	$(PY) scripts/package.py --list

demo: deps venv package
	$(PY) scripts/demo.py

# Every benchmark (bench/run_all.py runs each bench/bench_*.py), then docs/performance.md.
bench: deps venv geedim-venv
	$(PY) bench/run_all.py $(BENCH_ARGS)

clean:
	rm -rf build dist .pytest_cache i18n/*.qm
	find . -path ./$(VENV) -prune -o -path ./$(GEEDIM_VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(GEEDIM_VENV)

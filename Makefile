# swdesk — make targets. `make help` lists them.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run demo test test-faults lint bench translations package package-check installer windows-check clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "swdesk needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { echo "Cannot create a virtual environment: apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# swdesk/assets: fonts, icons and the compiled .qm translations, staged from resources/ and translations/
# (installer/assets.py; the wheel and the bundle are built the same way). Made again when a source is newer.
ASSET_SOURCES := $(wildcard translations/*.ts resources/fonts/* resources/icons/*) installer/assets.py
ASSETS := swdesk/assets/.staged

$(ASSETS): $(ASSET_SOURCES) $(STAMP)
	@$(PY) installer/assets.py
	@touch $(ASSETS)

translations: $(ASSETS)  ## compile the Qt translations (.ts -> .qm) into swdesk/assets with the fonts and icons

run: $(STAMP) $(ASSETS)  ## open swdesk on your database (creates the environment if missing)
	$(PY) -m swdesk

demo: $(STAMP) $(ASSETS)  ## open swdesk on generated demonstration data
	$(PY) -m swdesk --demo

test: $(STAMP) $(ASSETS)  ## run the whole test suite offscreen
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

.PHONY: install-check
install-check: $(STAMP)  ## build sdist + wheel, install the wheel in a throwaway env, run it outside the tree (~1 min)
	bash tests/installed/check.sh $(PY)

test-faults: $(STAMP)  ## crash tests: 50 SIGKILLs in each kind of write
	SWDESK_FAULT_RUNS=50 $(PY) -m pytest -q tests/test_faults.py

.PHONY: test-hostile
test-hostile: $(STAMP)  ## hostile workbooks: every corpus file in its own process (30 s, 300 MB), 1 000 000 rows, long Hypothesis (~10 min)
	SWDESK_HOSTILE_LONG=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/test_hostile_corpus.py tests/test_import_properties.py

lint: $(STAMP)  ## ruff and mypy
	$(PY) -m ruff check swdesk tests installer
	$(PY) -m mypy swdesk

bench: $(STAMP)  ## benchmarks on the riga demo, written to bench-results.json
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench.run

package: $(STAMP) $(ASSETS)  ## build dist/swdesk with PyInstaller for this platform: swdesk + swdesk-cli
	PYTHON=$(PY) bash installer/build.sh

package-check: $(STAMP) $(ASSETS)  ## build, run the bundle's selftest outside the source tree, makensis if installed (~4 min)
	SWDESK_PACKAGE_TEST=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -m slow tests/test_package.py

installer: package  ## dist/swdesk-VERSION-setup.exe (needs makensis; a usable one only from a Windows bundle)
	makensis -V2 -WX $$($(PY) installer/version.py --nsis-defines) -DBUNDLE_DIR=$(CURDIR)/dist/swdesk -DOUTDIR=$(CURDIR)/dist installer/swdesk.nsi

windows-check:  ## the Windows .exe under Wine: bundle, documents, 64-bit installer, GUI screenshot (~5 min; first run ~8)
	bash installer/wine/check.sh

clean:  ## remove the environment and build products
	rm -rf $(VENV) build dist swdesk/assets *.egg-info .pytest_cache .ruff_cache .mypy_cache

# Two entry points for a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run repair-samples test lint bench clean system-deps translations package

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip >/dev/null
	$(BIN)/pip install -e '.[test]'
	touch $(STAMP)

# Opens the reviewer window on the default store; a first run imports the samples in seeds/.
run: $(STAMP)
	@bash .ci/system-deps.sh --desktop
	$(BIN)/reviewer

# The repair engine's output on every sample, in the terminal (no window).
repair-samples: $(STAMP)
	@for f in seeds/*.txt; do echo "=== $$f"; $(BIN)/reviewer repair "$$f" --glossary resources/glossaries/ai-podcasts.txt | head -40; done

system-deps:
	@bash .ci/system-deps.sh

# The suite runs with a throw-away PostgreSQL server up (.ci/postgres.sh: loopback, temporary
# directory, stopped and removed afterwards even when tests fail); its URL: $REVIEWER_TEST_PG_URL.
test: $(STAMP) system-deps
	$(BIN)/ruff check reviewer tests benchmarks
	bash .ci/postgres.sh run $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/repair_quality.py
	$(BIN)/python benchmarks/repair_speed.py
	$(BIN)/python benchmarks/store_bench.py
	$(BIN)/python benchmarks/gui_bench.py

# The installer for this machine's OS, into dist/ (Linux: the bundle dist/reviewer/ and a .deb;
# Windows: an Inno Setup installer; macOS: a .dmg). Recipes and notes: packaging/.
$(VENV)/.installed-package: $(STAMP) pyproject.toml
	$(BIN)/pip install -e '.[test,package]'
	touch $@

package: $(VENV)/.installed-package
	$(BIN)/python packaging/build.py

# After changing UI strings: update the .ts (new strings come in unfinished: translate them, e.g. in
# pyside6-linguist), then run it again to compile the .qm the app loads.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py -no-obsolete -locations none reviewer/gui \
		-source-language en -target-language zh_CN -ts resources/translations/reviewer_zh_CN.ts
	$(BIN)/pyside6-lrelease resources/translations/reviewer_zh_CN.ts -qm resources/translations/reviewer_zh_CN.qm

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis

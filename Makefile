# The two commands README.md promises, and their helpers.
#   make serve  - build and serve the site at http://127.0.0.1:8000
#   make test   - run the whole test suite
# Both create .venv from the pinned requirements on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/macros

.PHONY: serve build validate test checks schemas nytt-ar clean

$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

validate: $(STAMP)
	$(BIN)/python -m finsam validera data

checks: $(STAMP)
	$(BIN)/python -m finsam kontroller

# After adding or changing a model: regenerate schemas/ and the data files' schema lines.
schemas: $(STAMP)
	$(BIN)/python -m finsam scheman data

# Start a new year: make nytt-ar AR=2025 (creates e.g. data/budget/2025.yaml from 2024.yaml).
nytt-ar: $(STAMP)
	@test -n "$(AR)" || (echo "Ange året: make nytt-ar AR=2025" >&2; exit 2)
	$(BIN)/python -m finsam nytt-ar $(AR) data

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV)

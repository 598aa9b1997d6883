# The two commands README.md promises, and their helpers.
#   make serve  - build and serve the site at http://127.0.0.1:8000
#   make test   - run the whole test suite (browser/HTML gates skip, with the reason,
#                 when chromium or node_modules are missing)
#   make quality - install chromium (apt-get, as root) and the pinned npm tools,
#                 then run the whole suite with those gates required (what CI runs)
#   make bench  - the benchmark (not a test): writes benchmarks/results.md
#   make bless  - accept the current output as the golden snapshots (tests/golden/)
# Both create .venv from the pinned requirements on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)/macros
# Python caches compiled modules (__pycache__/, ignored by git); a shell that sets
# PYTHONDONTWRITEBYTECODE would make every build and test process recompile finsam.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: serve build validate test checks schemas nytt-ar clean quality quality-tools bench bless

$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/properdocs serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/properdocs build --strict -f mkdocs.yml

validate: $(STAMP)
	$(BIN)/python -m finsam validera data

checks: $(STAMP)
	$(BIN)/python -m finsam kontroller

# After adding or changing a model: regenerate schemas/ and the data files' schema lines.
schemas: $(STAMP)
	$(BIN)/python -m finsam scheman data

# Start a new year: make nytt-ar AR=2025 (creates e.g. data/budget/2025.yaml from 2024.yaml);
# BARA=budget (one folder, or several in quotes) creates only those.
nytt-ar: $(STAMP)
	@test -n "$(AR)" || (echo "Ange året: make nytt-ar AR=2025" >&2; exit 2)
	$(BIN)/python -m finsam nytt-ar $(AR) data$(if $(BARA), --bara $(BARA))

test: $(STAMP)
	$(BIN)/python -m pytest

# After an intended change of output: rewrite tests/golden/, then review git diff.
bless: $(STAMP)
	$(BIN)/python -m pytest tests/test_golden.py -q --bless

# The quality gates' tools: Debian's chromium (no browser is downloaded) and
# axe-core + html-validate pinned in package-lock.json.
quality-tools: node_modules/.package-lock.json
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium saknas: installera den med 'sudo apt-get install chromium'" >&2; exit 1; \
	  fi; \
	fi

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

quality: $(STAMP) quality-tools
	FINSAM_QUALITY_STRICT=1 $(BIN)/python -m pytest

# make bench BENCH_ARGS="--baseline <commit>" also builds that commit, paired with today's.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf site $(VENV) node_modules

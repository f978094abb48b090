# Kunskapsarena: `make site` builds the arena, `make test` runs every test.
# The virtualenv is created on first use; it is rebuilt when the pins change.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve check test bench new clean schema

site: $(STAMP)
	$(BIN)/arena build

serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --strict

check: $(STAMP)
	$(BIN)/arena check $(if $(FORMAT),--format $(FORMAT))

test: $(STAMP)
	$(BIN)/python -m pytest -n 2

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# JSON Schema per content type for editors (VS Code, remark); rerun after changing data/.
schema: $(STAMP)
	$(BIN)/arena schema

# make new TYPE=method TITLE="Min nya metod"
new: $(STAMP)
	$(BIN)/arena new "$(TYPE)" "$(TITLE)"

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Kunskapsarena needs Python 3.11 or newer (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf site .site-* $(VENV)

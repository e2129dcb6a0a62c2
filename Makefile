# The two commands of the README:  make site  (build the site)  and  make test  (run every test).
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip

.PHONY: site test deps deps-dev lint serve golden bench eval

deps:
	$(PIP) install -q -r requirements.txt

deps-dev:
	bash scripts/install-system-deps.sh
	$(PIP) install -q -r requirements-dev.txt

# Seeds -> briefings -> pages -> site/ (English) and site/it/ (Italian). Offline-safe.
site: deps
	$(PYTHON) build.py site

lint:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m mypy

test: deps-dev lint
	$(PYTHON) -m pytest

serve: deps
	$(PYTHON) build.py render && $(PYTHON) -m mkdocs serve

golden:
	$(PYTHON) -m pytest tests/test_golden.py --update-golden

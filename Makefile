# Two commands: `make site` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
CORPUS ?= corpus
OUT    ?= site

.PHONY: site test venv venv-test export check bench zip clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[test]'
	touch $@

venv: $(VENV)/.installed
venv-test: $(VENV)/.installed-test

site: venv
	$(VENV)/bin/danvan build --corpus $(CORPUS) --out $(OUT)

zip: venv
	$(VENV)/bin/danvan build --corpus $(CORPUS) --out $(OUT) --zip

check: venv
	$(VENV)/bin/danvan check --corpus $(CORPUS)

export: venv
	$(VENV)/bin/danvan export --format json --corpus $(CORPUS) --out build/json

bench: venv
	$(VENV)/bin/danvan bench parse --corpus ../shared/realworld

test: venv-test
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) site build .pytest_cache

# Baozhai: the two commands are `make site` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve check lock clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/baozhai build

check: $(STAMP)
	$(BIN)/baozhai check

serve: $(STAMP)
	$(BIN)/baozhai serve

test: $(STAMP)
	$(BIN)/python -m pytest -q

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.lock requirements.in

clean:
	rm -rf docs site dist build .cache

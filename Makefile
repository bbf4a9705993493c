# Baozhai: the two commands are `make site` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the validators of the browser tests (vnu.jar, axe-core), exact versions from package-lock.json
NODE   := node_modules/.installed

.PHONY: site test serve check lock audit clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(NODE): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE)

# site/ and the offline bundles dist/baozhai-offline-zh-Hans.zip, dist/baozhai-offline-zh-Hant.zip
site: $(STAMP)
	$(BIN)/baozhai build

check: $(STAMP)
	$(BIN)/baozhai check

serve: $(STAMP)
	$(BIN)/baozhai serve

test: $(STAMP) $(NODE)
	$(BIN)/python -m pytest -q

# known vulnerabilities in requirements.lock (pip-audit); an unreachable advisory service only warns
audit: $(STAMP)
	$(BIN)/python tools/audit.py

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.lock requirements.in

clean:
	rm -rf docs site dist build .cache test-output

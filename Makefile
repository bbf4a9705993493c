# Baozhai: the two commands are `make site` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the validators of the browser tests (vnu.jar, axe-core), exact versions from package-lock.json
NODE   := node_modules/.installed

.PHONY: site test test-thorough serve check lock audit clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# without npm the validator tests skip, saying why (under CI, CI=true, they fail)
$(NODE): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(NODE); \
	else echo "npm is missing (apt-get install npm): the validator tests will skip"; fi

# site/ and the offline bundles dist/baozhai-offline-zh-Hans.zip, dist/baozhai-offline-zh-Hant.zip
site: $(STAMP)
	$(BIN)/baozhai build

check: $(STAMP)
	$(BIN)/baozhai check

serve: $(STAMP)
	$(BIN)/baozhai serve

# lint and type check (ruff, mypy: configured in pyproject.toml), then the tests with
# Hypothesis profile "fast": bounded and deterministic (tests/conftest.py), in two
# processes (pytest-xdist; a test file stays in one process, so its fixtures are built once)
test: $(STAMP) $(NODE)
	$(BIN)/ruff check --quiet
	$(BIN)/mypy
	HYPOTHESIS_PROFILE=fast $(BIN)/python -m pytest -q -n 2 --dist loadfile

# the same with Hypothesis profile "thorough": many more examples, new ones each run
test-thorough: $(STAMP) $(NODE)
	$(BIN)/ruff check --quiet
	$(BIN)/mypy
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -q -n 2 --dist loadfile

# known vulnerabilities in requirements.lock (pip-audit); an unreachable advisory service only warns
audit: $(STAMP)
	$(BIN)/python tools/audit.py

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.lock requirements.in

clean:
	rm -rf docs site dist build .cache test-output

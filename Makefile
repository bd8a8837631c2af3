# Every target installs what it needs into .venv (via a pinned uv in .tools) by itself.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))

.PHONY: install chromium test test-local-llm check lint fmt typecheck demo bench wire serve clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --extra postgres --extra semantic --extra voice --extra livekit --python $(PYTHON) --quiet
	touch $@

install: $(VENV)/.synced

# the dashboard's tests drive Debian's Chromium (headless)
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

test: install chromium
	$(VENV)/bin/pytest -n 2 --dist loadgroup -q

# The local llama.cpp model in its own environment (compiles llama.cpp: 7-12 min on 2 cores;
# portable build, no -march=native, so the wheel cache works on any x86-64 machine).
VENV_LLM := .venv-llm
$(VENV_LLM)/.synced: pyproject.toml uv.lock | $(UV)
	CMAKE_ARGS="-DGGML_NATIVE=OFF" UV_PROJECT_ENVIRONMENT=$(abspath $(VENV_LLM)) \
		$(UV) sync --frozen --extra postgres --extra semantic --extra local-llm --python $(PYTHON) --quiet
	touch $@

test-local-llm: $(VENV_LLM)/.synced
	VOXTEST_REQUIRE_LOCAL_LLM=1 $(VENV_LLM)/bin/pytest -q -m local_llm tests/llm

lint: install
	$(VENV)/bin/ruff check src tests scripts bench
	$(VENV)/bin/ruff format --check src tests scripts bench

fmt: install
	$(VENV)/bin/ruff format src tests scripts bench
	$(VENV)/bin/ruff check --fix src tests scripts bench

typecheck: install
	$(VENV)/bin/mypy

check: lint typecheck test

demo: install
	$(VENV)/bin/voxtest demo

bench: install
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(VENV)/bin/python -m bench

wire: install
	$(VENV)/bin/python scripts/gen_wire.py

serve: install
	$(VENV)/bin/voxtest serve

clean:
	rm -rf .tools $(VENV) $(VENV_LLM) .mypy_cache .ruff_cache .pytest_cache

# Two commands on a fresh machine: `make demo`, then `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
PYTEST_ARGS ?= -n auto --durations=25

.PHONY: demo test bench install clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# torch first and pinned: an unpinned torch would pull a multi-GB CUDA build.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

demo: $(STAMP)
	$(BIN)/copilot demo

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	COPILOT_BENCH_POSTGRES_URL=$${COPILOT_BENCH_POSTGRES_URL-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
	  $(BIN)/python -m evals.bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .copilot evals/bench/.work .pytest_cache

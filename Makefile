# Russia-China Dependence Lab: one Makefile for students, instructors and CI.
#   make lab      set up .venv (pinned) and open the lessons in JupyterLab
#   make test     set up .venv (pinned) and run every check
# Setup is idempotent: the venv is only reinstalled when pyproject.toml or the lock file change.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements/constraints.txt
EXTRAS := test,build-data,demo,slides,site,classroom,grading
PORT   ?= 8888
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9]*.ipynb))
#: Workers for the browser tests (3 was measured slower than 2 on two cores).
BROWSER_WORKERS ?= 2
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
export JUPYTER_PREFER_ENV_PATH := 1
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: setup lab test lint unit nbval browser outputs data lock demo student html bench clean \
	site assignments class-test links

$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK) -e '.[$(EXTRAS)]'
	@touch $(STAMP)

setup: $(STAMP)

lab: setup
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) \
		--ServerApp.root_dir=$(CURDIR) $(ROOT_FLAG) notebooks/00_start_here.ipynb

lint: setup
	$(BIN)/ruff check utils tests notebooks deploy site
	$(BIN)/ruff format --check utils tests deploy site

# Unit, data and model tests, spread test by test over both cores.
unit: setup
	$(BIN)/python -m pytest tests -m "not browser" -n 2 --dist loadgroup -q -p no:cacheprovider \
		--cov=utils --cov-report=term:skip-covered --cov-fail-under=90

# Stored notebook outputs against a fresh run (each notebook's cells stay on one worker).
nbval: setup
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg \
		-n 2 --dist loadfile -q -p no:cacheprovider $(NOTEBOOKS)

browser: setup
	$(BIN)/python -m pytest tests -m browser -n $(BROWSER_WORKERS) --dist loadgroup -q -p no:cacheprovider

# nbval and the browser tests run side by side: the browser tests mostly wait on servers and
# pages, which leaves a core free for nbval's kernels. (Running the unit tests alongside too
# was slower: 200 s against 190 s, the cores were oversubscribed.)
test: lint unit
	$(MAKE) --no-print-directory -j2 --output-sync=target nbval browser

outputs: setup
	$(BIN)/python -m utils.notebook_tools execute $(NOTEBOOKS)

data: setup
	$(BIN)/python -m utils.build_data

demo: setup
	$(BIN)/voila --no-browser --Voila.ip=127.0.0.1 --port=$(PORT) notebooks/07_scenario_lab.ipynb

student: setup
	$(BIN)/python -m utils.notebook_tools student $(NOTEBOOKS) --out build/student

html: setup
	$(BIN)/python -m utils.notebook_tools html $(NOTEBOOKS) --out build/html

# The course website in build/site/ (Sphinx + myst-nb, from the stored outputs; offline).
site: setup
	$(BIN)/sphinx-build -b html -W --keep-going -q -c site . build/site

# Otter-Grader releases (student/ and autograder/) of every lesson's tasks and the graded
# scenario assignment, in build/assignments/.
assignments: setup
	$(BIN)/python -m utils.assignments

# A class of STUDENTS on a real JupyterHub on this machine (report in docs/class_test.md).
STUDENTS ?= 5
LESSON ?= 04
CLASS_OUT ?= docs/class_test.md
class-test: setup
	$(BIN)/python deploy/class_test.py --students $(STUDENTS) --lesson $(LESSON) --out $(CLASS_OUT)

# Rewrite the Binder badge and print the nbgitpuller links from course.toml.
links: setup
	$(BIN)/python -m utils.course

bench: setup
	$(BIN)/python -m utils.bench --browser --time-make-test --out docs/benchmark.md

# Refresh the lock file from the newest versions the bounds in pyproject.toml allow.
lock:
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[$(EXTRAS)]'
	( echo "# Exact versions for make lab / make test / CI. Refresh with: make lock"; .lockvenv/bin/python -m pip freeze --exclude-editable | grep -v "^-e " ) > $(LOCK)
	rm -rf .lockvenv

clean:
	rm -rf build test-artifacts .pytest_cache .ruff_cache

# Two commands set up everything on a fresh machine with Python 3.10+:
#   make lab    open the course in JupyterLab
#   make test   run every test (unit, property, data, notebooks under nbval, browser)
# Both create .venv on first use and install the pinned dependencies of
# pyproject.toml into it, with uv when it is on the PATH (seconds) or pip.

VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# This network is tiny: two BLAS threads fighting over two cores are slower
# than one, and one thread makes every result repeat exactly.
export OMP_NUM_THREADS := 1
export OPENBLAS_NUM_THREADS := 1
export MKL_NUM_THREADS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: lab test test-portable notebooks venv clean present hub proxy

venv: $(STAMP)

# The course's JupyterLab settings (jupyter-config/README.md) go into the venv's
# etc/jupyter, where every `jupyter lab` of this venv reads them (an editable
# install leaves data files out, so jupyter-config/install.py copies them).
$(STAMP): pyproject.toml jupyter-config/nnlib-course.json jupyter-config/install.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "nnlib needs Python 3.10 or newer; run: make PYTHON=python3.11 ...")'
	@if command -v uv >/dev/null 2>&1; then \
	    [ -x $(PY) ] || uv venv -q --python "$$(command -v $(PYTHON))" $(VENV); \
	    VIRTUAL_ENV=$(VENV) uv pip install -q -e '.[test,classroom]'; \
	else \
	    [ -x $(PY) ] || $(PYTHON) -m venv $(VENV); \
	    $(PY) -m pip install -q --upgrade pip; \
	    $(PY) -m pip install -q -e '.[test,classroom]'; \
	fi
	@$(PY) jupyter-config/install.py >/dev/null
	@touch $(STAMP)

# Served from the course's folder, so the file browser shows nnlib/ beside the
# notebooks, and opened at the first notebook; root needs --allow-root.
lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/00_start_here.ipynb $(if $(filter 0,$(shell id -u)),--allow-root)

test: $(STAMP) proxy
	MPLBACKEND=Agg $(PY) -m pytest

# The proxy JupyterHub puts in front of the students' servers, from npm
# (pinned in classroom/package-lock.json). Without npm the hub test is skipped.
PROXY := classroom/node_modules/.bin/configurable-http-proxy
proxy: $(if $(shell command -v npm),$(PROXY))
$(PROXY): classroom/package-lock.json
	npm ci --prefix classroom --no-audit --no-fund --loglevel=error
	@touch $(PROXY)

# Presentation mode for the projector: the same notebooks in Voila, code
# hidden, widgets live, on 127.0.0.1 (classroom/README.md).
present: $(STAMP)
	$(PY) classroom/present.py

# A whole class on this machine: JupyterHub on 127.0.0.1:8000 with the
# course copied into each student's home on first login (classroom/README.md).
hub: $(STAMP) proxy
	$(PY) classroom/hub.py

# The unit tests and nbval again under other processors' maths kernels
# (OpenBLAS core types, numpy's SIMD dispatch lowered, 2 BLAS threads): the
# notebooks must print the same everywhere. See scripts/test_portable.py.
test-portable: $(STAMP)
	$(PY) scripts/test_portable.py

# Re-execute every notebook (or one: make notebooks NB=notebooks/03_activations.ipynb)
# top to bottom in a fresh kernel and store its outputs (after changing nnlib, coursekit
# or a notebook). No widget state is stored: it would hold all of figure_view.js for
# every figure, so editing it would mean re-executing everything; without a kernel each
# app shows its PNG instead. State saved earlier is dropped first (nbconvert would keep
# it). The outer timeout guards against a kernel that stalls on a widget cell.
notebooks: $(STAMP)
	for nb in $(or $(NB),notebooks/[0-9][0-9]_*.ipynb); do \
	    echo "executing $$nb"; \
	    $(PY) -c 'import sys, nbformat; nb = nbformat.read(sys.argv[1], 4); nb.metadata.pop("widgets", None); nbformat.write(nb, sys.argv[1])' "$$nb" && \
	    timeout 900 $(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
	        --ExecutePreprocessor.timeout=300 --ExecutePreprocessor.store_widget_state=False \
	        "$$nb" || exit 1; \
	done

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis

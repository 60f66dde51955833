"""pytest set-up for the whole repository (tests/ and the notebooks under nbval).

Loads tests/nbval_tolerance.py, which compares the numbers a training run
prints with a stated tolerance (see its docstring and tests/README.md).
"""
pytest_plugins = ["tests.nbval_tolerance"]

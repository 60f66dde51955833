"""The exercise tests judge answers as a learner sees them: never in presentation mode, unless a
test sets COURSEKIT_PRESENTATION itself (test_presentation.py), whatever the shell running them has."""
import pytest

from coursekit.exercises.presentation import VARIABLE


@pytest.fixture(autouse=True)
def not_presenting(monkeypatch):
    monkeypatch.delenv(VARIABLE, raising=False)

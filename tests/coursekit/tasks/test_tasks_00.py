"""Notebook 00 (start here): the digit browser's task can be done with its slider."""
import numpy as np
import pytest
from task_helpers import set_controls

from coursekit import apps
from nnlib import data


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


def test_browser_task_every_digit_and_its_label_one_arrow_step_apart(digits):
    """Drag over the 4,000 training digits; arrow keys step one digit at a time."""
    app = apps.digit_browser(digits.X_train, digits.y_train)
    slider, figure = app.controls["digit"], app.figures[0].figure
    assert (slider.min, slider.max, slider.step) == (0, len(digits.X_train) - 1, 1)
    for i in range(40, 51):                                   # ten digits in a row
        set_controls(app, digit=i)
        assert figure.title.get_text() == f"label {digits.y_train[i]}"
        np.testing.assert_array_equal(figure.image.get_array().ravel(), digits.X_train[i])

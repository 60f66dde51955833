"""What an app shows, for widget tests: pictures, what was sent to the browser, read-outs."""
import numpy as np


def snapshot(app):
    """Everything on screen: each figure's pixels, how many pictures it sent, each read-out's text."""
    return ([view.figure.rgba().copy() for view in app.figures],
            [view.sent for view in app.figures],
            {name: html.value for name, html in app.readouts.items()})


def assert_visible_change(before, after):
    """Something on screen changed, and a changed figure was also sent again."""
    pixels_changed = any(not np.array_equal(a, b) for a, b in zip(before[0], after[0]))
    assert pixels_changed or before[2] != after[2], "nothing on screen changed"
    if pixels_changed:
        assert before[1] != after[1], "the figure changed but the change was not sent"

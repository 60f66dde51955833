"""changed_boxes: the few rectangles that hold every pixel where two pictures differ."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.display.boxes import MAX_BOXES, changed_boxes


def test_changed_boxes_hold_every_changed_pixel_and_no_more():
    old = np.zeros((60, 80, 4), np.uint8)
    assert changed_boxes(old, old.copy()) == []
    new = old.copy()
    new[5, 7, 2] = 1                       # one channel of one pixel
    new[12, 10] = 255                      # near it: the same box
    new[40:43, 60:70] = 9                  # far away: a box of its own
    new[8, 75] = 3                         # same rows as the first, far right
    assert changed_boxes(old, new) == [(5, 13, 7, 11), (8, 9, 75, 76), (40, 43, 60, 70)]


def test_many_changes_are_sent_as_a_few_bigger_boxes():
    old = np.zeros((100, 400, 4), np.uint8)
    new = old.copy()
    new[10, ::40] = 1                      # ten specks on one row: one box for the band
    new[80, 5] = 1
    assert changed_boxes(old, new) == [(10, 11, 0, 361), (80, 81, 5, 6)]
    new[::30, ::40] = 1                    # a grid of specks: one box around it all
    assert len(changed_boxes(old, new)) <= MAX_BOXES


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 49), st.integers(0, 69)), max_size=40))
def test_pasting_the_boxes_gives_the_new_picture(changes):
    old = np.zeros((50, 70, 4), np.uint8)
    new = old.copy()
    for row, column in changes:
        new[row, column, row % 4] = 200
    boxes = changed_boxes(old, new)
    assert len(boxes) <= MAX_BOXES
    screen = old.copy()
    for top, bottom, left, right in boxes:
        screen[top:bottom, left:right] = new[top:bottom, left:right]
    np.testing.assert_array_equal(screen, new)

"""Notebook 01 (neurons): the pixel explorer's and the network explorer's tasks, done with the controls.

Set-up as in the notebook: X, y = load_sample()'s training digits; the explorer runs
Network(rng=0) and trained_network() on the test digits.
"""
import numpy as np
import pytest
from task_helpers import number_after, set_controls, text

import nnlib
from coursekit import apps
from coursekit.trained import trained_network
from nnlib import data


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


@pytest.fixture(scope="module")
def pixels(digits):
    return apps.pixel_explorer(digits.X_train, digits.y_train, pixel=(10, 10))


def index_and_value(app):
    words = text(app.readouts["pixel"])
    return int(number_after(words, "input neuron x[")), number_after(words, "activation is")


def test_pixel_task1_row_0_walks_the_first_28_entries_and_row_1_jumps_by_28(pixels):
    set_controls(pixels, digit=0, row=0)
    seen = []
    for c in range(28):
        set_controls(pixels, column=c)
        seen.append(index_and_value(pixels)[0])
    assert seen == list(range(28))
    set_controls(pixels, column=5)
    i0 = index_and_value(pixels)[0]
    set_controls(pixels, row=1)
    assert index_and_value(pixels)[0] - i0 == 28


def test_pixel_task2_an_edge_pixel_of_digit_0(pixels, digits):
    set_controls(pixels, digit=0)
    edges = []
    for r in range(28):
        set_controls(pixels, row=r)
        for c in range(28):
            set_controls(pixels, column=c)
            i, value = index_and_value(pixels)
            assert value == pytest.approx(digits.X_train[0][i], abs=0.005)
            if 0.2 <= value <= 0.8:
                edges.append((r, c))
    assert edges


def test_pixel_task3_first_lit_row_of_digit_2(pixels, digits):
    set_controls(pixels, digit=2)
    first = next(r for r in range(28) if digits.X_train[2][28 * r:28 * r + 28].max() > 0)
    set_controls(pixels, row=first, column=0)
    assert index_and_value(pixels)[0] == 28 * first
    set_controls(pixels, column=27)
    assert index_and_value(pixels)[0] == 28 * first + 27
    if first > 0:                                      # the row above is dark all along
        set_controls(pixels, row=first - 1)
        for c in range(28):
            set_controls(pixels, column=c)
            assert index_and_value(pixels)[1] == 0


@pytest.fixture(scope="module")
def explorer(digits):
    return apps.network_explorer(digits.X_test, digits.y_test,
                                 nets={"random": nnlib.Network(rng=0), "trained": trained_network()})


def answer(app):
    return int(number_after(text(app.readouts["answer"]), "network answers"))


def test_explorer_task1_the_random_network_always_answers_the_same(explorer, digits):
    set_controls(explorer, network="random")
    answers = set()
    for i in range(0, len(digits.X_test), 7):
        set_controls(explorer, digit=i)
        answers.add(answer(explorer))
    assert answers == {8}


def test_explorer_task2_trained_winner_is_bright_and_the_rest_dark(explorer, digits):
    set_controls(explorer, network="trained")
    figure = explorer.figures[0].figure
    for i in range(10):
        set_controls(explorer, digit=i)
        words = text(explorer.readouts["answer"])
        y_hat = figure.y_hat
        assert number_after(words, "its output") == pytest.approx(y_hat.max(), abs=0.005)
        if answer(explorer) == digits.y_test[i]:
            assert y_hat.max() > 0.5


def test_explorer_task3_next_mistake_and_which_output_came_second(explorer, digits):
    set_controls(explorer, network="trained", digit=0)
    figure = explorer.figures[0].figure
    for _ in range(4):
        explorer.controls["mistake"].click()
        i = explorer.controls["digit"].value
        words = text(explorer.readouts["answer"])
        assert "wrong" in words and answer(explorer) != digits.y_test[i]
        second = int(number_after(words, "second"))
        order = np.argsort(-figure.y_hat, kind="stable")
        assert second == order[1] and second != answer(explorer)
        assert number_after(words, f"second {second} at") == pytest.approx(figure.y_hat[second], abs=0.005)

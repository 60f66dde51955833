"""The one tolerance policy (coursekit.exercises) and the harness that runs a learner's function."""
import sys
import warnings

import numpy as np
import pytest

from coursekit.exercises import (as_number, as_vector, check_count, check_number, decimals_of,
                                 looks_typed, returned_none, run, same_every_time, uses_library,
                                 within)
from nnlib import activations, training
from nnlib.network import Network


# -- numbers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", [3.069, 3, np.float64(3.069), np.float32(3.069), np.int64(3),
                                    np.array(3.069), np.array([3.069]), np.array([[3]])])
def test_numpy_scalars_and_0d_and_one_element_arrays_are_numbers(answer):
    value, problem = as_number(answer)
    assert problem is None and value == pytest.approx(float(np.ravel(answer)[0]))


@pytest.mark.parametrize("answer, words", [
    ("0.5", "'0.5' is text, not one number: leave out the quotes and write 0.5."),
    (" 12 ", "leave out the quotes and write 12."),
    ("half", "should be one number, not the text 'half'"),
    (np.array("0.5"), "is text"),
    (True, "yes/no value"), (np.bool_(False), "yes/no value"),
    ([3.0], "leave out the brackets"), ((1, 2), "a tuple of 2 items (2 values)"),
    (np.zeros(3), "an array of shape (3,) (3 values)"),
    (np.sum, "that is a function, not a number: call it"),
    ({"a": 1}, "a dict of 1 item"), (object(), "that is an object"), (Network(rng=0), "that is a Network;"), (1 + 2j, "that is a complex"),
    (float("nan"), "nan (\"not a number\")"), (np.inf, "came out as inf"),
    (None, "replace the ..."), (..., "replace the ..."), (np.array(None, dtype=object), "replace the"),
])
def test_anything_else_gets_a_message_saying_what_it_is(answer, words):
    value, problem = as_number(answer, what="the cost")
    assert value is None and not problem.correct and words in problem.message, problem


def test_the_shown_precision_is_accepted_and_no_more():
    # "3.069" shown: half a unit of the 3rd decimal either side of the exact value.
    exact = 3.0691275
    assert within(3.069, exact, 3) and within(3.0691, exact, 3) and within(3.0695, exact, 3)
    assert not within(3.07, exact, 3) and not within(3.068, exact, 3)
    assert within(0.1 + 1e-12, 0.1) and not within(0.1001, 0.1)     # exact answers: float slack only
    assert within(float(np.float32(0.1)), 0.1) and not within(0.100001, 0.1)
    assert within(13002.0, 13002) and not within(13003, 13002)


def test_decimals_and_typed_numbers():
    assert [decimals_of(v) for v in (3, 3.0, 3.1, 3.069, 0.41166768)] == [0, 0, 1, 3, 8]
    assert decimals_of(0.4116676780463457) == 13
    assert looks_typed([0.412, -1.378]) and looks_typed(np.round(np.pi * np.ones(2), 8))
    assert not looks_typed([np.pi, 0.412]) and not looks_typed(np.exp([0.3, 0.4]))


def feedback_for(answer):
    return check_number(answer, 3.0691275, 3, "praise", [(0.30691275, "you averaged")],
                        lambda v: f"{v:g} is not it", what="the cost")


@pytest.mark.parametrize("answer, correct, words", [
    (3.069, True, "praise"), (3.0691275, True, "praise"), (np.array(3.0691), True, "praise"),
    (0.307, False, "you averaged"), (0.30691275, False, "you averaged"),      # a mistake, typed or computed
    (3.07, False, "3.07 is close, but not right to the 3 decimals the notebook shows: compute it "
                  "in code instead of copying rounded numbers."),
    (3, False, "copying rounded numbers"),
    (3.0712345, False, "close, but not it. 3.07123 is not it"),       # computed, near: the checker's hint
    (5.0, False, "5 is not it"), ("3.069", False, "is text"),
])
def test_check_number_follows_the_policy(answer, correct, words):
    feedback = feedback_for(answer)
    assert feedback.correct == correct and words in feedback.message, feedback


def test_check_count_wants_whole_numbers():
    def count(answer):
        return check_count(answer, 10, "yes", {9: "both ends"}, lambda n: f"{n} is not it")
    assert count(10) and count(10.0) and count(np.array(10)) and count(np.int8(10))
    assert count(9).message == "both ends" and count(np.array([9])).message == "both ends"
    assert count(3).message == "3 is not it"
    assert "whole number; you gave 9.5" in count(9.5).message
    assert "'10' is text, not a whole number" in count("10").message


@pytest.mark.parametrize("answer, words", [
    ("0.4, 1", "not the text"), (["0.4", "1"], "not text"), ([True, False], "True/False"),
    ([[1, 2], [3]], "cannot make one array"), ([None, 1], "numpy reads as object values"),
    (0.5, "one value; the gradient should be several numbers"), (np.sum, "a function"),
    ([np.nan, 1], "nan"), (None, "replace the ..."),
])
def test_as_vector_explains_what_is_not_numbers(answer, words):
    values, problem = as_vector(answer, "the gradient")
    assert values is None and words in problem.message, problem


def test_as_vector_takes_lists_tuples_and_arrays():
    for answer in ([1, 2.5], (1, 2.5), np.array([1, 2.5]), [np.float64(1), np.int64(2)]):
        values, problem = as_vector(answer)
        assert problem is None and values.dtype == np.float64 and values.shape == (2,)


# -- running the learner's function ------------------------------------------------------------

LIBRARY = {"activations.sigmoid": activations.sigmoid}


def my_sigmoid(z):          # the learner's own function may be called sigmoid too
    return 1 / (1 + np.exp(-z))


def helper(z):
    return activations.sigmoid(z)


@pytest.mark.parametrize("fn, found, itself", [
    (activations.sigmoid, "activations.sigmoid", True),
    (lambda z: activations.sigmoid(z), "activations.sigmoid", False),
    (lambda z: activations.get("sigmoid")(z), "activations.sigmoid", False),
    (lambda z: activations.ACTIVATIONS["sigmoid"].f(z), "activations.sigmoid", False),
    (lambda z: helper(z), "activations.sigmoid", False),
    (lambda z: activations.sigmoid_prime(z) * 0 + 0.5, "activations.sigmoid", False),
    (my_sigmoid, "", False),
    (lambda z: 1 / (1 + np.exp(-z)), "", False),
])
def test_run_finds_the_library_function_however_it_is_reached(fn, found, itself):
    call = run(fn, np.arange(3.0), library=LIBRARY)
    assert call.library == found and call.itself == itself
    assert sys.getprofile() is None                  # nothing left behind


def test_run_leaves_a_running_profiler_alone():
    def profiler(frame, event, arg):
        pass
    sys.setprofile(profiler)
    try:
        call = run(lambda z: activations.sigmoid(z), 1.0, library=LIBRARY)
        assert sys.getprofile() is profiler
    finally:
        sys.setprofile(None)
    assert call.error is None and call.library == ""


def test_run_keeps_errors_warnings_prints_and_in_place_changes():
    def noisy(z):
        print("hello")
        z[0] = 5.0
        return np.exp(z * 1000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")               # nothing may leak out
        call = run(noisy, np.ones(3))
    assert call.printed == "hello\n" and call.overflowed and call.changed == (0,)
    failed = run(lambda z: 1 / 0, 1.0)
    assert isinstance(failed.error, ZeroDivisionError) and failed.result is None


def test_returned_none_says_print_or_return():
    printed = returned_none(run(print, "3.5"), "f", "the value")
    assert "f printed '3.5' but returned None" in printed.message and "return" in printed.message
    silent = returned_none(run(lambda: None), "f", "the value")
    assert silent.message.startswith("f returned None: a function gives back the value with a line")
    long = returned_none(run(print, "x" * 100), "f")
    assert "..." in long.message and len(long.message) < 300


def test_uses_library_is_kind_and_names_it():
    call = run(lambda net: training.step(net, None, None, 1, "quadratic"), None,
               library={"training.step": training.step})
    assert call.library == "training.step"
    assert uses_library(call, "W -= lr * gW").message == (
        "this calls nnlib's own training.step; the exercise is to write it yourself: W -= lr * gW.")


def test_same_every_time():
    assert same_every_time([4, 4, 4.0]) and same_every_time([np.ones(2), np.ones(2)])
    assert not same_every_time([4, 5]) and not same_every_time([np.ones(2), np.ones(3)])
    assert not same_every_time([4])


@pytest.mark.parametrize("answer, words", [
    (10 ** 400, "that is a 401-digit number, far too large"), ("nan", "not the text 'nan'"),
    (np.array(["a"]), "not the text 'a'"), (Exception("x"), "that is an Exception;"),
    (np.sum, "that is a function"), (int, "that is the type int, not a value"),
])
def test_messages_say_plainly_what_the_value_is(answer, words):
    _, problem = as_number(answer, what="the cost")
    assert words in problem.message, problem

"""Checkers for notebooks 00 and 01: neurons, layers, and reading the network's answer.

Each checker takes the learner's answer (a number, or a small function) and
returns a Feedback. Wrong answers get a hint aimed at the mistake that most
likely produced them: adding 28 + 28, counting from 1, swapping rows and
columns, returning the largest output instead of its position. Functions are
tried on fixed cases that tell the usual mistakes apart and on fresh random
ones, so a function that returns the same number whatever it is given is
recognised as such.
"""
import numpy as np

from coursekit.exercises import (as_number, check_count, check_number, code_names, describe, echo,
                                 no_answer, not_a_function, right, run, same_every_time, show,
                                 wrong)
from coursekit.exercises.presentation import Answer, exercise, solution
from nnlib.network import MNIST_SIZES

N_IN, N_OUT = MNIST_SIZES[0], MNIST_SIZES[-1]
SIDE = int(np.sqrt(N_IN))                 # a digit is SIDE x SIDE pixels
PIXEL_INDEX = """
def pixel_index(row, col):
    return 28 * row + col
"""
NETWORK_ANSWER = """
def network_answer(y_hat):
    return int(np.argmax(y_hat))
"""


@exercise("How many output neurons does the digit network have?",
          lambda: Answer(N_OUT, f"{N_OUT} output neurons, one per digit 0 to {N_OUT - 1}"))
def check_output_count(answer):
    """How many output neurons the digit network has (one per digit 0..9: 10)."""
    hints = {
        9: "the digits run from 0 to 9, and counting both ends that is ten of them.",
        784: "784 is the number of input neurons, one per pixel. The outputs are the other end: "
             "one per digit the network can answer.",
        16: "16 is the size of each hidden layer. Count the outputs: one per digit.",
        1: "one output could only say yes or no. Here each digit has its own output neuron.",
    }
    return check_count(answer, 10, "one output neuron per digit 0..9.", hints,
                       lambda n: f"{n} is not it. Each output neuron stands for one digit the "
                                 "network can answer: how many digits are there?")


@exercise(f"A digit is a {SIDE} × {SIDE} image with one input neuron per pixel: how many input "
          "neurons is that?",
          lambda: Answer(N_IN, f"{N_IN} input neurons: {SIDE} × {SIDE} pixels"))
def check_input_count(answer):
    """How many input neurons a 28x28 image needs (one per pixel: 784)."""
    hints = {
        56: "28 + 28 counts one row and one column. The image has 28 rows, and every row "
            "has 28 pixels: multiply.",
        28: "that is one row of pixels. There are 28 rows like it.",
        729: "27 x 27 is one row and one column short: rows 0 to 27 are 28 rows, and each "
             "holds 28 pixels.",
        783: "783 is the index of the last pixel, counting from 0. The count is one more.",
        785: "one too many: 28 x 28 pixels, one neuron each.",
        10: "10 is the number of outputs. The inputs are the pixels.",
    }
    return check_count(answer, 784, "28 rows x 28 columns = 784 pixels, one input neuron each.",
                       hints, lambda n: f"{n} is not it. One input neuron per pixel: how many "
                                        "pixels does a grid of 28 rows of 28 pixels hold?")


# (row, column) -> index cases, chosen so that each common mistake gets at least one wrong.
PIXEL_CASES = [(0, 0), (0, 5), (1, 0), (3, 7), (14, 9), (27, 27)]
PIXEL_MISTAKES = [
    (lambda r, c: 28 * c + r,
     "rows and columns are swapped. Row 0 comes first, all 28 pixels of it, then row 1: "
     "so it is the row number that moves you 28 places at a time."),
    (lambda r, c: 28 * (r - 1) + (c - 1),
     "this counts from 1. In Python the first row, the first column and the first index are "
     "all 0, so pixel (0, 0) must give 0."),
    (lambda r, c: 28 * r + c + 1,
     "this counts the index from 1. The first pixel, (0, 0), is x[0]."),
    (lambda r, c: 28 * (r - 1) + c,
     "this counts rows from 1. Row 0 is the top row; pixel (0, 5) is x[5]."),
    (lambda r, c: r + c,
     "r + c gives pixels (1, 0) and (0, 1) the same index. Going down one row skips a whole "
     "row of 28 pixels."),
    (lambda r, c: 27 * r + c,
     "a row holds 28 pixels (columns 0 to 27), so each row moves you 28 places, not 27."),
    (lambda r, c: 28 * r * c,
     "multiply only the row by 28, then add the column: row r starts at 28 * r."),
]


def pixel_cases(rng=1):
    """PIXEL_CASES, then six random pixels (drawn from np.random.default_rng(rng))."""
    drawn = np.random.default_rng(rng).integers(0, 28, size=(6, 2))
    return PIXEL_CASES + [(int(r), int(c)) for r, c in drawn]


def _pixel_index_of(pixel_index, r, c):
    """(the index pixel_index(r, c) gave, None), or (None, Feedback) if it gave no whole number."""
    call = run(pixel_index, r, c)
    feedback = no_answer(call, "pixel_index", "the index", raised=lambda error: (
        f"pixel_index({r}, {c}) raised {type(error).__name__}: {error}"))
    if feedback is not None:
        return None, feedback
    got = call.result
    value, _ = as_number(got)
    if value is None or value != round(value):
        return None, _not_an_index(pixel_index, r, c, got, value)
    return int(value), None


def _not_an_index(pixel_index, r, c, got, value):
    """The Feedback for a result that is no whole number, naming a pixel's brightness x[...]."""
    shown = echo(got) if value is None else show(value)
    # A number in [0, 1] from code that reads x is most likely the pixel's value, not its index.
    brightness = (value is not None and 0 <= value <= 1 and "x" in code_names(pixel_index))
    return wrong(f"pixel_index({r}, {c}) gave {shown}; an index is one whole number."
                 + (" That looks like a pixel's brightness, x[...]: return the position "
                    "itself, without x[...]." if brightness else ""))


def _pixel_index_mistake(cases, answers):
    """The Feedback for wrong indices {(r, c): index}: a constant, a known mistake, or else."""
    if same_every_time(list(answers.values())):
        return wrong(f"your function gives {answers[cases[0]]} for every pixel, whatever row and "
                     "col are: compute the index from row and col.")
    for formula, hint in PIXEL_MISTAKES:
        if all(answers[r, c] == formula(r, c) for r, c in cases):
            return wrong(hint)
    r, c = next((r, c) for r, c in cases if answers[r, c] != 28 * r + c)
    return wrong(f"pixel_index({r}, {c}) gave {answers[r, c]}, but pixel (row {r}, column {c}) is "
                 f"x[{28 * r + c}]: each row above it holds 28 pixels, then the column adds {c}.")


@exercise("Write pixel_index(row, col): the index in x of the pixel at (row, col), both counted "
          "from 0.", lambda rng: solution(PIXEL_INDEX, "pixel_index"))
def check_pixel_index(pixel_index, rng=1):
    """A function pixel_index(row, col) -> the index in x of that pixel: 28 * row + col."""
    feedback = not_a_function(pixel_index,
                              "pass the function itself, pixel_index, without calling it.")
    if feedback is not None:
        return feedback
    cases, answers = pixel_cases(rng), {}
    for r, c in cases:
        index, feedback = _pixel_index_of(pixel_index, r, c)
        if feedback is not None:          # the first pixel it gets wrong in kind is reported
            return feedback
        answers[(r, c)] = index
    if all(answers[r, c] == 28 * r + c for r, c in cases):
        return right("row r starts at index 28 * r, and column c is c places further.")
    return _pixel_index_mistake(cases, answers)


def output_cases(rng=7):
    """Output vectors y_hat (10,) to test an answer-reading function, each with its answer.

    Four with one bright output, four noisy ones, then four drawn at random: all from
    np.random.default_rng(rng), each with one clear largest output.
    """
    rng = np.random.default_rng(rng)
    y_hats = [np.full(10, 0.05) for _ in range(4)] + [rng.uniform(0, 0.6, 10) for _ in range(4)]
    for y_hat, answer in zip(y_hats[:4], (3, 0, 9, 7)):
        y_hat[answer] = 0.93
    y_hats[5][2] = 0.71      # a clear winner among noise
    for _ in range(4):
        y_hat = rng.uniform(0, 0.5, 10)
        y_hat[rng.integers(10)] = rng.uniform(0.6, 1.0)
        y_hats.append(y_hat)
    return [(y_hat, int(np.argmax(y_hat))) for y_hat in y_hats]


def _digit_of(network_answer, y_hat, answer):
    """(the number network_answer(y_hat) gave, None), or (None, Feedback) if it gave no digit."""
    call = run(network_answer, y_hat.copy())
    feedback = no_answer(call, "network_answer", "the digit", raised=lambda error: (
        f"your function raised {type(error).__name__}: {error}"))
    if feedback is not None:
        return None, _sorted_in_place(call, feedback)
    got = call.result
    value, _ = as_number(got)
    if value is None:
        return None, wrong(f"it returned {describe(got)}; the answer is one digit, a whole number "
                           "from 0 to 9.")
    if call.changed and value != answer:
        return None, wrong("your function changes the outputs it is given (y_hat.sort(), or "
                           "y_hat[...] = ...), and so loses which position was largest. Read "
                           "y_hat without changing it: np.argmax(y_hat).")
    return value, None


def _sorted_in_place(call, feedback):
    """The Feedback, plus a word on y_hat.sort() when network_answer returned None and changed y_hat."""
    if call.error is None and call.result is None and call.changed:
        return wrong(feedback.message + " It also changed y_hat: y_hat.sort() sorts the "
                                        "array in place and itself returns None.")
    return feedback


def _network_answer_mistake(cases, answers):
    """The Feedback for wrong digits: ignoring y_hat, or the mistake at the first wrong one."""
    if same_every_time(answers):
        y_hat, answer = next((y, a) for (y, a), got in zip(cases, answers) if got != a)
        return wrong(f"your function returns {show(answers[0])} for every y_hat, whatever the "
                     f"outputs are; for outputs {np.round(y_hat, 2).tolist()} the largest output "
                     f"is neuron {answer}. Find it from y_hat: np.argmax(y_hat).")
    for got, (y_hat, answer) in zip(answers, cases):
        if got != answer:
            return _wrong_digit(got, y_hat, answer)


def _wrong_digit(got, y_hat, answer):
    """The Feedback for `got` where the outputs y_hat point to digit `answer`."""
    if np.isclose(got, y_hat.max()):
        return wrong(f"it returned {got:.2f}, the largest output's value: how sure the "
                     "network is. The answer is which neuron that is, its position: "
                     "np.argmax(y_hat), not y_hat.max().")
    if got == answer + 1:
        return wrong("this is one too high, as if the outputs were counted from 1. Output "
                     "neuron 0 stands for digit 0, so the position itself is the digit.")
    if got == int(np.argmin(y_hat)):
        return wrong("that is the least lit output. The network's answer is the most lit "
                     "one: np.argmax.")
    return wrong(f"for outputs {np.round(y_hat, 2).tolist()} it returned {show(got)}, but the "
                 f"largest output is neuron {answer}.")


@exercise("Write network_answer(y_hat): given the ten outputs, return the digit the network "
          "answers.", lambda rng: solution(NETWORK_ANSWER, "network_answer"))
def check_network_answer(network_answer, rng=7):
    """A function network_answer(y_hat) -> the digit the outputs (10,) point to: argmax."""
    feedback = not_a_function(network_answer,
                              "pass the function itself, network_answer, without calling it.")
    if feedback is not None:
        return feedback
    cases, answers = output_cases(rng), []
    for y_hat, answer in cases:
        digit, feedback = _digit_of(network_answer, y_hat, answer)
        if feedback is not None:          # the first output it gets wrong in kind is reported
            return feedback
        answers.append(digit)
    if all(got == answer for got, (_, answer) in zip(answers, cases)):
        return right("the answer is the position of the largest output, np.argmax(y_hat).")
    return _network_answer_mistake(cases, answers)


@exercise(f"A network picks one of the {N_OUT} digits at random: what fraction of the digits does "
          "it get right, on average?",
          lambda: Answer(1 / N_OUT, f"{1 / N_OUT:g} (one digit in {N_OUT}, {100 / N_OUT:g} %)"))
def check_chance_accuracy(answer):
    """How often a network that guesses one of the ten digits at random is right: 0.1."""
    mistakes = [
        (10, "10 % is right, but give it as a fraction between 0 and 1: 0.1."),
        (0.5, "that would be a coin toss between two answers. There are ten digits."),
        (0.9, "that is how often a blind guess is WRONG, nine times in ten; the accuracy is how "
              "often it is right."),
        (1, "that would be right every time. A blind guess picks one digit of ten."),
    ]
    return check_number(answer, 0.1, None,
                        "one chance in ten, 10 %: the random network's score is no better.",
                        mistakes,
                        lambda value: f"{show(value)} is not it. With ten digits to choose from "
                                      "and no idea which is right, how often does a guess hit?",
                        what="the accuracy")

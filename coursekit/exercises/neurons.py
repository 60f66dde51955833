"""Checkers for notebooks 00 and 01: neurons, layers, and reading the network's answer.

Each checker takes the learner's answer (a number, or a small function) and
returns a Feedback. Wrong answers get a hint aimed at the mistake that most
likely produced them: adding 28 + 28, counting from 1, swapping rows and
columns, returning the largest output instead of its position.
"""
import numpy as np

from coursekit.exercises import check_count, is_number, not_a_function, not_written_yet, right, wrong


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
                       f"{answer} is not it. Each output neuron stands for one digit the network "
                       "can answer: how many digits are there?")


def check_input_count(answer):
    """How many input neurons a 28x28 image needs (one per pixel: 784)."""
    hints = {
        56: "28 + 28 counts one row and one column. The image has 28 rows, and every row "
            "has 28 pixels: multiply.",
        28: "that is one row of pixels. There are 28 rows like it.",
        729: "27 x 27 counts from 0 to 27 as 27 steps, but 0..27 are 28 rows (and 28 columns).",
        783: "783 is the index of the last pixel, counting from 0. The count is one more.",
        785: "one too many: 28 x 28 pixels, one neuron each.",
        10: "10 is the number of outputs. The inputs are the pixels.",
    }
    return check_count(answer, 784, "28 rows x 28 columns = 784 pixels, one input neuron each.",
                       hints, f"{answer} is not it. One input neuron per pixel: how many pixels "
                       "does a grid of 28 rows of 28 pixels hold?")


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


def check_pixel_index(pixel_index):
    """A function pixel_index(row, col) -> the index in x of that pixel: 28 * row + col."""
    feedback = not_a_function(pixel_index,
                              "pass the function itself, pixel_index, without calling it.")
    if feedback is not None:
        return feedback
    answers = {}
    for r, c in PIXEL_CASES:
        try:
            got = pixel_index(r, c)
        except Exception as err:   # a learner's bug is feedback, not a crash
            return wrong(f"pixel_index({r}, {c}) raised {type(err).__name__}: {err}")
        if (feedback := not_written_yet(got)) is not None:
            return feedback
        if not is_number(got) or got != round(got):
            return wrong(f"pixel_index({r}, {c}) gave {got!r}; an index is one whole number.")
        answers[(r, c)] = got
    if all(answers[r, c] == 28 * r + c for r, c in PIXEL_CASES):
        return right("row r starts at index 28 * r, and column c is c places further.")
    for formula, hint in PIXEL_MISTAKES:
        if all(answers[r, c] == formula(r, c) for r, c in PIXEL_CASES):
            return wrong(hint)
    r, c = next((r, c) for r, c in PIXEL_CASES if answers[r, c] != 28 * r + c)
    return wrong(f"pixel_index({r}, {c}) gave {answers[r, c]}, but pixel (row {r}, column {c}) is "
                 f"x[{28 * r + c}]. The rows before it hold 28 pixels each.")


def output_cases():
    """Output vectors y_hat (10,) to test an answer-reading function, each with its answer."""
    rng = np.random.default_rng(7)
    y_hats = [np.full(10, 0.05) for _ in range(4)] + [rng.uniform(0, 0.6, 10) for _ in range(4)]
    for y_hat, answer in zip(y_hats[:4], (3, 0, 9, 7)):
        y_hat[answer] = 0.93
    y_hats[5][2] = 0.71      # a clear winner among noise
    return [(y_hat, int(np.argmax(y_hat))) for y_hat in y_hats]


def check_network_answer(network_answer):
    """A function network_answer(y_hat) -> the digit the outputs (10,) point to: argmax."""
    feedback = not_a_function(network_answer,
                              "pass the function itself, network_answer, without calling it.")
    if feedback is not None:
        return feedback
    for y_hat, answer in output_cases():
        try:
            got = network_answer(y_hat.copy())
        except Exception as err:
            return wrong(f"your function raised {type(err).__name__}: {err}")
        if (feedback := not_written_yet(got)) is not None:
            return feedback
        if isinstance(got, np.ndarray) and got.size == 1:
            got = got.item()
        if not is_number(got):
            return wrong(f"it returned {type(got).__name__}; the answer is one digit, a whole "
                         "number from 0 to 9.")
        if got == answer:
            continue
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
        return wrong(f"for outputs {np.round(y_hat, 2).tolist()} it returned {got}, but the "
                     f"largest output is neuron {answer}.")
    return right("the answer is the position of the largest output, np.argmax(y_hat).")


def check_chance_accuracy(answer):
    """How often a network that guesses one of the ten digits at random is right: 0.1."""
    if (feedback := not_written_yet(answer)) is not None:
        return feedback
    if not is_number(answer):
        return wrong(f"give a fraction between 0 and 1, not {type(answer).__name__}.")
    if np.isclose(answer, 0.1):
        return right("one chance in ten, 10 %: the random network's score is no better.")
    if np.isclose(answer, 10):
        return wrong("10 % is right, but give it as a fraction between 0 and 1: 0.1.")
    if np.isclose(answer, 0.5):
        return wrong("that would be a coin toss between two answers. There are ten digits.")
    return wrong(f"{answer} is not it. With ten digits to choose from and no idea which is "
                 "right, how often does a guess hit?")

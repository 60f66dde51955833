"""Two learner drafts of sigmoid that the checkers and the hint tests both try."""
import numpy as np


def sigmoid_ratio(z):
    return np.exp(z) / (1 + np.exp(z))          # right, until e^750 overflows: inf / inf


def sigmoid_branch(z):
    if z >= 0:
        return 1 / (1 + np.exp(-z))
    return np.exp(z) / (1 + np.exp(z))

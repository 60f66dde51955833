"""Network shapes for the shape sandbox (notebook 07): names, parameter counts, runs, the task.

A shape is the tuple of layer sizes, e.g. (784, 16, 16, 10): 784 inputs, two
hidden layers of 16 neurons, 10 outputs. Its parameter count is nnlib's own
`Network.n_params` (every weight and every bias), so the course counts them in
one place only. A Run records what one training of a shape reached; the task
"find the smallest network that beats 85 %" is checked by coursekit.exercises.shapes.
"""
from functools import lru_cache
from typing import NamedTuple

from nnlib.network import Network

INPUTS, OUTPUTS = 784, 10
MAX_HIDDEN_LAYERS, MAX_NEURONS = 3, 64
THRESHOLD = 0.85                  # the task: beat 85 % of the test digits
NO_HIDDEN = (INPUTS, OUTPUTS)     # 784-10: every pixel wired straight to the outputs


def layer_sizes(hidden):
    """(784, *hidden, 10) for hidden neuron counts such as (16, 16); () gives (784, 10)."""
    return (INPUTS, *(int(n) for n in hidden), OUTPUTS)


def shape_name(sizes):
    """"784-16-16-10" for (784, 16, 16, 10)."""
    return "-".join(str(n) for n in sizes)


@lru_cache(maxsize=256)
def parameter_count(sizes):
    """How many weights and biases a network of these layer sizes has: 13,002 for 784-16-16-10.

    It asks nnlib (Network.n_params) rather than repeating the formula; the
    network built for that is thrown away (a millisecond, and cached).
    """
    return Network(tuple(sizes), rng=0).n_params


class Run(NamedTuple):
    """One training run in the sandbox: its shape, recipe and what it reached on the test digits."""
    sizes: tuple
    activation: str
    epochs: int                   # epochs trained (fewer than asked if stopped)
    test_accuracy: float          # fraction of the 1,000 test digits read correctly, after the last epoch
    stopped: bool = False

    @property
    def name(self):
        return shape_name(self.sizes)

    @property
    def n_params(self):
        return parameter_count(self.sizes)

    def summary(self):
        """One line, e.g. "784-32-10 (25,450 parameters), relu, 10 epochs: 93.3% of the test digits"."""
        return (f"{self.name} ({self.n_params:,} parameters), {self.activation}, {self.epochs} epoch(s): "
                f"{self.test_accuracy:.1%} of the test digits")


def smallest_above(runs, threshold=THRESHOLD):
    """The run with the fewest parameters whose test accuracy beats `threshold`, or None.

    Ties (the same count) go to the better accuracy.
    """
    above = [run for run in runs if run.test_accuracy > threshold]
    return min(above, key=lambda run: (run.n_params, -run.test_accuracy), default=None)

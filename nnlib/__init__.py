"""nnlib: a small numpy library for learning how a neural network works and learns.

Import the modules by name:

    import nnlib
    from nnlib import activations, cost, backprop, training, data
    net = nnlib.Network()          # 784-16-16-10, 13,002 weights and biases

nnlib is only the textbook: the maths a learner reads. What only the course
needs (figures, interactive apps, exercise checkers, the shipped trained
networks) is the package `coursekit` beside it, which imports nnlib; nnlib
never imports coursekit, and `import nnlib` stays fast (no matplotlib, no widgets).
"""
from nnlib import activations, backprop, cost, errors, network, training
from nnlib.network import MNIST_SIZES, Network

__all__ = ["Network", "MNIST_SIZES", "activations", "backprop", "cost", "errors", "network",
           "training"]
__version__ = "0.1.0"

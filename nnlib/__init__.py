"""nnlib: a small numpy library for learning how a neural network works and learns.

    from nnlib import activations, cost, backprop, training, data
    net = nnlib.Network()          # 784-16-16-10, 13,002 weights and biases

nnlib is only the textbook, the maths a learner reads; figures, apps and exercise
checkers are the package `coursekit` beside it. nnlib never imports coursekit.
"""
from nnlib import activations, backprop, cost, errors, network, training
from nnlib.network import MNIST_SIZES, Network

__all__ = ["Network", "MNIST_SIZES", "activations", "backprop", "cost", "errors", "network", "training"]
__version__ = "0.1.0"

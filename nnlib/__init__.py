"""nnlib: a small numpy library for learning how a neural network works and learns.

Import the modules by name:

    import nnlib
    from nnlib import activations, cost, backprop, training, data
    net = nnlib.Network()          # 784-16-16-10, 13,002 weights and biases

Plotting (`nnlib.plots`) and widgets (`nnlib.widgets`) are imported only when
a notebook asks for them, so `import nnlib` stays fast.
"""
from nnlib import activations, backprop, cost, errors, network, training
from nnlib.network import MNIST_SIZES, Network

__all__ = ["Network", "MNIST_SIZES", "activations", "backprop", "cost", "errors", "network",
           "training"]
__version__ = "0.1.0"

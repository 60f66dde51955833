"""Trained networks that ship with the course, for notebooks that need one.

Several notebooks show what a *trained* network does before the course has
explained training. Training is chaotic in its last bit: the same recipe and
seed give a slightly different network on another processor (rounding in
the matrix products differs, and thousands of SGD steps amplify it). A
forward pass of a *fixed* network does not, so the course ships the networks
it talks about as files in coursekit/networks/, made once by
scripts/make_reference_networks.py with the recipes below, and every machine
loads the very same 13,002 numbers in milliseconds. Notebook 06 trains its
own and shows how much a run varies.
"""
import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from nnlib import data, training
from nnlib.network import Network

NETWORKS_DIR = Path(__file__).resolve().parent / "networks"      # package data: pip install . has it

# The recipes of the shipped networks: 784-16-16-10, the embedded sample's 4,000
# training digits, 20 epochs of mini-batches of 10, seed 0.
RECIPES = {
    "sigmoid": dict(activation="sigmoid", output="sigmoid", cost="quadratic", lr=3.0),
    "relu": dict(activation="relu", output="softmax", cost="cross_entropy", lr=0.1),
}
EPOCHS, BATCH_SIZE, SEED = 20, 10, 0


def trained_network(activation="sigmoid"):
    """The shipped 784-16-16-10 network trained on load_sample() (a fresh copy each call).

    activation: "sigmoid" (sigmoid everywhere, quadratic cost, as in the
    classic presentation) or "relu" (ReLU hidden layers, softmax outputs,
    cross-entropy).
    """
    return _load(_check(activation))[0].copy()


def training_history(activation="sigmoid"):
    """The History of the run that made trained_network(activation), as recorded in its file."""
    return _load(_check(activation))[1]


def about(activation="sigmoid"):
    """The file's record of how its network was made: recipe, seed, versions, accuracies (a dict)."""
    return dict(_load(_check(activation))[2])


def train_reference(activation="sigmoid"):
    """Train a network afresh with the shipped one's recipe: (Network, History).

    On this machine's processor the result may differ from the shipped file in
    the last digits, and so in its accuracy by about a percent.
    """
    recipe = dict(RECIPES[_check(activation)])
    cost, lr = recipe.pop("cost"), recipe.pop("lr")
    digits = data.load_sample()
    net = Network(rng=SEED, **recipe)
    history = training.train(net, digits.X_train, digits.y_train, epochs=EPOCHS, lr=lr,
                             batch_size=BATCH_SIZE, cost=cost, rng=SEED,
                             X_test=digits.X_test, y_test=digits.y_test)
    return net, history


def path(activation="sigmoid"):
    """Where the shipped network of that kind lives."""
    return NETWORKS_DIR / f"{_check(activation)}.npz"


HISTORY_FIELDS = ("cost", "train_accuracy", "test_accuracy", "lr", "seconds")


@lru_cache(maxsize=4)
def _load(activation):
    file = path(activation)
    if not file.exists():
        raise FileNotFoundError(
            f"the shipped {activation} network is missing: no file {file}. It ships with the "
            f"course: restore it with `git checkout -- coursekit/networks` or rebuild it with "
            f"scripts/make_reference_networks.py.")
    net = Network.load(file)
    with np.load(file, allow_pickle=False) as f:
        history = training.History(**{name: f[f"history_{name}"].tolist() for name in HISTORY_FIELDS})
        record = json.loads(str(f["about"]))
    return net, history, record


def _check(activation):
    if activation not in RECIPES:
        raise ValueError(f"expected activation 'sigmoid' or 'relu', got {activation!r}.")
    return activation

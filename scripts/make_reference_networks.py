"""Train the course's reference networks and write them to coursekit/networks/*.npz.

    .venv/bin/python scripts/make_reference_networks.py

Each file holds what Network.save writes (sizes, activations, W1, b1, ...),
the History of the run (history_cost, ...), and `about`: a JSON string with
the recipe, seed, library versions, BLAS kernel and accuracies. No pickle.
The recipes are coursekit.trained.RECIPES. Rerunning it on another processor
gives slightly different networks (see coursekit/trained.py), so only rerun it
on purpose, and re-execute the notebooks afterwards.
"""
import json
import platform
import sys

import numpy as np
import threadpoolctl

import nnlib
from coursekit import trained
from nnlib import data


def describe_run(activation, net, history):
    """The `about` record of one reference network (a dict, stored as JSON)."""
    digits = data.load_sample()
    blas = [(info.get("internal_api"), info.get("version"), info.get("architecture"))
            for info in threadpoolctl.threadpool_info()]
    return {
        "recipe": trained.RECIPES[activation], "sizes": list(net.sizes),
        "epochs": trained.EPOCHS, "batch_size": trained.BATCH_SIZE, "seed": trained.SEED,
        "data": "nnlib.data.load_sample(): 4,000 training digits, 1,000 test digits",
        "train_accuracy": net.accuracy(digits.X_train, digits.y_train),
        "test_accuracy": net.accuracy(digits.X_test, digits.y_test),
        "versions": {"nnlib": nnlib.__version__, "numpy": np.__version__,
                     "python": platform.python_version()},
        "blas": blas, "machine": platform.machine(),
    }


def main():
    for activation in trained.RECIPES:
        net, history = trained.train_reference(activation)
        record = describe_run(activation, net, history)
        file = trained.path(activation)
        file.parent.mkdir(parents=True, exist_ok=True)
        extra = {f"history_{name}": np.array(getattr(history, name), dtype=np.float64)
                 for name in trained.HISTORY_FIELDS}
        net.save(file, about=np.array(json.dumps(record, indent=1)), **extra)
        print(f"{file}: test accuracy {record['test_accuracy']:.1%}, "
              f"train accuracy {record['train_accuracy']:.1%}")


if __name__ == "__main__":
    sys.exit(main())

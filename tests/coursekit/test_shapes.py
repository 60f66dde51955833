"""coursekit.shapes: shape names, parameter counts (nnlib's), runs and the sandbox's task."""
from coursekit.shapes import Run, layer_sizes, parameter_count, shape_name, smallest_above
from nnlib.network import Network


def test_parameter_counts_are_nnlibs():
    assert parameter_count((784, 16, 16, 10)) == 13_002
    assert parameter_count(layer_sizes(())) == 7_850               # no hidden layer: 784 x 10 + 10
    assert parameter_count((784, 32, 10)) == 784 * 32 + 32 + 32 * 10 + 10
    assert parameter_count((784, 64, 64, 64, 10)) == Network((784, 64, 64, 64, 10)).n_params


def test_names_and_sizes():
    assert layer_sizes((16, 16)) == (784, 16, 16, 10)
    assert shape_name(layer_sizes((32,))) == "784-32-10"
    assert "784-32-10 (25,450 parameters), relu, 10 epoch(s): 93.3%" in \
        Run((784, 32, 10), "relu", 10, 0.933).summary()


def test_smallest_above_picks_the_fewest_parameters_that_beat_the_line():
    runs = [Run((784, 32, 10), "relu", 10, 0.94), Run((784, 10), "relu", 10, 0.92),
            Run((784, 3, 10), "relu", 10, 0.70), Run((784, 10), "sigmoid", 10, 0.47)]
    assert smallest_above(runs) == runs[1]
    assert smallest_above(runs, threshold=0.95) is None
    assert smallest_above([]) is None

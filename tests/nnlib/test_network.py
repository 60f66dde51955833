"""The Network: shapes, the 13,002 knobs, copies, saving, batches."""
import numpy as np
import pytest

import nnlib
from nnlib import activations


def test_default_network_has_13002_parameters():
    net = nnlib.Network()
    assert net.sizes == (784, 16, 16, 10)
    assert net.n_params == 784 * 16 + 16 * 16 + 16 * 10 + 16 + 16 + 10 == 13002
    assert [W.shape for W in net.weights] == [(16, 784), (16, 16), (10, 16)]
    assert [b.shape for b in net.biases] == [(16,), (16,), (10,)]


def test_same_seed_same_network_and_generator_accepted():
    a, b = nnlib.Network(rng=7), nnlib.Network(rng=np.random.default_rng(7))
    assert np.array_equal(a.parameters(), b.parameters())
    assert not np.array_equal(a.parameters(), nnlib.Network(rng=8).parameters())


def test_forward_one_image_equals_matrix_formula():
    net = nnlib.Network((5, 4, 3), rng=0)
    x = np.linspace(0, 1, 5)
    a1 = activations.sigmoid(net.weights[0] @ x + net.biases[0])
    a2 = activations.sigmoid(net.weights[1] @ a1 + net.biases[1])
    assert net.forward(x) == pytest.approx(a2)


def test_batch_rows_equal_single_passes_and_trace_is_complete():
    net = nnlib.Network((6, 5, 4, 3), rng=1, activation="relu", output="softmax")
    X = np.random.default_rng(2).random((7, 6))
    batch = net.forward(X)
    assert batch.shape == (7, 3)
    assert np.allclose(batch, np.stack([net.forward(x) for x in X]))
    zs, acts = net.trace(X)
    assert [z.shape for z in zs] == [(7, 5), (7, 4), (7, 3)]
    assert len(acts) == 4 and acts[0] is not None and np.allclose(acts[-1], batch)


def test_flat_parameters_round_trip():
    net = nnlib.Network(rng=3)
    theta = net.parameters()
    assert theta.shape == (13002,)
    assert np.array_equal(theta[:784 * 16], net.weights[0].ravel())
    other = nnlib.Network(rng=4).set_parameters(theta)
    assert np.array_equal(other.parameters(), theta)


def test_copy_is_independent():
    net = nnlib.Network(rng=0)
    twin = net.copy()
    twin.weights[0][0, 0] += 1
    twin.biases[2][0] += 1
    assert net.weights[0][0, 0] != twin.weights[0][0, 0]
    assert net.biases[2][0] == 0


def test_save_and_load_without_pickle(tmp_path):
    net = nnlib.Network((784, 8, 10), rng=5, activation="tanh", output="softmax")
    net.save(tmp_path / "net.npz")
    with np.load(tmp_path / "net.npz", allow_pickle=False) as f:
        assert "W1" in f.files
    back = nnlib.Network.load(tmp_path / "net.npz")
    assert back.sizes == net.sizes and back.activation == "tanh" and back.output == "softmax"
    assert np.array_equal(back.parameters(), net.parameters())


def test_float32_network_computes_in_float32():
    net = nnlib.Network(rng=0, dtype=np.float32)
    out = net.forward(np.zeros(784))
    assert out.dtype == np.float32
    assert np.allclose(out, nnlib.Network(rng=0).forward(np.zeros(784)), atol=1e-6)


def test_predict_and_accuracy():
    net = nnlib.Network((2, 2), rng=0, output="identity")
    net.weights[0][...] = np.eye(2)
    X = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 2.0]])
    assert net.predict(X).tolist() == [0, 1, 1]
    assert net.accuracy(X, [0, 1, 0]) == pytest.approx(2 / 3)

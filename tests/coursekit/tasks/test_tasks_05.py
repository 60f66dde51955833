"""Notebook 05 (gradient descent): the tasks of descent_1d, descent_2d and cost_slices.

coursekit/apps/descent.py is tested here through its public API only (controls, read-outs,
and the attributes the app exposes). Set-up as in the notebook: X, y = the first 1,000
training digits of load_sample(); net = Network(rng=0); soft = trained_network("relu").
"""
import re

import numpy as np
import pytest
from task_helpers import on_step, set_controls, text

import nnlib
from coursekit import apps, landscapes
from coursekit.trained import trained_network
from nnlib import data


def words(app):
    return text(app.readouts["words"])


# -- descent_1d (cell: apps.descent_1d(start=3.5, lr=0.1)) --------------------------------------

def test_1d_task1_step_until_settled_in_the_right_hand_valley():
    app = apps.descent_1d(start=3.5, lr=0.1)
    for _ in range(100):
        app.controls["step"].click()
        if words(app).startswith("Settled"):
            break
    assert "Settled after 26 steps at 1.59" in words(app)
    floors = landscapes.local_minima(landscapes.CURVY)[:, 0]
    assert round(floors.max(), 2) == 1.59                 # the right-most valley, not the lowest


def test_1d_task2_starts_that_reach_the_lowest_valley():
    app = apps.descent_1d(start=3.5, lr=0.1)
    lowest = landscapes.local_minima(landscapes.CURVY)[0, 0]
    slider = app.controls["start"]
    reach = []
    for start in np.round(np.arange(slider.min, slider.max + 1e-9, slider.step), 2):
        set_controls(app, start=float(start))
        path = landscapes.descent_path(landscapes.CURVY, slider.value, app.controls["lr"].value, 300)
        if abs(path.points[-1, 0] - lowest) < 0.05:
            reach.append(float(start))
    assert reach and max(reach) == pytest.approx(-1.45)     # only the starts on the far left
    set_controls(app, start=-1.45)
    for _ in range(5):
        app.controls["ten_steps"].click()
    assert words(app).startswith("Settled") and "at -2.52" in words(app)


@pytest.mark.parametrize("lr", [0.4, 0.6])
def test_1d_task3_large_steps_overshoot(lr):
    app = apps.descent_1d(start=3.5, lr=0.1)
    set_controls(app, start=-3.5, lr=lr)
    for _ in range(3):
        app.controls["ten_steps"].click()
        assert words(app).startswith("Overshooting") and f"step size {lr}" in words(app)


def test_1d_task4_lr_1_5_flies_off_after_four_presses():
    app = apps.descent_1d(start=3.5, lr=0.1)
    set_controls(app, start=-3.5, lr=1.5)
    for _ in range(3):
        app.controls["ten_steps"].click()
        assert words(app).startswith("Overshooting")
    app.controls["ten_steps"].click()
    assert words(app).startswith("Diverged") and "flew off the map" in words(app)


# -- descent_2d (cell: apps.descent_2d(start=(2.5, -3.0), lr=0.15, steps=40)) -------------------

def numbers(app):
    found = re.findall(r"\(([-\d.]+), ([-\d.]+)\)", text(app.readouts["numbers"]))
    return np.array([float(v) for v in found[0]]), np.array([float(v) for v in found[1]])


def test_2d_task1_gradient_crosses_the_contours_at_right_angles():
    app = apps.descent_2d(start=(2.5, -3.0), lr=0.15, steps=40)
    for steps in (0, 5, 10, 20, 40):
        set_controls(app, steps=steps)
        point, grad = numbers(app)
        exact = landscapes.two_valleys_gradient(point)
        np.testing.assert_allclose(grad, exact, atol=0.02)
        along_contour = np.arctan2(exact[0], -exact[1])            # perpendicular to the gradient
        slope = landscapes.directional_slopes(landscapes.TWO_VALLEYS, point, np.array([along_contour]))
        assert abs(slope[0]) < 1e-6 * max(1.0, np.linalg.norm(exact))


def test_2d_task2_starts_for_the_shallow_and_the_deep_valley():
    app = apps.descent_2d(start=(2.5, -3.0), lr=0.15, steps=40)
    minima = landscapes.local_minima(landscapes.TWO_VALLEYS, 201)
    deep, shallow = minima[np.argsort(landscapes.TWO_VALLEYS.cost(minima))]
    ends = set()
    for start in [(2.5, -3.0), (2.5, 2.5), (-3.0, 3.0), (3.0, 0.0)]:
        set_controls(app, u=start[0], v=start[1], steps=100, lr=0.1)
        end, _ = numbers(app)
        ends.add("deep" if np.linalg.norm(end - deep) < np.linalg.norm(end - shallow) else "shallow")
    assert ends == {"deep", "shallow"}


def test_2d_task3_zig_zag_across_v_of_the_deep_valley():
    """lr 0.2 still runs smoothly into the valley within 40 steps; at 0.3 it zig-zags across v."""
    app = apps.descent_2d(start=(2.5, -3.0), lr=0.15, steps=40)
    set_controls(app, lr=0.2)
    assert words(app).startswith("Still rolling")
    set_controls(app, lr=0.3)
    assert words(app).startswith("Overshooting")
    path = landscapes.descent_path(landscapes.TWO_VALLEYS, (2.5, -3.0), 0.3, 40)
    steps = np.diff(path.points[-10:], axis=0)
    assert np.all(np.sign(steps[1:, 1]) != np.sign(steps[:-1, 1]))     # v bounces wall to wall
    assert np.abs(steps[:, 1]).sum() > 5 * np.abs(steps[:, 0]).sum()   # u hardly moves


# -- cost_slices ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def batch():
    digits = data.load_sample()
    return digits.X_train[:1000], digits.y_train[:1000]


def landing(app, lr):
    along = app.lines["along −gradient"]
    return float(np.interp(lr * app.gradient_length, app.ts, along))


def test_slices_random_net_tasks(batch):
    X, y = batch
    app = apps.cost_slices(nnlib.Network(rng=0), X, y, lr_max=12.0)
    lr = app.controls["lr"]
    set_controls(app, lr=0.3)                                          # 1. follows the tangent
    assert "close to what the slope promised" in words(app)
    along = app.lines["along −gradient"]
    best = float(app.ts[np.argmin(along)] / app.gradient_length)       # 2. lands lowest
    assert best == pytest.approx(3.0, abs=0.05) and on_step(lr, round(best, 1))
    set_controls(app, lr=round(best, 1))
    assert landing(app, lr.value) == pytest.approx(0.90, abs=0.005)    # "bottoms out near 0.90"
    set_controls(app, lr=12.0)                                         # 3. overshoot, tangent below 0
    assert "Overshoot" in words(app) and "below zero" in words(app)
    assert 0.95 < landing(app, 12.0) < 1.0                             # "creeps back up towards 1"
    c0 = along[np.argmin(np.abs(app.ts))]
    for name in ("random direction 1", "random direction 2"):          # 4. hardly changes
        assert np.abs(app.lines[name] - c0).max() < 0.05 * c0


def test_slices_trained_net_lowest_and_too_far(batch):
    X, y = batch
    app = apps.cost_slices(trained_network("relu"), X, y, cost="cross_entropy", lr_max=3.0)
    lr = app.controls["lr"]
    along, lrs = app.lines["along −gradient"], app.ts / app.gradient_length
    c0 = along[np.argmin(np.abs(app.ts))]
    best = float(lrs[np.argmin(along)])
    assert best == pytest.approx(0.65, abs=0.03) and on_step(lr, 0.65)
    higher = float(lrs[(lrs > best) & (along > c0)].min())
    assert higher == pytest.approx(1.35, abs=0.03) and on_step(lr, 1.35)
    set_controls(app, lr=1.35)
    assert "UP, not down" in words(app)
    set_controls(app, lr=1.3)
    assert "UP" not in words(app)
    assert landing(app, 3.0) > 30 * c0                                # "more than 30 times worse"

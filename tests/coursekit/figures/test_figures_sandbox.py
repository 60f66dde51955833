"""ShapeSandboxFigure: accuracy against parameter count, updated in place."""
import numpy as np

from coursekit.figures.sandbox import ShapeSandboxFigure
from coursekit.shapes import Run

REFERENCE = ("784-16-16-10", 13_002, 0.901)
RUNS = [Run((784, 3, 10), "relu", 10, 0.70), Run((784, 10), "relu", 10, 0.92),
        Run((784, 32, 10), "sigmoid", 10, 0.93)]


def pixels(figure):
    return figure.rgba().copy()


def test_it_draws_on_its_own_with_the_reference():
    figure = ShapeSandboxFigure(REFERENCE)
    assert figure.ax.get_xscale() == "log"
    assert figure.static_png()[:4] == b"\x89PNG"
    assert any("reference 784-16-16-10" in t.get_text() for t in figure.ax.texts)


def test_runs_become_labelled_points_of_their_activation():
    figure = ShapeSandboxFigure(REFERENCE)
    before = pixels(figure)
    figure.update(runs=RUNS, answer=RUNS[1])
    assert not np.array_equal(before, pixels(figure))
    assert figure.points["relu"].get_offsets().tolist() == [[2395, 0.70], [7850, 0.92]]
    assert figure.points["sigmoid"].get_offsets().tolist() == [[25450, 0.93]]
    assert figure.ring.get_offsets().tolist() == [[7850, 0.92]]
    assert [t.get_text() for t in figure.labels if t.get_visible()] == ["784-3-10", "784-10", "784-32-10"]


def test_the_run_in_progress_is_hollow_and_only_the_last_runs_stay():
    figure = ShapeSandboxFigure(REFERENCE, max_runs=3)
    artists = {id(a) for a in figure.ax.get_children()}
    figure.update(runs=RUNS, current=Run((784, 8, 10), "relu", 2, 0.8))
    assert figure.running.get_offsets().tolist() == [[6370, 0.8]]
    assert len(figure.points["relu"].get_offsets()) + len(figure.points["sigmoid"].get_offsets()) == 2
    assert {id(a) for a in figure.ax.get_children()} == artists            # nothing new was made
    figure.update(runs=[])
    assert not any(t.get_visible() for t in figure.labels) and len(figure.running.get_offsets()) == 0


def test_the_planned_shape_moves_the_next_line():
    figure = ShapeSandboxFigure(REFERENCE)
    figure.update(planned=("784-16-10", 12_730))
    before = pixels(figure)
    figure.update(planned=("784-64-10", 50_890))
    assert figure.plan_line.get_xdata()[0] == 50_890 and "784-64-10" in figure.plan_text.get_text()
    assert not np.array_equal(before, pixels(figure))

"""CellNumbers: numbers pasted from cached sprites, where Agg's own text would put them."""
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from coursekit.figures.text import CellNumbers


def _canvas_with(draw_texts):
    fig = Figure(figsize=(3, 3), dpi=72)
    FigureCanvasAgg(fig)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set(xlim=(-0.5, 2.5), ylim=(2.5, -0.5))
    ax.set_axis_off()
    draw_texts(ax)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


def test_cell_numbers_match_agg_text_pixel_for_pixel():
    cells = [(0, 0, "0.74", "black"), (1, 2, "1.00", "white"), (2, 1, "0", "#E69F00")]

    def sprites(ax):
        ax.imshow(np.full((3, 3), 0.5), cmap="gray", vmin=0, vmax=1)
        numbers = ax.add_artist(CellNumbers(ax, fontsize=12))
        numbers.set_cells(*zip(*cells))

    def agg_text(ax):
        # what the sprites replace: RendererAgg.draw_text at the centred baseline
        ax.imshow(np.full((3, 3), 0.5), cmap="gray", vmin=0, vmax=1)
        ax.add_artist(_AggText(ax, cells))

    np.testing.assert_array_equal(_canvas_with(sprites), _canvas_with(agg_text))


def test_sprites_are_made_once_per_string_and_colour():
    fig = Figure(figsize=(3, 3), dpi=72)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    numbers = ax.add_artist(CellNumbers(ax))
    numbers.set_cells([0, 1, 2], [0, 0, 0], ["0.5", "0.5", "0"], ["black", "black", "white"])
    fig.canvas.draw()
    fig.canvas.draw()
    assert len(numbers._sprites) == 2


class _AggText(CellNumbers):
    """The old way: each string laid out and rasterised by draw_text on every draw."""

    def __init__(self, ax, cells):
        super().__init__(ax, fontsize=12)
        self.set_cells(*zip(*cells))

    def draw(self, renderer):
        gc = renderer.new_gc()
        gc.set_clip_rectangle(self.axes.bbox)
        centres = self.get_transform().transform([(x, y) for x, y, _, _ in self.cells])
        centres[:, 1] = renderer.get_canvas_width_height()[1] - centres[:, 1]
        for (px, py), (_, _, text, color) in zip(centres, self.cells):
            width, height, descent = renderer.get_text_width_height_descent(text, self.prop, False)
            gc.set_foreground(color)
            renderer.draw_text(gc, px - width / 2, py + height / 2 - descent, text, self.prop, 0)
        gc.restore()

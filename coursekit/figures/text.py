"""Many short numbers drawn fast: each string rasterised once, then pasted as a small image.

A matplotlib Text lays itself out and rasterises its glyphs on every draw:
about 60 µs for "0.74", so 49 of them cost 3 ms per slider tick. A grid of
activations only ever shows a few hundred different strings ("0", "0.01" ...
"1.00"), so CellNumbers rasterises each (string, colour) once with the same
FreeType font and hinting as Agg's text, keeps it as an RGBA sprite, and per
draw pastes the sprites with the renderer's draw_image: about 10 µs each.
"""
import matplotlib
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import get_hinting_flag
from matplotlib.font_manager import FontProperties, findfont, get_font


class CellNumbers(Artist):
    """Short texts centred at data points (x, y) of `ax`, e.g. one number per image cell.

    set_cells(x (n,), y (n,), texts (n strings), colors (n colours)); drawn
    pixel-identical in shape to Text (same font file, size and hinting); the
    sprites are cached per (text, colour, dpi), at most `max_sprites`.
    """
    max_sprites = 2048

    def __init__(self, ax, fontsize=12):
        super().__init__()
        self.set_transform(ax.transData)
        self.prop = FontProperties(size=fontsize)
        self.cells = []
        self._sprites = {}     # (text, colour, dpi) -> _Sprite

    def set_cells(self, x, y, texts, colors):
        """One text per cell: x, y (n,) data positions, texts and colours (n,)."""
        self.cells = list(zip(np.asarray(x, float), np.asarray(y, float), texts, colors))
        self.stale = True

    def draw(self, renderer):
        if not self.get_visible() or not self.cells:
            return
        gc = renderer.new_gc()
        gc.set_clip_rectangle(self.axes.bbox)
        centres = self.get_transform().transform([(x, y) for x, y, _, _ in self.cells])
        for (px, py), (_, _, text, color) in zip(centres, self.cells):
            sprite = self._sprite(text, color, renderer.dpi)
            # (px, py): the cell's centre in pixels from the bottom left
            renderer.draw_image(gc, round(px + sprite.dx), round(py + sprite.dy) - 1, sprite.rgba)
        gc.restore()
        self.stale = False

    def _sprite(self, text, color, dpi):
        key = (text, color, dpi)
        if key not in self._sprites:
            if len(self._sprites) >= self.max_sprites:
                self._sprites.clear()
            self._sprites[key] = _rasterise(text, self.prop, dpi, color)
        return self._sprites[key]


class _Sprite:
    """One string's pixels, rgba (h, w, 4) bottom row first, and where they go:
    (dx, dy) from the text's centre to the image's lower left corner, in pixels."""

    def __init__(self, rgba, dx, dy):
        self.rgba, self.dx, self.dy = rgba, dx, dy


def _rasterise(text, prop, dpi, color):
    """Rasterise `text` centred, as RendererAgg.draw_text does (angle 0, same font and hinting)."""
    font = get_font(findfont(prop))
    font.clear()
    font.set_size(prop.get_size_in_points(), dpi)
    font.set_text(text, 0, flags=get_hinting_flag())
    font.draw_glyphs_to_bitmap(antialiased=matplotlib.rcParams["text.antialiased"])
    width, height = (v / 64 for v in font.get_width_height())
    xo, yo = (v / 64 for v in font.get_bitmap_offset())
    coverage = np.asarray(font.get_image())                  # (h, w) uint8, top row first
    rgba = np.empty(coverage.shape + (4,), np.uint8)
    rgba[..., :3] = np.round(255 * np.asarray(matplotlib.colors.to_rgb(color)))
    rgba[..., 3] = coverage                                  # ink coverage as opacity
    # Text centred at (cx, cy) is drawn from the left end of its baseline; the descent
    # cancels out, leaving the bitmap's offsets: left edge cx - width/2 + xo, bottom
    # row cy - height/2 - yo (Agg counts the bitmap's rows from its top).
    return _Sprite(np.ascontiguousarray(rgba[::-1]), xo - width / 2, -height / 2 - yo)

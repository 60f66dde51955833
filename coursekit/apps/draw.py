"""Draw a digit with the mouse and see what the network answers.

The canvas (ipycanvas) only shows the strokes. The same strokes are drawn
into a picture kept here in Python, which coursekit.drawing prepares the MNIST
way (cropped, scaled into 20 x 20, centred by its centre of mass) before the
network reads it. Keeping our own copy means no picture has to travel back
from the browser, and the app can be tested without one: `app.pad.stroke(...)`
draws as the mouse would.
"""
import ipywidgets as w
import numpy as np
from PIL import Image, ImageDraw

from coursekit import drawing
from coursekit.apps.base import App, FigureView, int_slider, on_change, readout, set_readout
from coursekit.figures.filters import AnswerFigure


class Pad:
    """A square drawing surface: an ipycanvas Canvas for the eye, a PIL image for the maths.

    size: pixels per side; pen: stroke width in pixels. After each stroke
    (and after clear/show) it calls on_change(image) with the (size, size)
    ink image in [0, 1].
    """

    def __init__(self, size=280, pen=20, on_change=lambda image: None):
        from ipycanvas import Canvas     # imported here: only this app needs it
        self.size, self.pen, self.on_change = size, pen, on_change
        self.canvas = Canvas(width=size, height=size,
                             layout=w.Layout(width=f"{size}px", height=f"{size}px"))
        self.canvas.add_class("nnlib-canvas")
        self._last = None
        self.clear(notify=False)
        self.canvas.on_mouse_down(self._down)
        self.canvas.on_mouse_move(self._move)
        self.canvas.on_mouse_up(self._up)
        self.canvas.on_mouse_out(self._up)
        self.canvas.on_client_ready(self.replay)

    @property
    def image(self):
        """The drawing so far, (size, size) floats: 0 = black paper, 1 = white ink."""
        return np.asarray(self._picture, dtype=np.float64) / 255

    def clear(self, notify=True):
        self._picture = Image.new("L", (self.size, self.size), 0)
        self._pen = ImageDraw.Draw(self._picture)
        self.canvas.fill_style = "black"
        self.canvas.fill_rect(0, 0, self.size, self.size)
        self._set_pen()
        if notify:
            self.on_change(self.image)

    def _set_pen(self):
        self.canvas.stroke_style, self.canvas.fill_style = "white", "white"
        self.canvas.line_width, self.canvas.line_cap, self.canvas.line_join = self.pen, "round", "round"

    def replay(self):
        """Draw the picture again, for a page that has just shown the pad.

        A canvas keeps no picture: a page that opens after the kernel drew (Voila runs
        every cell before its page shows a widget) starts blank. ipycanvas would not even
        tell that page which canvas the next commands are for, as it sends that only when
        the canvas changes; so forget it first (a private name: ipycanvas 0.14 has no API).
        """
        from ipycanvas import canvas as ipycanvas_canvas
        ipycanvas_canvas._CANVAS_MANAGER._current_canvas = None
        self.canvas.put_image_data(np.asarray(self._picture), 0, 0)
        self._set_pen()

    def show(self, x):
        """Replace the drawing by the digit x (784,), blown up to fill the pad (e.g. a real digit)."""
        image = drawing.enlarge(x, self.size)
        self._picture = Image.fromarray(np.round(image * 255).astype(np.uint8), mode="L")
        self._pen = ImageDraw.Draw(self._picture)
        # Send the 28 x 28 digit and let the browser blow it up (a 280 x 280 picture
        # would take ten times longer to encode and send).
        self.canvas.save()
        self.canvas.scale(self.size / 28)
        self.canvas.put_image_data(np.round(np.asarray(x).reshape(28, 28) * 255).astype(np.uint8), 0, 0)
        self.canvas.restore()
        self.on_change(self.image)

    def stroke(self, points):
        """Draw a line through points [(x, y), ...] as one mouse stroke would, then notify."""
        self._down(*points[0])
        for x, y in points[1:]:
            self._move(x, y)
        self._up(*points[-1])

    def _down(self, x, y):
        self._last = (x, y)
        self._dot(x, y)

    def _move(self, x, y):
        if self._last is None:            # the mouse moves without a button pressed
            return
        (x0, y0), self._last = self._last, (x, y)
        self.canvas.stroke_line(x0, y0, x, y)
        self._pen.line([(x0, y0), (x, y)], fill=255, width=self.pen)
        self._dot(x, y)                   # round joints, like the canvas's line caps

    def _up(self, x, y):
        if self._last is not None:
            self._last = None
            self.on_change(self.image)

    def _dot(self, x, y):
        r = self.pen / 2
        self.canvas.fill_circle(x, y, r)
        self._pen.ellipse([x - r, y - r, x + r, y + r], fill=255)


def draw_digit(net, X=None, y=None, size=280, pen=20):
    """Draw a digit for `net` (784 inputs, 10 outputs); X (N, 784), y (N,): real digits to load.

    With X given, the app starts with the real digit X[0] in the square; *clear* empties it.
    """
    return DrawDigit(net, X, y, size, pen).app()


class DrawDigit:
    """The state of draw_digit: the network, the Pad, the answer's figure and the last output.

    With real digits X, also a slider and a button that load one onto the pad.
    """

    def __init__(self, net, X, y, size, pen):
        self.net, self.X, self.y = net, X, y
        blank = np.zeros(784)
        self.figure = AnswerFigure(blank, net.forward(blank), output_name="output (confidence)")
        self.view, self.answer, self.y_hat = FigureView(self.figure), readout(), None
        self.pad = Pad(size, pen, self.on_drawing)
        self.clear = w.Button(description="clear", icon="eraser")
        self.clear.on_click(self.on_clear)
        self.controls = {"clear": self.clear}
        if X is not None:
            self.which = int_slider("real digit no.", 0, 0, len(X) - 1)
            self.load = w.Button(description="load a real digit", icon="upload")
            self.load.on_click(self.on_load)
            on_change(self.which, self.load_digit)
            self.controls.update(digit=self.which, load=self.load)
            self.load_digit(0)   # start with a real digit, so the picture shows what the app does
        else:
            self.on_drawing(self.pad.image)

    def app(self):
        children = [w.HBox([self.which, self.load])] if self.X is not None else []
        children += [w.HBox([self.pad.canvas, w.VBox([self.clear])]), self.answer, self.view]
        app = App(children, controls=self.controls, figures=[self.view],
                  readouts={"answer": self.answer}, title="draw a digit")
        app.pad = self.pad
        return app

    def on_drawing(self, image):
        """The pad changed: the network reads the picture, prepared the MNIST way."""
        x = drawing.to_mnist(image)
        self.y_hat = y_hat = self.net.forward(x)
        self.figure.update(x=x, y_hat=y_hat)
        if x.max() == 0:
            set_readout(self.answer, "Nothing drawn yet: the network still answers, it always does.")
        else:
            best = int(np.argmax(y_hat))
            set_readout(self.answer, f"The network says {best} (output {y_hat[best]:.2f}); "
                                     f"runner-up {int(np.argsort(y_hat)[-2])}.")
        self.view.refresh()

    def on_clear(self, _button):
        self.pad.clear()

    def on_load(self, _button):
        self.load_digit()

    def load_digit(self, i=None):
        """Put the real digit X[i] (default: the slider's) on the pad, and name its label."""
        i = self.which.value if i is None else i
        self.pad.show(self.X[i])
        if self.y is not None:
            best = int(np.argmax(self.y_hat))
            set_readout(self.answer, f"Real digit no. {i}, labelled {int(self.y[i])}: the network "
                                     f"says {best} (output {self.y_hat[best]:.2f}).")

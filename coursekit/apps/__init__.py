"""Interactive apps for the notebooks: controls wired to the figures of coursekit.figures.

The canvas that shows a figure in the browser, FigureView, lives in coursekit.display;
it is re-exported here because every app uses it.

Every app has the same shape: a small class keeps the app's state (its figure, drawn
once, the view that shows it, its controls), has one named `on_...` method per control
that calls the figure's update(...) and then view.refresh() (which sends only the
pixels that changed), and an app() method that lays it out as an App; the public
function builds the class and returns its app(). To add a slider, copy this
(tests/coursekit/apps/test_apps_base.py runs it):

```python
from coursekit.apps.base import App, FigureView, float_slider, on_change
from coursekit.figures import SquishFigure


class Steepness:
    # The app's state: a sigmoid curve, drawn once, and a slider for its weight.
    def __init__(self, w):
        self.figure = SquishFigure("sigmoid", w=w)
        self.view = FigureView(self.figure)
        self.slider = float_slider("weight w", w, -5.0, 5.0, 0.1)
        on_change(self.slider, self.on_weight)

    def on_weight(self, value):
        self.figure.update(w=value)       # moves the curve's artists: no new figure
        self.view.refresh()               # sends what changed to the browser

    def app(self):
        return App([self.slider, self.view], controls={"w": self.slider},
                   figures=[self.view], title="steepness")


def steepness(w=1.0):
    return Steepness(w).app()
```

In a notebook cell, `steepness()` shows it. Maths belongs in nnlib or coursekit's
helpers and drawing in coursekit.figures; slow work goes in __init__, never in an on_....
"""
from coursekit.apps import base, digits
from coursekit.apps.base import App, FigureView
from coursekit.apps.digits import digit_browser, pixel_explorer
from coursekit.apps.network import network_explorer
from coursekit.apps.rows import rows_of_w
from coursekit.apps.activations import activation_gallery, activation_twins, squish_explorer
from coursekit.apps.knobs import network_knobs
from coursekit.apps.neuron import neuron_explorer
from coursekit.apps.cost import cost_knobs
from coursekit.apps.descent import cost_slices, descent_1d, descent_2d
from coursekit.apps.training import training_app
from coursekit.apps.draw import draw_digit
from coursekit.apps.sandbox import shape_sandbox

__all__ = ["App", "FigureView", "digit_browser", "pixel_explorer", "network_explorer",
           "base", "digits"]
__all__ += ["activation_gallery", "activation_twins", "network_knobs", "neuron_explorer",
            "squish_explorer"]
__all__ += ["cost_knobs", "cost_slices", "descent_1d", "descent_2d"]
__all__ += ["draw_digit", "training_app"]
__all__ += ["shape_sandbox"]
__all__ += ["rows_of_w"]

"""coursekit: what only the course needs, on top of the nnlib textbook library.

nnlib is the library the course teaches (network, activations, cost, backprop,
training, data). coursekit holds the apparatus around it:

    figures      the matplotlib drawings of the notebooks (each also shows as a PNG)
    apps         the ipywidgets apps: controls wired to those figures
    display      the figure transport: FigureView, a figure on a browser canvas,
                 refreshed by sending only the pixels that changed (figure_view.js)
    exercises    the checkers behind the exercises, with hints for common mistakes
    neurons, knobs, landscapes, real_cost, drawing, diagnose, trained
                 course helpers: weight patterns and neuron influence, turning single
                 knobs, small cost landscapes, the real cost along lines and planes,
                 preparing a hand-drawn digit, reading a failed training run, and the
                 trained networks shipped in coursekit/networks

coursekit imports nnlib; nnlib never imports coursekit. Import the parts by name:

    from coursekit import figures, apps
    from coursekit.exercises import neurons as check
    from coursekit.trained import trained_network

Nothing is imported here, so `import coursekit` stays fast: matplotlib and
ipywidgets load only when a notebook asks for figures or apps.
"""
__all__ = ["apps", "diagnose", "display", "drawing", "exercises", "figures", "knobs",
           "landscapes", "neurons", "real_cost", "trained"]

"""The whole network lit up by one digit: switch digits, and switch random <-> trained."""
import ipywidgets as w
import numpy as np

from coursekit.apps.base import App, FigureView, int_slider, on_change, readout, set_readout
from coursekit.apps.digits import check_digits
from coursekit.figures.network_diagram import NetworkFigure
from nnlib.errors import describe, fail
from nnlib.network import Network


def network_explorer(X, y, nets=None, digit=0, strongest=12):
    """Digits X (N, 784) with labels y (N,) run through networks you can switch between.

    nets: {"name": Network} of the same sizes, one toggle button each; by default
          {"random": Network(rng=0), "trained": trained_network()}.
    Controls: "digit" (a slider over X), "network" (ToggleButtons), "mistake" (a
    button that jumps to the next digit the chosen network gets wrong).
    strongest: how many connections the diagram draws per layer (largest |w·a|).
    The diagram updates in place; the read-outs give the top two outputs with their
    values ("top two") and the answer, right or wrong, with the accuracy ("answer").
    """
    X, y = check_digits(X, y)
    return NetworkExplorer(X, y, _check_nets(nets), digit, strongest).app()


class NetworkExplorer:
    """The state of network_explorer: the networks, every prediction, the diagram and controls."""

    def __init__(self, X, y, nets, digit, strongest):
        self.X, self.y, self.nets = X, y, nets
        names = list(nets)
        # Every prediction, once, at set-up: the read-out's accuracy and the
        # "next mistake" button then cost nothing per tick.
        self.predictions = {name: net.predict(X) for name, net in nets.items()}
        self.view = FigureView(NetworkFigure(nets[names[0]], X[digit], label=int(y[digit]),
                                             strongest=strongest))
        self.digit = int_slider("digit number", digit, 0, len(X) - 1)
        self.network = w.ToggleButtons(options=names, value=names[0], description="network")
        self.mistake = w.Button(description="next mistake", icon="forward")
        self.top_two = readout()
        self.line = readout()
        on_change(self.digit, self.show)
        on_change(self.network, self.show)
        self.mistake.on_click(self.on_mistake)
        self.show()

    def show(self, _value=None):
        """The digit through the chosen network: the diagram and the read-out."""
        i, name, y = self.digit.value, self.network.value, self.y
        net, figure = self.nets[name], self.view.figure
        figure.update(x=self.X[i], net=None if figure.net is net else net, label=int(y[i]))
        self.view.refresh()
        answer, output, second = figure.answer, figure.y_hat[figure.answer], figure.second
        set_readout(self.top_two, f"top two outputs: 1st {answer} at {output:.2f}, "
                                  f"2nd {second} at {figure.y_hat[second]:.2f}")
        verdict = "right" if answer == y[i] else "wrong"
        accuracy = np.mean(self.predictions[name] == y)
        set_readout(self.line, f"label {y[i]}: the {name} network answers {answer} "
                               f"(its output {output:.2f}; second {second} at "
                               f"{figure.y_hat[second]:.2f}), {verdict}. "
                               f"On these {len(self.X)} digits it is right {accuracy:.0%} of the time.")

    def on_mistake(self, _button):
        """Jump to the next digit this network answers wrongly (wrapping around)."""
        wrong = np.flatnonzero(self.predictions[self.network.value] != self.y)
        later = wrong[wrong > self.digit.value]
        if len(wrong) == 0 or (len(later) == 0 and wrong[0] == self.digit.value):
            set_readout(self.line, "No other digit here is answered wrongly by this network.")
            return
        self.digit.value = int(later[0] if len(later) else wrong[0])   # wraps around

    def app(self):
        controls = {"digit": self.digit, "network": self.network, "mistake": self.mistake}
        buttons = w.HBox([self.network, self.mistake])
        return App([self.digit, buttons, self.top_two, self.line, self.view], controls=controls,
                   figures=[self.view], readouts={"top two": self.top_two, "answer": self.line},
                   title="network explorer")


def _check_nets(nets):
    """A dict name -> Network, all of one shape; the random/trained pair by default."""
    if nets is None:
        from coursekit.trained import trained_network   # the shipped network, loaded from coursekit/networks
        return {"random": Network(rng=0), "trained": trained_network()}
    if not isinstance(nets, dict) or not nets or not all(
            isinstance(net, Network) for net in nets.values()):
        fail("nets as a dict of networks, e.g. {'random': Network(rng=0), 'trained': "
             "trained_network()}", describe(nets), error=TypeError)
    if len({net.sizes for net in nets.values()}) > 1:
        fail("networks of the same sizes", str({name: net.sizes for name, net in nets.items()}),
             "The diagram is drawn once for one shape of network.")
    return {str(name): net for name, net in nets.items()}

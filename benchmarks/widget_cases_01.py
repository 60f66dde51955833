"""Benchmark cases for the widgets of notebooks 00 and 01 (see widget_update.py)."""
from coursekit import apps
from coursekit.trained import trained_network
from nnlib import Network, data


def cases():
    digits = data.load_sample()
    browser = apps.digit_browser(digits.X_train[:200], digits.y_train[:200])
    pixels = apps.pixel_explorer(digits.X_train[:200], digits.y_train[:200])
    nets = {"random": Network(rng=0), "trained": trained_network()}
    random_view = apps.network_explorer(digits.X_test, digits.y_test, nets=nets)
    trained_view = apps.network_explorer(digits.X_test, digits.y_test, nets=nets)
    trained_view.controls["network"].value = "trained"
    return [
        ("01 digit browser: digit", browser, "digit", list(range(1, 30))),
        ("01 pixel explorer: digit", pixels, "digit", list(range(1, 30))),
        ("01 pixel explorer: row", pixels, "row", list(range(28))),
        ("01 pixel explorer: column", pixels, "column", list(range(28))),
        ("01 network explorer (random): digit", random_view, "digit", list(range(1, 30))),
        ("01 network explorer (trained): digit", trained_view, "digit", list(range(1, 30))),
        ("01 network explorer: random <-> trained", random_view, "network",
         ["trained", "random"]),
    ]

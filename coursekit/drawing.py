"""Make a digit drawn by hand look like an MNIST digit, so the network can read it.

The network only knows digits prepared the way MNIST's were: the scanned
digit was scaled to fit a 20 x 20 box, keeping its proportions, with grey
edges from the smoothing (anti-aliasing); then it was placed in a 28 x 28
image so that its centre of mass (the average position of its ink) sits at
the middle. A digit drawn small in a corner of a big canvas looks nothing
like that, and a network is easily confused by a shift of a few pixels
(every pixel is a separate input). So we prepare the drawing the same way:

    crop to the ink  ->  scale into 20 x 20 (longest side 20)  ->  centre of mass to (14, 14)

Images here are 2-D arrays of ink from 0 (paper) to 1 (full ink), row 0 at
the top, like MNIST: a white digit on black.
"""
import numpy as np
from PIL import Image

from nnlib.data import as_image
from nnlib.errors import as_array, check_finite, describe, fail

SIZE = 28      # MNIST images are 28 x 28 pixels
BOX = 20       # the digit is scaled to fit a 20 x 20 box inside them
CENTRE = 14.0  # where MNIST puts the centre of mass (row, column), pixels counted from 0
INK = 0.1      # a pixel counts as ink (for the crop) above this fraction of the darkest one


def ink_image(image):
    """A drawing as a 2-D float array of ink in [0, 1]: from floats, 0..255 ints, or RGB(A) pixels.

    An (H, W, 3) or (H, W, 4) array is read as a white drawing on black (the
    brightness of each pixel); 0..255 integers are divided by 255.
    """
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[2] in (3, 4):
        array = array[..., :3].mean(axis=2) if array.dtype.kind == "f" else array[..., :3].mean(axis=2) / 255
    elif array.ndim == 2 and array.dtype.kind in "iu":
        array = array / 255
    if array.ndim != 2 or min(array.shape) < 1:
        fail("a drawing as a 2-D array (height, width), or RGB(A) pixels (height, width, 3 or 4)",
             describe(array), "A flattened digit (784,) is already prepared: use it as it is.")
    array = check_finite(as_array(array, "image"), "image")
    if array.min() < 0 or array.max() > 1:
        fail("ink between 0 and 1", f"values from {array.min():.3g} to {array.max():.3g}",
             "Divide 0..255 pixel values by 255.")
    return array


def bounding_box(image):
    """(top, bottom, left, right) of the ink, bottom/right exclusive; None for a blank image."""
    image = ink_image(image)
    if image.max() == 0:
        return None
    rows, cols = np.nonzero(image > INK * image.max())
    return int(rows.min()), int(rows.max()) + 1, int(cols.min()), int(cols.max()) + 1


def centre_of_mass(image):
    """(row, column) of the ink's average position, weighted by ink; pixel i is at coordinate i."""
    image = ink_image(image)
    total = image.sum()
    if total == 0:
        fail("an image with some ink", "a blank image", "Draw something first.")
    rows, cols = np.arange(image.shape[0]), np.arange(image.shape[1])
    return float(image.sum(axis=1) @ rows / total), float(image.sum(axis=0) @ cols / total)


def fit_in_box(image, box=BOX):
    """The ink cropped and scaled so its longer side is `box` pixels, proportions kept.

    Shrinking averages each block of pixels into one (PIL's BOX filter), which
    is what gives MNIST digits their grey, smooth edges; enlarging a tiny
    drawing interpolates between pixels instead.
    """
    image = ink_image(image)
    edges = bounding_box(image)
    if edges is None:
        return np.zeros((box, box))
    top, bottom, left, right = edges
    crop = image[top:bottom, left:right].astype(np.float32)
    scale = box / max(crop.shape)
    height, width = (max(1, round(n * scale)) for n in crop.shape)
    resample = Image.Resampling.BOX if scale < 1 else Image.Resampling.BILINEAR
    small = Image.fromarray(crop, mode="F").resize((width, height), resample=resample)
    return np.clip(np.asarray(small, dtype=np.float64), 0, 1)


def to_mnist(image):
    """A drawing (H, W) -> the 784 inputs the network expects, prepared the MNIST way.

    Crop to the ink, scale into a 20 x 20 box (fit_in_box), then place it in
    a 28 x 28 image with its centre of mass at (14, 14), moved by whole
    pixels and kept inside the image. A blank drawing gives 784 zeros.
    Returns x (784,) floats in [0, 1], row by row.
    """
    small = fit_in_box(image)
    x = np.zeros((SIZE, SIZE))
    if small.max() == 0:
        return x.reshape(SIZE * SIZE)
    row, col = centre_of_mass(small)
    top = int(np.clip(round(CENTRE - row), 0, SIZE - small.shape[0]))
    left = int(np.clip(round(CENTRE - col), 0, SIZE - small.shape[1]))
    x[top:top + small.shape[0], left:left + small.shape[1]] = small
    return x.reshape(SIZE * SIZE)


def shrink(image, size=SIZE):
    """The whole drawing scaled down to size x size as it is, with no crop and no centring.

    This is what the network would get without preparation: a small digit
    in a corner of the canvas stays small and in the corner. Returns (size * size,).
    """
    image = ink_image(image).astype(np.float32)
    small = Image.fromarray(image, mode="F").resize((size, size), Image.Resampling.BOX)
    return np.clip(np.asarray(small, dtype=np.float64), 0, 1).reshape(size * size)


def enlarge(x, size=280):
    """A digit (784,) blown up to a (size, size) image, e.g. to show it on a drawing canvas."""
    image = Image.fromarray(as_image(x).astype(np.float32), mode="F")
    return np.clip(np.asarray(image.resize((size, size), Image.Resampling.BILINEAR), dtype=np.float64), 0, 1)


def place(x, size=280, scale=1.0, shift=(0, 0)):
    """A digit (784,) drawn at another size and place on a bigger canvas: a test for to_mnist.

    The 28 x 28 digit is enlarged to scale * size // 2 pixels and put with its
    top-left corner at the canvas centre moved by shift = (down, right)
    pixels, minus half its size. Returns a (size, size) image of ink.
    """
    side = max(1, round(scale * size / 2))
    digit = enlarge(x, side)
    canvas = np.zeros((size, size))
    top, left = size // 2 - side // 2 + shift[0], size // 2 - side // 2 + shift[1]
    if top < 0 or left < 0 or top + side > size or left + side > size:
        fail("the digit to fit inside the canvas", f"scale {scale} and shift {shift}",
             "Use a smaller scale or shift.")
    canvas[top:top + side, left:left + side] = digit
    return canvas

"""Synthetic images of simple shapes, fixed-size batches and a noise augmentation."""

import numpy as np
import tensorflow as tf

CLASS_NAMES = ("horizontal", "vertical", "diagonal", "square")
NUM_CLASSES = len(CLASS_NAMES)


def _draw(label, size, rng):
    """Draw one clean ``size x size`` image of shape class ``label`` with NumPy."""
    image = np.zeros((size, size), dtype=np.float32)
    if label in (0, 1):  # a horizontal bar, or its transpose (a vertical one)
        length = int(rng.integers(5, size - 1))
        row = int(rng.integers(1, size - 1))
        start = int(rng.integers(0, size - length + 1))
        image[row, start:start + length] = 1.0
        if label == 1:
            image = image.T.copy()
    elif label == 2:  # a diagonal segment
        length = int(rng.integers(5, 9))
        row, col = rng.integers(0, size - length + 1, size=2)
        for i in range(length):
            image[row + i, col + i] = 1.0
    else:  # the outline of a square
        side = int(rng.integers(4, 7))
        row, col = rng.integers(0, size - side + 1, size=2)
        image[row:row + side, col:col + side] = 1.0
        image[row + 1:row + side - 1, col + 1:col + side - 1] = 0.0
    return image


def make_shapes(n, size=12, seed=0, noise=0.1):
    """Return ``(images, labels)`` as NumPy arrays: float32 ``[n, size, size, 1]``, int32 ``[n]``.

    The classes are balanced (they cycle through ``CLASS_NAMES``) and shuffled; every image
    gets Gaussian pixel noise of standard deviation ``noise`` and is clipped to ``[0, 1]``.
    NumPy only, seeded, so the same arguments always give the same data.
    """
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.arange(n) % NUM_CLASSES).astype(np.int32)
    images = np.stack([_draw(int(label), size, rng) for label in labels])
    images = images + noise * rng.standard_normal(images.shape).astype(np.float32)
    images = np.clip(images, 0.0, 1.0).astype(np.float32)
    return images[..., np.newaxis], labels


def batches(images, labels, batch_size):
    """Split arrays into a list of ``(images, labels)`` tensor pairs of exactly ``batch_size``.

    A ragged last batch is dropped, so every training step sees the same shapes.
    """
    count = len(images) // batch_size
    return [
        (
            tf.constant(images[i * batch_size:(i + 1) * batch_size]),
            tf.constant(labels[i * batch_size:(i + 1) * batch_size]),
        )
        for i in range(count)
    ]


def noise_stddev(base, epoch, halvings=3):
    """Annealed augmentation strength: ``base`` halved each epoch, for ``halvings`` epochs."""
    return base * 0.5 ** min(epoch, halvings)


@tf.function
def add_noise(images, noise, stddev):
    """Add pre-sampled Gaussian ``noise`` scaled by ``stddev`` and clip to ``[0, 1]``.

    The noise is sampled with NumPy by the caller (no stateful TF randomness here).
    ``stddev`` is a Python float that changes from epoch to epoch: every new value makes
    ``tf.function`` trace a new graph.
    """
    return tf.clip_by_value(images + stddev * noise, 0.0, 1.0)

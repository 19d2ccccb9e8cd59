"""Synthetic noisy sequences with a trend, generated with NumPy."""

import numpy as np

NUM_CLASSES = 3
CLASS_NAMES = ("down", "flat", "up")
DRIFTS = np.array([-0.08, 0.0, 0.08], dtype=np.float32)


def make_trend_data(n, length=20, seed=0, noise=0.15):
    """Return ``(x, labels, trend)`` for ``n`` noisy random walks of ``length`` steps.

    Each sequence drifts down, stays flat or drifts up (the class label, in
    ``CLASS_NAMES`` order). ``x`` has two channels per step: the increment
    (drift plus Gaussian noise) and the running level (the cumulative sum of
    increments). ``trend`` is the total drift over the sequence, the
    regression target. Shapes and dtypes: ``x`` float32 ``[n, length, 2]``,
    ``labels`` int32 ``[n]``, ``trend`` float32 ``[n, 1]``.
    """
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, NUM_CLASSES, size=n).astype(np.int32)
    drift = DRIFTS[labels] * rng.uniform(0.6, 1.4, size=n).astype(np.float32)
    steps = drift[:, None] + noise * rng.standard_normal((n, length)).astype(np.float32)
    level = np.cumsum(steps, axis=1)
    x = np.stack([steps, level], axis=-1).astype(np.float32)
    trend = (drift * length).astype(np.float32)[:, None]
    return x, labels, trend


def train_test_split(arrays, test_fraction=0.25):
    """Split every array in ``arrays`` at the same index; return ``(train, test)`` tuples.

    The data is already in random order, so the split takes the tail as the
    test set.
    """
    n = len(arrays[0])
    cut = n - int(round(n * test_fraction))
    return tuple(a[:cut] for a in arrays), tuple(a[cut:] for a in arrays)

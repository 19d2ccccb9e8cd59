"""Assorted helpers, each chosen to exhibit one specific trait.

The first group has Python side effects (or otherwise depends on running
eagerly / once per call), so wrapping them in ``tf.function`` would change
their behaviour. The second group is pure TensorFlow, or only has traits
that matter for tracing (primitive arguments, recursion, Python loops over
tensors, NumPy calls, threads, an existing ``tf.function``).
"""

import json
import logging
import threading

import keras
import numpy as np
import tensorflow as tf

from trainer.model import Classifier
from trainer.train import compute_loss, train_step

# Module-level state mutated by the side-effecting helpers below.
LOSS_HISTORY = []
STEP = 0


# --------------------------------------------------------------------------
# Helpers WITH Python side effects.
# --------------------------------------------------------------------------


def record_loss(loss):
    """Append ``loss`` to the global ``LOSS_HISTORY`` list (global list mutation)."""
    LOSS_HISTORY.append(loss)


def bump_step():
    """Increment the module global ``STEP`` via ``global`` and return it."""
    global STEP
    STEP += 1
    return STEP


def report(loss):
    """Print the loss to stdout (I/O via ``print``) and return it unchanged."""
    print("loss:", loss)
    return loss


def log_metric(name, value):
    """Log a metric through the standard ``logging`` module."""
    logging.getLogger(__name__).info("%s=%s", name, value)


def save_metrics(path, metrics):
    """Write ``metrics`` (a dict of Python numbers) as JSON to ``path`` (file I/O)."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(metrics, handle, sort_keys=True)
    return path


def next_batch(iterator):
    """Advance ``iterator`` by one element with ``next()`` (iterator advancement)."""
    return next(iterator)


class Tracker:
    """Keeps the last value seen and how many updates happened."""

    def __init__(self):
        self.last = None
        self.count = 0

    def update(self, value):
        """Attribute writes on ``self``: sets ``last`` and increments ``count``."""
        self.last = value
        self.count += 1
        return value


def make_optimizer(lr):
    """Create a brand-new Adam optimizer on every call (fresh variables each time)."""
    return keras.optimizers.Adam(learning_rate=lr)


def fresh_step(x, y, num_classes=3):
    """Build a NEW model and optimizer, then run one training step.

    Every call creates new ``tf.Variable``s (layer weights, optimizer slots),
    which ``tf.function`` only allows on the first trace.
    """
    model = Classifier(num_classes=num_classes, hidden_units=8)
    optimizer = keras.optimizers.Adam(learning_rate=0.01)
    return train_step(model, optimizer, compute_loss, x, y)


# --------------------------------------------------------------------------
# Pure helpers (no Python side effects).
# --------------------------------------------------------------------------


def scale(x, factor):
    """Multiply a tensor by a Python float (``factor`` is a primitive parameter)."""
    return x * factor


def tree_sum(node):
    """Recursively sum a nested Python list of tensors (recursion)."""
    if isinstance(node, (list, tuple)):
        total = tf.constant(0.0)
        for child in node:
            total = total + tree_sum(child)
        return total
    return tf.reduce_sum(node)


def mutual_even(n):
    """True iff the non-negative Python int ``n`` is even (mutual recursion)."""
    if n == 0:
        return True
    return mutual_odd(n - 1)


def mutual_odd(n):
    """True iff the non-negative Python int ``n`` is odd (mutual recursion)."""
    if n == 0:
        return False
    return mutual_even(n - 1)


def iterate_rows(t):
    """Return the largest row sum, using a Python ``for`` over a tensor's rows."""
    best = tf.constant(-np.inf, dtype=t.dtype)
    for row in t:
        best = tf.maximum(best, tf.reduce_sum(row))
    return best


def numpy_norm(x):
    """Frobenius norm computed by NumPy on a tensor argument (NumPy call)."""
    return np.linalg.norm(x)


def row_sum(t):
    """Sum of each row. Pure TensorFlow; run from worker threads by ``parallel_sums``."""
    return tf.reduce_sum(t, axis=-1)


def parallel_sums(tensors):
    """Compute ``row_sum`` of each tensor in its own ``threading.Thread``.

    Each worker writes only its own slot of a local result list, so the
    function as a whole has no side effects visible to the caller.
    """
    results = [None] * len(tensors)

    def worker(index, tensor):
        results[index] = row_sum(tensor)

    threads = [threading.Thread(target=worker, args=(i, t)) for i, t in enumerate(tensors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@tf.function
def fast_dot(a, b):
    """Matrix product, already compiled as a ``tf.function``."""
    return tf.matmul(a, b)

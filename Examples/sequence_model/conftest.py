"""Shared pytest configuration: quiet TensorFlow logs, fixed seeds, small data."""

import os

# Must be set before TensorFlow is imported to silence its C++ start-up logs.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import pytest  # noqa: E402
import tensorflow as tf  # noqa: E402

from seqmodel.data import make_trend_data  # noqa: E402

SEED = 1234
LENGTH = 20
BATCH = 32


@pytest.fixture(autouse=True)
def fixed_seed():
    """Reseed Python, NumPy and TensorFlow before every test for determinism."""
    keras.utils.set_random_seed(SEED)
    yield


@pytest.fixture
def sequences():
    """128 synthetic sequences of 20 steps: ``(x, labels, trend)`` as NumPy arrays."""
    return make_trend_data(128, LENGTH, seed=SEED)


@pytest.fixture
def batch(sequences):
    """The first 32 sequences as tensors: x float32 [32, 20, 2], labels int32 [32], trend float32 [32, 1]."""
    x, labels, trend = sequences
    return tf.constant(x[:BATCH]), tf.constant(labels[:BATCH]), tf.constant(trend[:BATCH])

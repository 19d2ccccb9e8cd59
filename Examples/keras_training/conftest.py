"""Shared pytest configuration: quiet TensorFlow logs and fixed random seeds."""

import os

# Must be set before TensorFlow is imported to silence its C++ start-up logs.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import tensorflow as tf  # noqa: E402

SEED = 1234


@pytest.fixture(autouse=True)
def fixed_seed():
    """Reseed Python, NumPy and TensorFlow before every test for determinism."""
    keras.utils.set_random_seed(SEED)  # seeds `random`, NumPy and TensorFlow
    np.random.seed(SEED)
    tf.random.set_seed(SEED)
    yield


@pytest.fixture
def batch():
    """A small labelled batch: float32 features [8, 4] and int32 labels [8]."""
    rng = np.random.default_rng(SEED)
    x = tf.constant(rng.normal(size=(8, 4)), dtype=tf.float32)
    y = tf.constant(rng.integers(0, 3, size=(8,)), dtype=tf.int32)
    return x, y

"""Shared pytest configuration: quiet TensorFlow logs, fixed seeds, a sample batch."""

import os

# Must be set before TensorFlow is imported to silence its C++ start-up logs.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import pytest  # noqa: E402
import tensorflow as tf  # noqa: E402

from augpipe.data import synthetic_images  # noqa: E402

SEED = 1234


@pytest.fixture(autouse=True)
def fixed_seed():
    """Reseed Python, NumPy and TensorFlow before every test for determinism."""
    keras.utils.set_random_seed(SEED)
    yield


@pytest.fixture
def batch():
    """A labelled batch: float32 images [16, 16, 16, 3] in [0, 1] and int32 labels [16]."""
    images, labels = synthetic_images(16, seed=SEED)
    return tf.constant(images, dtype=tf.float32) / 255.0, tf.constant(labels)

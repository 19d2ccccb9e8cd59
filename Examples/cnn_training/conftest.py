"""Shared pytest configuration: quiet TensorFlow logs, fixed random seeds, small shape batches."""

import os

# Must be set before TensorFlow is imported to silence its C++ start-up logs.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import pytest  # noqa: E402

from cnn.data import batches, make_shapes  # noqa: E402

SEED = 1234


@pytest.fixture(autouse=True)
def fixed_seed():
    """Reseed Python, NumPy and TensorFlow before every test for determinism."""
    keras.utils.set_random_seed(SEED)  # seeds `random`, NumPy and TensorFlow
    yield


@pytest.fixture
def shape_batches():
    """Four batches of 32 synthetic 12x12x1 shape images: ``[(images, labels), ...]``."""
    images, labels = make_shapes(128, size=12, seed=SEED)
    return batches(images, labels, batch_size=32)

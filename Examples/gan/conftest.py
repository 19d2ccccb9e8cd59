"""Shared pytest configuration: quiet TensorFlow logs, fixed seeds, small trainers."""

import os

# Must be set before TensorFlow is imported to silence its C++ start-up logs.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import tensorflow as tf  # noqa: E402

from ringgan.data import sample_ring  # noqa: E402
from ringgan.logs import reset_history  # noqa: E402
from ringgan.models import Discriminator, make_generator  # noqa: E402
from ringgan.trainer import GANTrainer  # noqa: E402

SEED = 1234
LATENT_DIM = 4
BATCH = 32


@pytest.fixture(autouse=True)
def fixed_seed():
    """Reseed Python, NumPy and TensorFlow before every test, and clear the loss history."""
    keras.utils.set_random_seed(SEED)  # seeds `random`, NumPy and TensorFlow
    reset_history()
    yield
    reset_history()


@pytest.fixture
def rng():
    """A fresh NumPy generator with a fixed seed."""
    return np.random.default_rng(SEED)


@pytest.fixture
def trainer():
    """A small GAN trainer (latent size 4, hidden layers of 16 units), variables built."""
    return GANTrainer(
        make_generator(LATENT_DIM, hidden_units=16),
        Discriminator(hidden_units=16),
        latent_dim=LATENT_DIM,
        g_learning_rate=2e-3,
        d_learning_rate=2e-3,
    )


@pytest.fixture
def real_batch(rng):
    """A fixed [32, 2] float32 batch of ring points."""
    return tf.constant(sample_ring(rng, BATCH))

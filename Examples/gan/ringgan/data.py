"""Synthetic data: a ring of 2-D Gaussians and the generator's input noise.

Everything here is NumPy with an explicit ``np.random.Generator``, so a run
is reproducible and the random streams do not depend on whether the training
steps run eagerly or as graphs.
"""

import numpy as np
import tensorflow as tf


def ring_centers(modes=8, radius=2.0):
    """Return the ``[modes, 2]`` float32 centres, evenly spaced on a circle."""
    angles = 2.0 * np.pi * np.arange(modes) / modes
    return (radius * np.stack([np.cos(angles), np.sin(angles)], axis=-1)).astype(np.float32)


def sample_ring(rng, n, modes=8, radius=2.0, std=0.05):
    """Draw ``n`` points from the mixture: a random centre plus Gaussian jitter."""
    centers = ring_centers(modes, radius)
    picks = rng.integers(0, modes, size=n)
    jitter = rng.normal(scale=std, size=(n, 2))
    return (centers[picks] + jitter).astype(np.float32)


def sample_noise(rng, batch_size, latent_dim):
    """Standard normal generator input, drawn with NumPy and returned as a tensor."""
    return tf.constant(rng.standard_normal((batch_size, latent_dim)), dtype=tf.float32)

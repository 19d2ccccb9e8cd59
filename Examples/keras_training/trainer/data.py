"""Input pipeline: synthetic data generation and a tf.data pipeline."""

import numpy as np
import tensorflow as tf

EPSILON = 1e-6


def normalize(x, y):
    """Standardise one example's features; labels pass through unchanged.

    Pure TensorFlow: tensors in, tensors out, no Python side effects. It is
    used as a ``Dataset.map`` function, where tf.data traces it into a graph.
    """
    mean = tf.reduce_mean(x, axis=-1, keepdims=True)
    std = tf.math.reduce_std(x, axis=-1, keepdims=True)
    return (x - mean) / (std + EPSILON), y


def make_dataset(features, labels, batch_size):
    """Build a batched, normalised ``tf.data.Dataset`` from in-memory arrays."""
    dataset = tf.data.Dataset.from_tensor_slices((features, labels))
    return dataset.map(normalize).batch(batch_size)


def synthetic_data(n, dim, seed, num_classes=3):
    """Return ``(features, labels)`` as NumPy arrays (float32, int32).

    Labels come from a fixed random linear map so the task is learnable,
    which lets tests check that training actually reduces the loss.
    """
    rng = np.random.default_rng(seed)
    features = rng.normal(size=(n, dim)).astype(np.float32)
    weights = rng.normal(size=(dim, num_classes)).astype(np.float32)
    labels = np.argmax(features @ weights, axis=-1).astype(np.int32)
    return features, labels

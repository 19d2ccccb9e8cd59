"""Synthetic data and a tf.data input pipeline."""

import numpy as np
import tensorflow as tf

EPSILON = 1e-6


def synthetic_data(n, dim, seed, num_classes=4):
    """Return (features, labels) as float32/int32 NumPy arrays from a fixed random linear map."""
    rng = np.random.default_rng(seed)
    features = rng.normal(size=(n, dim)).astype(np.float32)
    weights = rng.normal(size=(dim, num_classes)).astype(np.float32)
    labels = np.argmax(features @ weights, axis=-1).astype(np.int32)
    return features, labels


def normalize(x, y):
    """Standardise one example's features (traced into a graph by Dataset.map)."""
    mean = tf.reduce_mean(x, axis=-1, keepdims=True)
    std = tf.math.reduce_std(x, axis=-1, keepdims=True)
    return (x - mean) / (std + EPSILON), y


def augment(x, y):
    """Add a little Gaussian noise to a batch (eager, called per step)."""
    noise = tf.random.normal(tf.shape(x), stddev=0.01)
    return x + noise, y


def make_dataset(features, labels, batch_size, shuffle=True, seed=0):
    """A batched, normalised, optionally shuffled tf.data.Dataset."""
    dataset = tf.data.Dataset.from_tensor_slices((features, labels))
    if shuffle:
        dataset = dataset.shuffle(len(features), seed=seed, reshuffle_each_iteration=True)
    return dataset.map(normalize).batch(batch_size).prefetch(2)

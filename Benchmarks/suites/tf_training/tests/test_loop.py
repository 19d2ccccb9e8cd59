"""Eager training-loop tests: a few hundred optimisation steps in total."""

import keras
import numpy as np
import tensorflow as tf

from loop.data import make_dataset, synthetic_data
from loop.model import Classifier
from loop.train import History, evaluate, fit, train_step


def test_dataset_shapes():
    features, labels = synthetic_data(256, 8, seed=1)
    batches = list(make_dataset(features, labels, 32, shuffle=False))
    assert len(batches) == 8
    x, y = batches[0]
    assert x.shape == (32, 8) and x.dtype == tf.float32
    assert y.shape == (32,) and y.dtype == tf.int32
    np.testing.assert_allclose(tf.reduce_mean(x, axis=-1).numpy(), 0.0, atol=1e-4)


def test_single_steps_reduce_loss():
    features, labels = synthetic_data(64, 8, seed=2)
    x, y = tf.constant(features), tf.constant(labels)
    model = Classifier()
    optimizer = keras.optimizers.Adam(learning_rate=1e-2)
    losses = [float(train_step(model, optimizer, x, y)[0]) for _ in range(60)]
    assert losses[-1] < losses[0]


def test_fit_learns():
    features, labels = synthetic_data(1024, 8, seed=3)
    dataset = make_dataset(features, labels, 32, seed=3)
    model = Classifier()
    history = fit(model, dataset, epochs=4)  # 128 steps
    assert isinstance(history, History)
    assert len(history.losses) == 128
    assert history.mean_loss(last=16) < history.mean_loss()
    assert evaluate(model, make_dataset(features, labels, 128, shuffle=False)) > 0.6


def test_fit_without_augment_deeper_model():
    features, labels = synthetic_data(512, 16, seed=4)
    dataset = make_dataset(features, labels, 32, seed=4)
    model = Classifier(hidden_units=64, blocks=3)
    history = fit(model, dataset, epochs=4, use_augment=False)  # 64 steps
    assert history.mean_loss(last=8) < history.losses[0]


def test_fit_small_batches():
    features, labels = synthetic_data(384, 8, seed=5)
    dataset = make_dataset(features, labels, 16, seed=5)
    model = Classifier(hidden_units=16, blocks=1)
    history = fit(model, dataset, epochs=2, learning_rate=5e-3)  # 48 steps
    assert len(history.accuracies) == 48
    assert max(history.accuracies) > 0.4

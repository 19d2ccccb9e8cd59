import logging

import keras
import numpy as np
import pytest
import tensorflow as tf

from trainer.data import make_dataset, synthetic_data
from trainer.model import Classifier
from trainer.train import accuracy, compute_loss, evaluate, fit, train_step


@pytest.fixture
def dataset():
    features, labels = synthetic_data(64, 4, seed=3)
    return make_dataset(features, labels, batch_size=16)


def test_compute_loss_matches_uniform_prediction():
    labels = tf.constant([0, 1, 2, 1], dtype=tf.int32)
    logits = tf.zeros([4, 3])
    # Uniform logits over 3 classes give a cross-entropy of log(3).
    assert compute_loss(labels, logits).numpy() == pytest.approx(np.log(3.0), rel=1e-6)


def test_compute_loss_is_small_for_confident_correct_logits():
    labels = tf.constant([0, 2], dtype=tf.int32)
    logits = tf.constant([[10.0, 0.0, 0.0], [0.0, 0.0, 10.0]])
    assert compute_loss(labels, logits).numpy() < 1e-3


def test_accuracy_counts_matches():
    labels = tf.constant([0, 1, 2, 2], dtype=tf.int32)
    logits = tf.constant(
        [[5.0, 0.0, 0.0], [0.0, 5.0, 0.0], [5.0, 0.0, 0.0], [0.0, 0.0, 5.0]]
    )
    result = accuracy(labels, logits)
    assert result.dtype == tf.float32
    assert result.numpy() == pytest.approx(0.75)


def test_train_step_reuses_model_and_optimizer(batch):
    x, y = batch
    model = Classifier(num_classes=3, hidden_units=16)
    optimizer = keras.optimizers.Adam(learning_rate=0.05)
    losses = [train_step(model, optimizer, compute_loss, x, y) for _ in range(10)]
    assert all(isinstance(loss, tf.Tensor) and loss.shape == () for loss in losses)
    # Overfitting a single batch must drive the loss down.
    assert losses[-1].numpy() < losses[0].numpy()
    assert int(optimizer.iterations.numpy()) == 10


def test_fit_returns_decreasing_history(dataset, caplog):
    model = Classifier(num_classes=3, hidden_units=16)
    with caplog.at_level(logging.INFO, logger="trainer.train"):
        history = fit(model, dataset, epochs=3, learning_rate=0.05)
    assert len(history) == 3
    assert all(isinstance(loss, float) for loss in history)
    assert history[-1] < history[0]
    assert sum("epoch" in record.getMessage() for record in caplog.records) == 3


def test_evaluate_returns_python_float_and_improves_with_training(dataset):
    model = Classifier(num_classes=3, hidden_units=16)
    before = evaluate(model, dataset)
    fit(model, dataset, epochs=5, learning_rate=0.05)
    after = evaluate(model, dataset)
    assert isinstance(after, float)
    assert 0.0 <= before <= 1.0 and 0.0 <= after <= 1.0
    assert after > before
    assert after >= 0.7

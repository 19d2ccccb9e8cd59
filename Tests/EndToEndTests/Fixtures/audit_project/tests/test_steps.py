import numpy as np
import tensorflow as tf

from lab import dispatch, steps


def _regression_batch():
    x = tf.constant([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    y = tf.matmul(x, tf.constant([[2.0], [-1.0]]))
    return x, y


def test_named_train_step_reduces_loss():
    w = tf.Variable(tf.zeros([2, 1]))
    x, y = _regression_batch()
    losses = [float(dispatch.run_named("dense_" + "train_step", w, x, y)) for _ in range(5)]
    assert losses[-1] < losses[0]


def test_named_train_step_moves_weights():
    w = tf.Variable(tf.zeros([2, 1]))
    x, y = _regression_batch()
    dispatch.run_named("dense_train_step", w, x, y)
    dispatch.run_named("dense_train_step", w, x, y)
    assert np.abs(w.numpy()).sum() > 0.0


def test_named_batch_inference_on_python_floats():
    assert float(dispatch.run_named("batch_" + "inference", [1.0, 2.0], 0.5)) == 1.5
    assert float(dispatch.run_named("batch_inference", [1.0, 2.0, 3.0], 2.0)) == 12.0


def test_legacy_trainer_configuration():
    trainer = steps.LegacyTrainer(units=3, learning_rate=0.05)
    assert trainer.learning_rate == 0.05
    assert trainer.w.shape == (3, 1)

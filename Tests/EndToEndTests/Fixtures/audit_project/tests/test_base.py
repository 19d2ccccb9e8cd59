import numpy as np
import tensorflow as tf

from lab import base


def _linear_batch(seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(16, 4)).astype("float32")
    return tf.constant(x), tf.constant(x @ np.array([[1.0], [2.0], [-1.0], [0.5]], "float32"))


def test_regression_learner_train_step():
    learner = base.RegressionLearner()
    x, y = _linear_batch(5)
    losses = [float(learner.train_step(x, y)) for _ in range(5)]
    assert losses[-1] < losses[0]


def test_hybrid_regression_learner_train_step():
    learner = base.HybridRegressionLearner()
    x, y = _linear_batch(6)
    losses = [float(learner.train_step(x, y)) for _ in range(5)]
    assert losses[-1] < losses[0]

import numpy as np
import pytest
import tensorflow as tf

from seqmodel.losses import l2_penalty, mean_squared_error, smoothed_targets, softmax_cross_entropy


@pytest.mark.parametrize("epsilon", [0.0, 0.1, 0.05])
def test_smoothed_targets_spread_epsilon_over_classes(epsilon):
    labels = tf.constant([0, 2, 1, 2], dtype=tf.int32)
    targets = smoothed_targets(labels, 3, epsilon).numpy()
    np.testing.assert_allclose(targets.sum(axis=1), np.ones(4), rtol=1e-6)
    assert targets[0, 0] == pytest.approx(1.0 - epsilon + epsilon / 3)
    assert targets[0, 1] == pytest.approx(epsilon / 3)


def test_l2_penalty_walks_nested_structures():
    a = tf.constant([1.0, 2.0])
    b = tf.Variable([[3.0]])
    c = tf.constant(-1.0)
    nested = {"first": [a, (b,)], "second": c}
    assert l2_penalty(nested).numpy() == pytest.approx(1.0 + 4.0 + 9.0 + 1.0)
    assert l2_penalty(a).numpy() == pytest.approx(5.0)


def test_softmax_cross_entropy_of_uniform_logits_is_log_classes():
    targets = tf.one_hot([0, 1, 2, 1], 3)
    assert softmax_cross_entropy(targets, tf.zeros([4, 3])).numpy() == pytest.approx(np.log(3.0), rel=1e-6)


def test_mean_squared_error():
    targets = tf.constant([[1.0], [2.0]])
    predictions = tf.constant([[0.0], [4.0]])
    assert mean_squared_error(targets, predictions).numpy() == pytest.approx(2.5)

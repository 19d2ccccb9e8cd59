# Test functions are entry points: they reach `hinge`; they have no parameters themselves (6).
import tensorflow as tf


def hinge(y_true, y_pred):  # expect: P1; reachable=true
    return tf.reduce_mean(tf.maximum(0.0, 1.0 - y_true * y_pred))


def test_hinge_is_zero_when_confident():  # expect: fail=6
    loss = hinge(tf.constant([1.0, -1.0]), tf.constant([2.0, -3.0]))
    tf.debugging.assert_equal(loss, 0.0)


def test_hinge_is_positive_when_wrong():  # expect: fail=6
    loss = hinge(tf.constant([1.0]), tf.constant([-1.0]))
    assert float(loss) > 0.0

# A test calls the helper eagerly: coverage is broken, the helper may still become hybrid.
import tensorflow as tf


def clip(x):  # expect: P1; coveredCallers=false
    return tf.clip_by_value(x, -1.0, 1.0)


@tf.function
def step(x):  # expect: info=13
    return tf.reduce_sum(clip(x))


def test_clip():  # expect: fail=6
    assert float(tf.reduce_max(clip(tf.constant([3.0])))) == 1.0


def test_step():  # expect: fail=6
    step(tf.ones([3]))

# A tensor-only hybrid (info 13) calling a pure eager helper, which runs inside its graph only (21).
import tensorflow as tf


def _normalize(x):  # expect: fail=21
    return tf.math.l2_normalize(x, axis=-1)


@tf.function
def similarity(a, b):  # expect: info=13
    return tf.reduce_sum(_normalize(a) * _normalize(b))


similarity(tf.constant([1.0, 2.0]), tf.constant([2.0, 1.0]))

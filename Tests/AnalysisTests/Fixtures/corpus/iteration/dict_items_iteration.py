# Looping over a dict of tensors (a Python container) is not tensor iteration: P1.
import tensorflow as tf


def sum_features(features):  # expect: P1; tensorIteration=false
    total = tf.constant(0.0)
    for name, value in features.items():
        total = tf.add(total, tf.reduce_sum(value))
    return total


sum_features({"a": tf.ones([2]), "b": tf.ones([3])})

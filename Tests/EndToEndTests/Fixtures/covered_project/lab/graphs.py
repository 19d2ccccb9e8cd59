"""An outer tf.function that calls a hybrid and an eager helper: both run inside its graph."""
import tensorflow as tf


@tf.function
def inner(x):
    return tf.square(x) + 1.0


def helper(x):
    return tf.nn.relu(x) * 2.0


@tf.function
def outer(x):
    return tf.reduce_sum(inner(x) + helper(x))

# Recursion on a tensor condition (it would recurse forever while tracing): fail 8.
import tensorflow as tf


def halve_until_small(x):  # expect: fail=8; recursive=true
    if tf.reduce_max(tf.abs(x)) < 1.0:
        return x
    return halve_until_small(tf.divide(x, 2.0))


halve_until_small(tf.constant([12.0, -3.0]))

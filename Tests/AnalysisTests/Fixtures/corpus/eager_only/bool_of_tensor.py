# An explicit bool() on a tensor is eager-only: fail 15.
import tensorflow as tf


def has_nan(x):  # expect: fail=15
    return bool(tf.reduce_any(tf.math.is_nan(x)))


has_nan(tf.constant([1.0, 2.0]))

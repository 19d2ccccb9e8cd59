# A Python number stays a Python value under a bare tf.function: no dtype conflict, though the
# literal retraces: fail 12 only.
import tensorflow as tf


def both_scaled(x, ids, k):  # expect: fail=12
    return x * k, ids * k


both_scaled(tf.ones([2]), tf.constant([1, 2]), 3)

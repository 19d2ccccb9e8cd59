# A tensor at one call and a Python int at another: it takes tensors, and each new int retraces (12).
import tensorflow as tf


def shift(x):  # expect: fail=12; tensorParameter=true primitiveParameter=true
    return x + 1


shift(tf.ones([2]))
shift(3)

# Inspecting the dtype runs no TF op: fail 14.
import tensorflow as tf


def is_floating(x):  # expect: fail=14
    return x.dtype.is_floating


is_floating(tf.constant([1, 2]))

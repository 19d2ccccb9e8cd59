# `from numpy import linalg`: linalg.norm on the parameter: fail 16.
import tensorflow as tf
from numpy import linalg


def unit(x):  # expect: fail=16
    return tf.divide(x, linalg.norm(x))


unit(tf.constant([3.0, 4.0]))

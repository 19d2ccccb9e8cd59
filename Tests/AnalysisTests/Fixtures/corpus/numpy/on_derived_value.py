# A NumPy call on a value derived from the parameter still counts: fail 16.
import numpy as np
import tensorflow as tf


def peak_abs(x):  # expect: fail=16
    magnitude = tf.abs(x)
    return np.max(magnitude)


peak_abs(tf.constant([-4.0, 2.0]))

# NumPy on the parameter plus an int literal: fail 12,16.
import numpy as np
import tensorflow as tf


def percentile(x, q):  # expect: fail=12,16
    return tf.constant(np.percentile(x, q))


percentile(tf.constant([1.0, 2.0, 3.0]), 90)

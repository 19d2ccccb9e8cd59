# A float64 numpy array meets a float32 tensor: eagerly converted to float32 per op, but
# tf.function makes it a float64 tensor at the call: fail 22.
import numpy as np
import tensorflow as tf


def rescale(x, weights):  # expect: fail=22
    return x * weights


rescale(tf.ones([3]), np.array([0.5, 1.0, 2.0]))

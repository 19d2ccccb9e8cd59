# The numpy arguments already have their partner's dtype; a numpy constant made in the body
# converts in a graph as it does eagerly: P1.
import numpy as np
import tensorflow as tf


def rescale(x, weights):  # expect: P1; tensorParameter=true
    return x * weights


def doubled(x):  # expect: P1
    return x * np.float64(2.0)


rescale(tf.ones([3]), np.array([0.5, 1.0, 2.0], dtype=np.float32))
doubled(tf.ones([3]))

# np.mean on a tensor parameter: HAS_NUMPY_CALLS_ON_PARAMETERS.
import numpy as np
import tensorflow as tf


def centered(x):  # expect: fail=16; numpyOnParameters=true
    return tf.subtract(x, np.mean(x))


centered(tf.constant([1.0, 2.0, 6.0]))

# Reading the dtype ends the derivation: np.finfo and np.dtype on it are fine: P1.
import numpy as np
import tensorflow as tf


def stable_log(x):  # expect: P1; numpyOnParameters=false
    eps = np.finfo(x.dtype.as_numpy_dtype).eps
    return tf.math.log(x + eps)


def to_own_dtype(x, y):  # expect: P1; numpyOnParameters=false
    return tf.cast(y, np.dtype(x.dtype.name)) + x


stable_log(tf.ones([3]))
to_own_dtype(tf.ones([3]), tf.ones([3], tf.int32))

# Two numpy arguments of different dtypes: numpy promotes eagerly, a graph gets a float32 and an
# int64 tensor: fail 22.
import numpy as np
import tensorflow as tf


def weighted_total(values, counts):  # expect: fail=22
    return tf.reduce_sum(values * counts)


weighted_total(np.ones([3], dtype=np.float32), np.arange(3))

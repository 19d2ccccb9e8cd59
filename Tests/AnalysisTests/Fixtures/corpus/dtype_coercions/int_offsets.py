# np.arange of ints is int64; tf.constant of ints is int32: fail 22 once hybridized.
import numpy as np
import tensorflow as tf


def offset_ids(ids, offsets):  # expect: fail=22
    return ids + offsets


offset_ids(tf.constant([4, 5, 6]), np.arange(3))

# tf.boolean_mask has a data-dependent shape: its first dimension is None in a graph: fail 16.
import numpy as np
import tensorflow as tf


def positive_padding(x):  # expect: fail=16; numpyOnParameters=true
    kept = tf.boolean_mask(x, x > 0)
    return tf.reduce_sum(kept) + np.zeros(kept.shape[0], np.float32)


positive_padding(tf.constant([1.0, -1.0, 2.0]))

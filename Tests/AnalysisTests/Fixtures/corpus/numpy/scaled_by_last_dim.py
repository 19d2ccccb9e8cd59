# A local holding a static dimension is a Python int: np.sqrt of it is fine: P1.
import numpy as np
import tensorflow as tf


def scaled_scores(queries, keys):  # expect: P1; numpyOnParameters=false
    depth = queries.shape[-1]
    return tf.matmul(queries, keys, transpose_b=True) / np.sqrt(depth)


scaled_scores(tf.ones([2, 5, 8]), tf.ones([2, 5, 8]))

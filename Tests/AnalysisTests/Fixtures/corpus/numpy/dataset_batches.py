# In a graph a dataset's batches have its element spec's shape: batch() without drop_remainder
# leaves the rows None (16); dropping the remainder keeps them static (P1).
import numpy as np
import tensorflow as tf

RAGGED_END = tf.data.Dataset.from_tensor_slices(tf.ones([10, 3])).batch(4)
EVEN = tf.data.Dataset.from_tensor_slices(tf.ones([8, 3])).batch(4, drop_remainder=True)


def weighted_sum(w):  # expect: fail=16; numpyOnParameters=true
    total = tf.constant(0.0)
    for batch in RAGGED_END:
        total += tf.reduce_sum(batch * w) / np.float32(np.prod(batch.shape))
    return total


def weighted_even(w):  # expect: P1; numpyOnParameters=false
    total = tf.constant(0.0)
    for batch in EVEN:
        total += tf.reduce_sum(batch * w) / np.float32(np.prod(batch.shape))
    return total


weighted_sum(tf.ones([3]))
weighted_even(tf.ones([3]))

# tf.ragged.constant builds a RaggedTensor, which counts as a tensor parameter: P1.
import tensorflow as tf


def row_sums(rt):  # expect: P1
    return tf.reduce_sum(rt, axis=1)


tokens = tf.ragged.constant([[3, 1, 4], [1, 5], [9, 2, 6, 5]])
row_sums(tokens)

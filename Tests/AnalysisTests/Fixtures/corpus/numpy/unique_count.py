# len() of tf.unique's output reads a data-dependent dimension, None in a graph: fail 16.
import numpy as np
import tensorflow as tf


def vocabulary_ids(tokens):  # expect: fail=16
    values, _ = tf.unique(tokens)
    return tf.constant(np.arange(len(values)))


vocabulary_ids(tf.constant([3, 3, 7]))

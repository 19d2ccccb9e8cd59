# Looping over x.shape (a TensorShape of Python ints) is not tensor iteration: P1.
import tensorflow as tf


def volume_weighted_mean(x):  # expect: P1; tensorIteration=false
    n = 1
    for dim in x.shape:
        n *= dim
    return tf.reduce_sum(x) / n


volume_weighted_mean(tf.ones([2, 3, 4]))

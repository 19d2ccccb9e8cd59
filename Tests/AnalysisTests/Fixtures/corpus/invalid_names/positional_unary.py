# tf.sqrt(x, 2) passes 2 as the op's name (sqrt(x, name=None)): graphs reject it: fail 17.
import tensorflow as tf


def root_mean_square(x):  # expect: fail=17
    return tf.sqrt(tf.reduce_mean(tf.square(x)), 2)


root_mean_square(tf.constant([3.0, 4.0]))

# A while loop on a tensor condition is converted by AutoGraph; there is no for: P1.
import tensorflow as tf


def halve_until_below(x, limit):  # expect: P1
    while tf.reduce_max(x) > limit:
        x = tf.divide(x, 2.0)
    return x


halve_until_below(tf.constant([40.0, 8.0]), tf.constant(5.0))

# One caller supplies the defaulted `axis` positionally with an int literal: fail 12.
import tensorflow as tf


def normalize(x, axis=-1):  # expect: fail=12
    return tf.math.l2_normalize(x, axis=axis)


m = tf.random.normal([3, 4])
normalize(m)
normalize(m, 0)

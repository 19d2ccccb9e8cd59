# `mask` receives None (excluded) or a tensor; neither is a primitive: P1.
import tensorflow as tf


def masked_mean(x, mask):  # expect: P1; primitiveParameter=false
    if mask is None:
        return tf.reduce_mean(x)
    return tf.reduce_sum(x * mask) / tf.reduce_sum(mask)


values = tf.constant([1.0, 2.0, 3.0])
masked_mean(values, None)
masked_mean(values, tf.constant([1.0, 0.0, 1.0]))

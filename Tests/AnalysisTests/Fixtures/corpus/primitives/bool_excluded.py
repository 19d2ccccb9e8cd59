# `training` only receives True/False; bools are not primitives (by default): P1.
import tensorflow as tf


def maybe_dropout(x, training):  # expect: P1; primitiveParameter=false
    if training:
        return tf.nn.dropout(x, rate=0.5)
    return tf.identity(x)


activations = tf.ones([4, 4])
maybe_dropout(activations, True)
maybe_dropout(activations, training=False)

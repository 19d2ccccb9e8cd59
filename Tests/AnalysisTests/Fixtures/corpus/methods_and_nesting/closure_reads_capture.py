# A nested function that only reads captured tensors writes nothing: P1 for both.
import tensorflow as tf


def gated(x, gate):  # expect: P1
    threshold = tf.reduce_mean(gate)

    def apply_gate(v):  # expect: P1; sideEffects=false
        return tf.where(gate > threshold, v, tf.zeros_like(v))

    return apply_gate(x)


gated(tf.ones([4]), tf.constant([0.1, 0.9, 0.5, 0.7]))

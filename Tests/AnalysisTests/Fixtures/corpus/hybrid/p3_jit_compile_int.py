# Decorator arguments do not change the verdict: a literal `times` still retraces: P3.
import tensorflow as tf


@tf.function(jit_compile=True)
def repeat(x, times):  # expect: P3
    return tf.tile(x, [times])


repeat(tf.constant([1.0, 2.0]), 2)
repeat(tf.constant([1.0, 2.0]), 4)

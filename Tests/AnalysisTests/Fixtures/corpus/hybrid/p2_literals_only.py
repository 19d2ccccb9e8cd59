# A hybrid that only ever receives Python numbers gains nothing from graph mode: P2.
import tensorflow as tf


@tf.function
def scaled_sum(a, b):  # expect: P2; tensorParameter=false sideEffects=false
    return tf.add(a, b) * 2


scaled_sum(1, 2)
scaled_sum(3, 4)

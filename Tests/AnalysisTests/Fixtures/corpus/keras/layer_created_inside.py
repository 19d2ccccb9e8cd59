# A layer created inside the function on every call: static analysis says P1; traces would show
# CREATES_VARIABLES (30), which only traces can see (SPEC section 3).
import tensorflow as tf


def project(x):  # expect: P1
    return tf.keras.layers.Dense(8)(x)


project(tf.ones([2, 4]))

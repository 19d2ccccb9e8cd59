# tf.print is a TF op, not a Python side effect: P1.
import tensorflow as tf


def log_and_square(x):  # expect: P1; sideEffects=false
    tf.print("square of", x)
    return tf.square(x)


log_and_square(tf.constant(3.0))

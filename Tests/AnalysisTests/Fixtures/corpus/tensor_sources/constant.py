# A tf.constant argument makes `x` a tensor parameter; the body runs only TF ops: P1.
import tensorflow as tf


def standardize(x):  # expect: P1; tensorParameter=true primitiveParameter=false
    mean = tf.reduce_mean(x)
    std = tf.math.reduce_std(x)
    return (x - mean) / (std + 1e-6)


standardize(tf.constant([1.0, 2.0, 3.0, 4.0]))

"""Hybrids that traces see retraced for two batch sizes: a signature would make the batch None."""
import tensorflow as tf


@tf.function
def flatten(x):
    rows = x.shape[0]
    return tf.reshape(x, [rows * x.shape[1]])


@tf.function
def flatten_dynamic(x):
    return tf.reshape(x, [tf.shape(x)[0] * x.shape[1]])

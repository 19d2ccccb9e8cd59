"""Pure tensor functions called with several shapes and literals."""
import tensorflow as tf


# Case: tensors only, shapes [8, 4], [16, 4], [8, 4], [32, 4]: derived input signature [None, 4] float32.
def normalize_batch(x):
    return (x - tf.reduce_mean(x, axis=0)) / (tf.math.reduce_std(x, axis=0) + 1e-6)


# Case: a tensor plus a Python float literal (values 1.0 and 2.0) over two shapes: retracing per distinct literal.
def scale_by(x, factor):
    return x * factor

# A print and NumPy on a parameter-derived tensor: fail 4,16.
import numpy as np
import tensorflow as tf


def summarize_errors(y_true, y_pred):  # expect: fail=4,16
    errors = tf.abs(y_true - y_pred)
    print("median error:", np.median(errors))
    return tf.reduce_mean(errors)


summarize_errors(tf.constant([1.0, 2.0]), tf.constant([1.5, 1.0]))

# Tensors only, no side effects, real TF work: already optimal: info 13.
import tensorflow as tf


@tf.function
def mse(y_true, y_pred):  # expect: info=13
    return tf.reduce_mean(tf.square(y_true - y_pred))


mse(tf.constant([1.0, 2.0]), tf.constant([1.5, 2.5]))

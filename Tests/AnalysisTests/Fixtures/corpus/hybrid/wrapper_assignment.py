# `fast_loss = tf.function(_loss)` makes `_loss` hybrid-by-wrapper (reported, not edited): info 13.
import tensorflow as tf


def _loss(y_true, y_pred):  # expect: info=13; hybrid=true
    return tf.reduce_mean(tf.abs(y_true - y_pred))


fast_loss = tf.function(_loss)
fast_loss(tf.constant([1.0]), tf.constant([0.5]))

# float() on a tensor traces: AutoGraph casts it to a float32 tensor (P1).
import tensorflow as tf


def mse_value(y_true, y_pred):  # expect: P1
    loss = tf.reduce_mean(tf.square(y_true - y_pred))
    return float(loss)


mse_value(tf.constant([1.0, 2.0]), tf.constant([1.1, 1.7]))

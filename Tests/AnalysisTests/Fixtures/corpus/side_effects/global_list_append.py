# Appending to a module-level list outlives the call: fail 4.
import tensorflow as tf

loss_history = []


def record_loss(y_true, y_pred):  # expect: fail=4
    loss = tf.reduce_mean(tf.square(y_true - y_pred))
    loss_history.append(loss)
    return loss


record_loss(tf.constant([1.0, 2.0]), tf.constant([1.5, 1.5]))

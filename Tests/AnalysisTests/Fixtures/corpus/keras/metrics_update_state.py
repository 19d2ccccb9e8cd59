# Keras metric state lives in Variables: update_state is TF state, not a Python side effect: P1.
import tensorflow as tf

train_loss = tf.keras.metrics.Mean(name="train_loss")
train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy()


def update_metrics(labels, logits, loss):  # expect: P1; sideEffects=false
    train_loss.update_state(loss)
    train_accuracy.update_state(labels, logits)
    return train_accuracy.result()


update_metrics(tf.constant([1, 0]), tf.constant([[0.2, 0.8], [0.6, 0.4]]), tf.constant(0.3))

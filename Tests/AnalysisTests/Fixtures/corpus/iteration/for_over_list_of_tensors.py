# Iterating a Python list of tensors is not tensor iteration: P1.
import tensorflow as tf


def ensemble_mean(predictions):  # expect: P1; tensorIteration=false
    total = tf.zeros_like(predictions[0])
    for p in predictions:
        total = tf.add(total, p)
    return total / len(predictions)


ensemble_mean([tf.ones([2]), tf.zeros([2]), tf.fill([2], 0.5)])

# A Python list of tensors counts as a tensor parameter: P1.
import tensorflow as tf


def average_predictions(predictions):  # expect: P1; tensorParameter=true
    return tf.reduce_mean(tf.stack(predictions), axis=0)


average_predictions([tf.constant([0.1, 0.9]), tf.constant([0.3, 0.7]), tf.constant([0.2, 0.8])])

# The helper passes 3 as tf.abs's name; its caller traces it into the same graph: both fail 17.
import tensorflow as tf


def magnitude(x):  # expect: fail=17
    return tf.abs(x, 3)


def l1_loss(prediction, target):  # expect: fail=17
    return tf.reduce_mean(magnitude(prediction - target))


l1_loss(tf.constant([1.0, 2.0]), tf.constant([0.0, 4.0]))

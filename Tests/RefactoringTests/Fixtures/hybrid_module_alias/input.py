import tensorflow as tf


def step(x):  # keeps this comment
    return tf.square(x)

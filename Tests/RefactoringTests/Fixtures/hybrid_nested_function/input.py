import tensorflow as tf


def outer():
    def inner(x):
        return tf.square(x)
    return inner

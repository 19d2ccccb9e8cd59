import tensorflow as tf


def outer():
    @tf.function
    def inner(x):
        return tf.square(x)
    return inner

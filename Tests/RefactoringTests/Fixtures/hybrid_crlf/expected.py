import tensorflow as tf


@tf.function
def step(x):
    return tf.square(x)

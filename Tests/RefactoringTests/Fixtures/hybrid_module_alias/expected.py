import tensorflow as tf


@tf.function
def step(x):  # keeps this comment
    return tf.square(x)

# A hybrid with a string literal mode retraces per string: P3.
import tensorflow as tf


@tf.function
def pool(x, mode):  # expect: P3
    if mode == "max":
        return tf.reduce_max(x, axis=1)
    return tf.reduce_mean(x, axis=1)


pool(tf.random.normal([2, 5]), "max")
pool(tf.random.normal([2, 5]), "mean")

# A hybrid with a tensor and a float literal retraces for each new literal: P3.
import tensorflow as tf


@tf.function
def scale(x, factor):  # expect: P3; tensorParameter=true primitiveParameter=true
    return tf.multiply(x, factor)


x = tf.ones([4])
scale(x, 2.0)
scale(x, 3.0)

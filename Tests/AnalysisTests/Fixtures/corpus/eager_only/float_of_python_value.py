# float() on a Python string is not a tensor conversion: P1.
import tensorflow as tf

SCALE = "0.5"


def rescale(x):  # expect: P1; eagerOnlyCalls=false
    return tf.multiply(x, float(SCALE))


rescale(tf.ones([3]))

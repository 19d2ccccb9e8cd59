# `import numpy` without alias: numpy.clip on the parameter: fail 16.
import numpy
import tensorflow as tf


def clipped(x):  # expect: fail=16
    return tf.constant(numpy.clip(x, 0.0, 1.0))


clipped(tf.constant([-0.5, 0.5, 1.5]))

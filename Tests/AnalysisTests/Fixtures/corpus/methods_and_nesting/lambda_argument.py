# A lambda passed as `fn` is a known project function (lambdas carry no marker): P1.
import tensorflow as tf


def map_pair(fn, a, b):  # expect: P1
    return fn(a), fn(b)


map_pair(lambda t: tf.square(t) + 1.0, tf.ones([2]), tf.zeros([2]))

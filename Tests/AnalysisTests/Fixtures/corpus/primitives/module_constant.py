# A module name bound once to an int literal is still a literal argument: fail 12.
import tensorflow as tf

HIDDEN_UNITS = 16


def widen(x, units):  # expect: fail=12
    return tf.tile(x, [1, units])


widen(tf.ones([4, 1]), HIDDEN_UNITS)

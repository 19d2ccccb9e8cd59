# Tuple and chained assignment bind each name to its own function.
import tensorflow as tf


def loud(x):  # expect: fail=4,14
    print(x)
    return x


def quiet(x):  # expect: P1
    return tf.abs(x)


def by_position(x):  # expect: P1
    first, second = loud, quiet
    return second(x) + 1.0


def by_chain(x):  # expect: fail=4
    a = b = loud
    return b(x) * 2.0


by_position(tf.ones([2]))
by_chain(tf.ones([2]))

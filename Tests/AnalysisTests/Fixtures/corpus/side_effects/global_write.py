# Rebinding a module global through `global` is a side effect: fail 4.
import tensorflow as tf

calls = 0


def counted_scale(x):  # expect: fail=4
    global calls
    calls += 1
    return tf.multiply(x, 2.0)


counted_scale(tf.ones([3]))

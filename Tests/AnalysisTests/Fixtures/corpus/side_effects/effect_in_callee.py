# The print sits in a callee; the caller inherits the side effect: fail 4 for both.
import tensorflow as tf


def report(name, value):  # expect: fail=4,12,14
    print(name, value)


def normalized(x):  # expect: fail=4
    result = x / tf.norm(x)
    report("norm", tf.norm(result))
    return result


normalized(tf.constant([3.0, 4.0]))

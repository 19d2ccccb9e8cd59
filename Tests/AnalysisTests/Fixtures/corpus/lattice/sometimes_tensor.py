# A tensor at one call and None at another: it still receives tensors, and `x * 2` is tensor arithmetic (P1).
import tensorflow as tf


def scale(x):  # expect: P1; tensorParameter=true tensorComputation=true
    return x * 2


scale(tf.ones([2]))
scale(None)

# `functools.partial` binds `alpha` and keeps `scaled_add` as the function that runs: `apply`
# calls it with a tensor.
import functools

import tensorflow as tf


def scaled_add(x, alpha):  # expect: P1
    return x + alpha * tf.ones_like(x)


double_add = functools.partial(scaled_add, alpha=2.0)


def apply(x):  # expect: P1
    return double_add(x)


apply(tf.constant([1.0, 2.0]))

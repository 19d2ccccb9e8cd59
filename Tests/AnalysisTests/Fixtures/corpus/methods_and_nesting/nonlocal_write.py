# `bump` rebinds a variable of its enclosing function (nonlocal): a side effect for `bump`. The
# variable belongs to `count_positive`'s own call, so `count_positive` itself stays P1.
import tensorflow as tf


def count_positive(values):  # expect: P1; sideEffects=false
    count = tf.constant(0)

    def bump(v):  # expect: fail=4; sideEffects=true
        nonlocal count
        count = count + tf.cast(v > 0, tf.int32)

    for v in values:
        bump(v)
    return count


count_positive([tf.constant(1.0), tf.constant(-2.0)])

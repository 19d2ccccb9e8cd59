# Nested Python loops over a tensor parameter and its rows: fail 20.
import tensorflow as tf


def matrix_sum(x):  # expect: fail=20
    total = tf.constant(0.0)
    for row in x:
        for value in row:
            total = tf.add(total, value)
    return total


matrix_sum(tf.ones([2, 2]))

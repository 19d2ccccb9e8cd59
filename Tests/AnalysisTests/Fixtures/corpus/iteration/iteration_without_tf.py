# Iterating the parameter with no TF op at all: 20 is listed before 14: fail 20.
import tensorflow as tf


def count_rows(x):  # expect: fail=20; tensorComputation=false
    n = 0
    for _ in x:
        n += 1
    return n


count_rows(tf.zeros([4, 2]))

# A hybrid whose operands nothing types: its tensor computation is undecided, so it is no P6 removal (info 13).
import tensorflow as tf


@tf.function
def combine(a, b):  # expect: info=13; tensorComputation=unknown
    return a * b + a

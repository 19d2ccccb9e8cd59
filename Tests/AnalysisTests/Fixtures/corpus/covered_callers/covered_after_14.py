# A covered helper that runs no op reports 14, the newer blocker before 21.
import tensorflow as tf


def pack(a, b):  # expect: fail=14; coveredCallers=true
    return [a, b]


@tf.function
def combine(a, b):  # expect: info=13
    return tf.add_n(pack(a, b))


combine(tf.ones([2]), tf.ones([2]))

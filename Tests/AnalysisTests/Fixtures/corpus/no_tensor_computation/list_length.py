# len() of a list of tensors is Python only: fail 14.
import tensorflow as tf


def count_parts(parts):  # expect: fail=14
    return len(parts)


count_parts([tf.ones([2]), tf.ones([3])])

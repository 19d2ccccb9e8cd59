# Choosing one of two tensors by a bool flag runs no TF op: fail 14 (the bool is no primitive).
import tensorflow as tf


def choose(a, b, use_a):  # expect: fail=14; primitiveParameter=false
    return a if use_a else b


choose(tf.ones([2]), tf.zeros([2]), True)

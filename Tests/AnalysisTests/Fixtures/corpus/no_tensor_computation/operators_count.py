# Operators applied to TF tensors (@, +) dispatch to TF ops: tensorComputation=true: P1.
import tensorflow as tf


def affine(x, w, b):  # expect: P1; tensorComputation=true
    return x @ w + b


affine(tf.ones([1, 2]), tf.ones([2, 3]), tf.zeros([3]))

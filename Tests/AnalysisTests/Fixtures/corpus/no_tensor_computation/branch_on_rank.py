# Branching on the static rank returns Python strings; no TF op: fail 14.
import tensorflow as tf


def describe_rank(x):  # expect: fail=14
    if x.shape.rank == 1:
        return "vector"
    return "matrix"


describe_rank(tf.zeros([3]))
describe_rank(tf.zeros([3, 3]))

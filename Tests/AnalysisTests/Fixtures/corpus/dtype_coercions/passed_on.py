# A numpy argument passed on to a helper conflicts where the helper combines it: the helper and
# the caller that passes float64 fail 22; the caller passing float32 is fine (P1).
import numpy as np
import tensorflow as tf


def step(x, w):  # expect: fail=22
    return x * w


def train(x, weights):  # expect: fail=22
    return step(x, weights) + 1.0


def evaluate(x, weights):  # expect: P1
    return step(x, weights) - 1.0


train(tf.ones([2]), np.array([2.0, 3.0]))
evaluate(tf.ones([2]), np.array([2.0, 3.0], dtype=np.float32))

"""Hybrid functions called through their tf.function wrappers, and an eager one beside them.

Expected observations are asserted by Tests/EndToEndTests/TraceHybridCallsTests.swift.
"""
import tensorflow as tf


@tf.function
def scaled_sum(x):
    return tf.reduce_sum(x * 2.0)


class Scaler:
    def __init__(self, factor):
        self.factor = factor

    @tf.function
    def apply(self, x):
        return x * self.factor


@tf.function
def outer(x):
    # Calls another hybrid function while TensorFlow traces this one.
    return scaled_sum(x) + 1.0


def eager_norm(x):
    return tf.sqrt(tf.reduce_sum(x * x))

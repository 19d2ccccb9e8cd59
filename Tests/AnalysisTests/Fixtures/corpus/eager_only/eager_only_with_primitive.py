# An eager-only call and an int literal: the classic 12 plus the first newer blocker 15.
import tensorflow as tf


def top_k_values(x, k):  # expect: fail=12,15
    values, _ = tf.math.top_k(x, k=k)
    return values.numpy()


top_k_values(tf.constant([3.0, 1.0, 2.0]), 2)

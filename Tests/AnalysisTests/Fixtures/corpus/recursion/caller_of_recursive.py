# `encode` calls a recursive helper but cannot reach itself, so it is not recursive: P1.
import tensorflow as tf


def repeat_block(x, depth):  # expect: fail=8,12
    if depth == 0:
        return x
    return repeat_block(tf.nn.relu(x), depth - 1)


def encode(x):  # expect: P1; recursive=false
    return repeat_block(tf.nn.gelu(x), 2)


encode(tf.constant([[0.5, -0.5]]))

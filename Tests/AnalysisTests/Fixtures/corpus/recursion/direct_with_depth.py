# Direct recursion bounded by an int literal: IS_RECURSIVE plus a primitive depth: fail 8,12.
import tensorflow as tf


def repeat_block(x, depth):  # expect: fail=8,12; recursive=true
    if depth == 0:
        return x
    return repeat_block(tf.nn.relu(x), depth - 1)


repeat_block(tf.random.normal([2, 4]), 3)

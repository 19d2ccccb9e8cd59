# The bool flag is ignored, but the int `depth` is a literal: fail 12.
import tensorflow as tf


def stacked_relu(x, residual, depth):  # expect: fail=12
    out = x
    for _ in range(depth):
        out = tf.nn.relu(out) + (x if residual else 0.0)
    return out


stacked_relu(tf.constant([-1.0, 1.0]), True, 2)

# Appending to a list the caller passed in mutates an object the function did not create: fail 4.
import tensorflow as tf


def collect_norm(x, sink):  # expect: fail=4
    norm = tf.norm(x)
    sink.append(norm)
    return norm


norms = []
collect_norm(tf.constant([3.0, 4.0]), norms)

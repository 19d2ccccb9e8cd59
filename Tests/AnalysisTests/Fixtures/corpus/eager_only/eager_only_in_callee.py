# The eager-only call sits in a callee and is reachable from the caller: fail 15 for both.
import tensorflow as tf


def _to_numpy(t):  # expect: fail=15
    return t.numpy()


def summarize(x):  # expect: fail=15
    mean = tf.reduce_mean(x)
    return _to_numpy(mean)


summarize(tf.constant([1.0, 3.0]))

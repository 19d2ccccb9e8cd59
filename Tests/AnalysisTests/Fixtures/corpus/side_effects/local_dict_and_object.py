# Writes into a dict and an object created inside the function stay local: P1.
import types

import tensorflow as tf


def summarize(x):  # expect: P1; sideEffects=false
    stats = {}
    stats["mean"] = tf.reduce_mean(x)
    result = types.SimpleNamespace()
    result.max = tf.reduce_max(x)
    return stats, result


summarize(tf.constant([1.0, 5.0, 3.0]))

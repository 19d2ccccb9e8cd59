# A Python for over a tensor parameter: HAS_TENSOR_PARAMETER_ITERATION.
import tensorflow as tf


def cumulative_max(x):  # expect: fail=20; tensorIteration=true
    best = tf.constant(float("-inf"))
    outputs = []
    for value in x:
        best = tf.maximum(best, value)
        outputs.append(best)
    return tf.stack(outputs)


cumulative_max(tf.constant([1.0, 3.0, 2.0]))

# A `for` over a parameter inside `if isinstance(node, (list, tuple))` (or `isinstance(...) and ...`)
# iterates a Python container there, even though the same parameter holds tensors elsewhere: no 20.
import tensorflow as tf


def nested_sum(node):  # expect: fail=8; tensorIteration=false
    if isinstance(node, (list, tuple)):
        total = tf.constant(0.0)
        for child in node:
            total = total + nested_sum(child)
        return total
    return tf.reduce_sum(node)


def flat_mean(values):  # expect: P1; tensorIteration=false
    if isinstance(values, list) and values:
        parts = []
        for value in values:
            parts.append(tf.reshape(value, [-1]))
        return tf.reduce_mean(tf.concat(parts, 0))
    return tf.reduce_mean(values)


nested_sum([tf.ones([2]), [tf.ones([2]), tf.zeros([2])]])
flat_mean([tf.ones([2]), tf.zeros([3])])
flat_mean(tf.ones([4]))

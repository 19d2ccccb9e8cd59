# A dtype passed as name= (meant as dtype=): eager ignores it, a graph rejects it: fail 17.
import tensorflow as tf


def log_probs(logits):  # expect: fail=17
    return tf.math.log(tf.nn.softmax(logits), name=tf.float32)


def positional_dtype(x):  # expect: fail=17
    return tf.math.log(x, tf.float32)


log_probs(tf.constant([[1.0, 2.0]]))
positional_dtype(tf.constant([1.0, 2.0]))

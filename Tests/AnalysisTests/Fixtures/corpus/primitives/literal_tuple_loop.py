# Loop variables over a literal tuple are literals: each dropout rate retraces: fail 12.
import tensorflow as tf


def regularized(x, rate):  # expect: fail=12
    return tf.nn.dropout(x, rate=rate)


activations = tf.ones([2, 8])
for rate in (0.1, 0.3, 0.5):
    regularized(activations, rate)

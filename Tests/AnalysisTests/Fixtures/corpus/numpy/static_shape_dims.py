# Static dimensions are Python ints while a bare tf.function traces: numpy on them is fine: P1.
import numpy as np
import tensorflow as tf


def flatten_features(x):  # expect: P1; numpyOnParameters=false
    return tf.reshape(x, [-1, int(np.prod(x.shape[1:]))])


def with_bias(x):  # expect: P1; numpyOnParameters=false
    return x + tf.constant(np.zeros(x.shape[1], dtype=np.float32))


flatten_features(tf.ones([2, 3, 4]))
with_bias(tf.ones([2, 3]))

# NumPy applied to a module-level array (not parameter-derived) is allowed: P1.
import numpy as np
import tensorflow as tf

VOCAB_FREQ = np.array([120, 30, 5, 1], dtype=np.float32)


def frequency_weighted(logits):  # expect: P1; numpyOnParameters=false
    weights = tf.constant(np.log1p(VOCAB_FREQ))
    return tf.multiply(logits, weights)


frequency_weighted(tf.zeros([2, 4]))

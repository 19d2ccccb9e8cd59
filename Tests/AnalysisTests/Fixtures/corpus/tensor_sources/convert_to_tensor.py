# tf.convert_to_tensor yields a tensor, so `logits` is a tensor parameter: P1.
import tensorflow as tf


def squash(logits):  # expect: P1; tensorParameter=true
    return 0.5 * tf.tanh(logits)


raw = [[0.2, -1.3], [2.0, 0.1]]
squash(tf.convert_to_tensor(raw))

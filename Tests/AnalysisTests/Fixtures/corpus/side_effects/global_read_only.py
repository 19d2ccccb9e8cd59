# Reading module globals (a float and a tensor) writes nothing: P1.
import tensorflow as tf

TEMPERATURE = 0.7
CLASS_WEIGHTS = tf.constant([1.0, 2.0, 0.5])


def weighted_softmax(logits):  # expect: P1; sideEffects=false
    return tf.nn.softmax(logits / TEMPERATURE) * CLASS_WEIGHTS


weighted_softmax(tf.constant([0.1, 0.2, 0.3]))

# A hybrid that only receives bools has no tensor parameter: P2.
import tensorflow as tf


@tf.function
def dropout_rate(training):  # expect: P2
    return tf.constant(0.5 if training else 0.0)


dropout_rate(True)
dropout_rate(False)

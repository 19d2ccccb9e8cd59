# Calling an instance runs its __call__; the argument types its parameter: P1.
import tensorflow as tf


class Temperature:
    def __call__(self, logits):  # expect: P1
        return tf.divide(logits, 0.5)


soften = Temperature()
soften(tf.constant([1.0, 2.0]))

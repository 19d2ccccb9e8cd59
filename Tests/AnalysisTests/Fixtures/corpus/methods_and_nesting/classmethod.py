# A classmethod: `cls` is excluded like `self`; `x` is a tensor: P1.
import tensorflow as tf


class Batch:
    @classmethod
    def zeros_like(cls, x):  # expect: P1
        return tf.zeros_like(x)


Batch.zeros_like(tf.ones([2, 2]))

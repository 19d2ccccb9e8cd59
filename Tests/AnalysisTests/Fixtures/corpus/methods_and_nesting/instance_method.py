# A method on an instance made at module level; `self` is not a parameter that counts: P1.
import tensorflow as tf


class Normalizer:
    def __init__(self, eps):  # expect: fail=32
        self.eps = eps

    def apply(self, x):  # expect: P1
        return x / (tf.norm(x) + self.eps)


normalizer = Normalizer(1e-6)
normalizer.apply(tf.constant([3.0, 4.0]))
